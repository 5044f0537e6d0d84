from django import template

from events.permissions import can_manage_event
from press import selectors as press_selectors

register = template.Library()


@register.inclusion_tag("press/_event_press.html", takes_context=True)
def event_press(context, event):
    """The press section of an event page: kit links, releases the visitor may read, contacts."""
    request = context["request"]
    releases = press_selectors.releases_for_event(request.user, event)
    return {
        "event": event,
        "releases": [(r, r.is_embargoed()) for r in releases],
        "contacts": press_selectors.media_contacts_for(event),
        "can_manage": can_manage_event(request.user, event),
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }
