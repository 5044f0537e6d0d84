"""The front desk page and walk-in registration."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie

from accreditation.forms import WalkInForm
from accreditation.models import JournalistRole
from accreditation.selectors import active_badge
from accreditation.services import accreditation_walk_in
from checkin.models import ScanResult
from checkin.selectors import checkin_counters, desk_events
from common.errors import SERVICE_ERRORS
from common.forms import add_service_error
from events.models import Event
from events.permissions import (
    can_check_in,
    can_manage_event,
)


def verdict_labels() -> dict[str, str]:
    """The words the desk shows and says for each verdict, in the page's language."""
    return {
        ScanResult.ACCEPTED: _("ACCEPTED"),
        ScanResult.ALREADY_CHECKED_IN: _("ALREADY CHECKED IN"),
        ScanResult.REVOKED: _("REVOKED"),
        ScanResult.SUPERSEDED: _("SUPERSEDED"),
        ScanResult.INVALID: _("INVALID"),
        ScanResult.WRONG_EVENT: _("WRONG EVENT"),
        ScanResult.EVENT_CANCELLED: _("EVENT CANCELLED"),
    }


@login_required
@ensure_csrf_cookie
def desk(request, slug):
    """The front desk of one event: scanner input, camera, verdicts, counters, search."""
    event = get_object_or_404(Event.objects.select_related("room__venue"), slug=slug)
    if not can_check_in(request.user, event):
        raise PermissionDenied
    config = {
        "event": event.pk,
        "checkinUrl": reverse("api-checkin-list"),
        "searchUrl": reverse("api-event-desk-search", args=[event.pk]),
        "labels": verdict_labels(),
        "categories": dict(JournalistRole.choices),
        "text": {
            "ready": _("Ready — scan a badge"),
            "checkedInAt": _("Checked in at %(time)s at %(desk)s"),
            "by": _("by %(name)s"),
            "checkIn": _("Check in"),
            "checkedIn": _("checked in %(time)s"),
            "noResults": _("Nobody found."),
            "error": _("ERROR"),
            "offline": _("No answer from the server. Scan again."),
            "noCamera": _("This browser cannot use the camera."),
            "wrongEvent": _("This badge is for another event."),
            "cancelled": _("This event is cancelled."),
            "manual": _("by search"),
        },
        "polyfillUrl": request.build_absolute_uri(
            "/static/vendor/barcode-detector/barcode-detector-polyfill.js"
        ),
        "wasmUrl": "/static/vendor/barcode-detector/zxing_reader.wasm",
    }
    context = {
        "event": event,
        "desk_config": config,
        "counters": checkin_counters(event),
        "can_manage": can_manage_event(request.user, event),
    }
    # Organizers register walk-ins from the desk; front-desk staff only scan and search.
    if context["can_manage"] and event.allow_walk_ins:
        context["walk_in_form"] = WalkInForm()
    return render(request, "checkin/desk.html", context)


@login_required
def walk_in(request, slug):
    """Register, request and approve a walk-in in one step (organizers; walk-ins allowed)."""
    event = get_object_or_404(desk_events(request.user), slug=slug)
    if not can_check_in(request.user, event):
        raise Http404
    if not can_manage_event(request.user, event):
        raise PermissionDenied  # front desk searches; organizers register walk-ins
    form = WalkInForm(request.POST if request.method == "POST" else None)
    accreditation = None
    if request.method == "POST" and form.is_valid():
        try:
            accreditation = accreditation_walk_in(
                event=event, by=request.user, **form.service_fields()
            )
        except SERVICE_ERRORS as error:
            add_service_error(form, error)
        else:
            form = WalkInForm()  # ready for the next person
    badge = active_badge(accreditation) if accreditation else None
    return render(
        request,
        "checkin/walk_in.html",
        {"event": event, "form": form, "accreditation": accreditation, "badge": badge},
        status=400 if form.errors else 200,
    )
