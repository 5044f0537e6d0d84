"""Links that put events into calendar apps: .ics download, webcal subscription, Google Calendar."""

from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlencode, urlsplit

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

register = template.Library()

# Event-list parameters the feed understands as they are; the list's date pickers are translated.
PASS_THROUGH = ("kind", "status", "venue", "room", "organization", "search")
GOOGLE_CALENDAR = "https://calendar.google.com/calendar/render"


def _google_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _local_midnight(value: str, *, days_after: int = 0) -> str | None:
    try:
        day = date.fromisoformat(value) + timedelta(days=days_after)
    except ValueError:
        return None
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone()).isoformat()


def _feed_query(params) -> dict[str, str]:
    """The list page's filters as feed filters (its dates are whole local days)."""
    query = {name: params[name] for name in PASS_THROUGH if params.get(name)}
    if params.get("starts_after"):
        query["starts_after"] = _local_midnight(params["starts_after"])
    if params.get("starts_before"):
        # The page's "to" day is inclusive; the feed's `starts_before` is exclusive.
        query["starts_before"] = _local_midnight(params["starts_before"], days_after=1)
    return {name: value for name, value in query.items() if value}


def _links(path: str, query: dict[str, str]) -> dict[str, str]:
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    if language != settings.LANGUAGE_CODE:
        query = {**query, "lang": language}
    suffix = f"?{urlencode(query)}" if query else ""
    site = urlsplit(settings.SITE_URL)
    subscribe = f"webcal://{site.netloc}{site.path}{path}{suffix}"
    return {"download": f"{path}{suffix}", "subscribe": subscribe, "language": language}


@register.simple_tag(takes_context=True)
def calendar_links(context, event=None) -> dict[str, str]:
    """For one event, or (without one) for the event list's current filters."""
    if not event:  # an undefined template variable arrives as ""
        request = context.get("request")
        links = _links(reverse("calendar-feed"), _feed_query(request.GET if request else {}))
        links["google"] = f"{GOOGLE_CALENDAR}?{urlencode({'cid': links['subscribe']})}"
        return links
    links = _links(reverse("event-calendar", kwargs={"slug": event.slug}), {})
    language = links["language"]
    url = settings.SITE_URL + event.get_absolute_url()
    details = "\n\n".join(part for part in (event.tr("summary", language), url) if part)
    location = ""
    if event.room_id:
        room, venue = event.room, event.room.venue
        location = ", ".join(
            part
            for part in (room.tr("name", language), venue.tr("name", language), venue.address)
            if part
        )
    elif event.online_url:
        location = event.online_url
    google = {
        "action": "TEMPLATE",
        "text": event.tr("title", language),
        "dates": f"{_google_time(event.starts_at)}/{_google_time(event.ends_at)}",
        "details": details,
        "location": location,
        "ctz": settings.TIME_ZONE,
    }
    links["google"] = f"{GOOGLE_CALENDAR}?{urlencode(google)}"
    return links
