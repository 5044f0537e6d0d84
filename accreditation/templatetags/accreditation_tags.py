from django import template

from accreditation.forms import RequestForm
from accreditation.models import Accreditation
from accreditation.permissions import can_review, own_profile
from accreditation.services import allowed_decisions, can_request_again

register = template.Library()


@register.inclusion_tag("accreditation/_request_box.html", takes_context=True)
def accreditation_request_box(context, event):
    """The event page's accreditation box: the request form, or where my request stands."""
    request = context["request"]
    user = request.user
    profile = own_profile(user)
    mine = (
        Accreditation.objects.filter(event=event, journalist=profile).first() if profile else None
    )
    return {
        "event": event,
        "user": user,
        "profile": profile,
        "mine": mine,
        "is_open": event.accreditation_is_open(),
        "can_cancel": mine is not None and "cancel" in allowed_decisions(mine),
        "reopenable": mine is not None and can_request_again(mine),
        "form": RequestForm(initial={"category": profile.role if profile else None}),
        "can_review": can_review(user, event),
        "csrf_token": context.get("csrf_token"),
        "current_path": context.get("current_path"),
    }


@register.filter
def allows(accreditation: Accreditation, decision: str) -> bool:
    """`{% if a|allows:"approve" %}`: offer a decision only where the service accepts it."""
    return decision in allowed_decisions(accreditation)


@register.filter
def status_class(status: str) -> str:
    return f"acc-{status}"
