"""Calendar files and feeds: one event, the public feed and a journalist's personal feed.

Calendar apps poll feeds for ever, so every answer carries an ETag (a hash of the body, which is
deterministic) and a Last-Modified, and a conditional GET that matches gets an empty 304.
"""

import hashlib
from datetime import datetime, timedelta

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from common.responses import PER_VISITOR, content_disposition
from events import ical, selectors
from events.filters import EventFilter

# Without `starts_after`, the public feed starts this far back: enough for subscribers to keep
# recent history (and see recent cancellations) without the feed growing for ever.
FEED_PAST_DAYS = 90
SUPPORTED_LANGUAGES = {code for code, _name in settings.LANGUAGES}


def _bad_request(messages: list[str]) -> HttpResponseBadRequest:
    return HttpResponseBadRequest(
        "\n".join(messages) + "\n", content_type="text/plain; charset=utf-8"
    )


def _language_error(request) -> HttpResponseBadRequest | None:
    """`lang` must be one we publish in; the middleware alone would silently fall back."""
    language = request.GET.get("lang")
    if language is not None and language not in SUPPORTED_LANGUAGES:
        return _bad_request([_("Unknown language: %(lang)s") % {"lang": language}])
    return None


def _calendar_response(
    request,
    body: str,
    *,
    last_modified: datetime | None,
    filename: str,
    attachment: bool = False,
    private: bool = False,
) -> HttpResponse:
    """The .ics answer with validators, or a 304 when the client already holds this body."""
    content = body.encode()
    etag = f'"{hashlib.sha256(content).hexdigest()[:32]}"'
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["ETag"] = etag
    modified = int(last_modified.timestamp()) if last_modified else None
    if modified is not None:
        response["Last-Modified"] = http_date(modified)
    response["Content-Disposition"] = content_disposition(filename, download=attachment)
    if private:
        # A secret URL: caches in between must not keep it, search engines must not list it.
        response["Cache-Control"] = PER_VISITOR
        response["X-Robots-Tag"] = "noindex, nofollow"
    else:
        response["Cache-Control"] = "public, max-age=300"
    return get_conditional_response(request, etag=etag, last_modified=modified, response=response)


@require_safe
def event_calendar(request, slug):
    """One public event as an .ics download; `?agenda=1` adds its agenda items."""
    if error := _language_error(request):
        return error
    include_agenda = request.GET.get("agenda") in ("1", "true", "yes")
    event = get_object_or_404(
        selectors.calendar_event_queryset(include_agenda=include_agenda), slug=slug
    )
    body = ical.single_event_calendar(
        event, language=request.LANGUAGE_CODE, include_agenda=include_agenda
    )
    return _calendar_response(
        request,
        body,
        last_modified=event.updated_at,
        filename=f"{event.slug}.ics",
        attachment=True,
    )


@require_safe
def public_calendar(request):
    """The public feed, narrowed by the event list's filters; unknown filters answer 400."""
    if error := _language_error(request):
        return error
    events = selectors.calendar_events()
    if not request.GET.get("starts_after"):
        events = events.filter(ends_at__gte=timezone.now() - timedelta(days=FEED_PAST_DAYS))
    event_filter = EventFilter(request.GET, queryset=events)
    if not event_filter.is_valid():
        return _bad_request(
            [
                f"{field}: {message}" if field != "__all__" else message
                for field, messages in event_filter.errors.items()
                for message in messages
            ]
        )
    events = list(event_filter.qs)
    body = ical.events_feed(events, language=request.LANGUAGE_CODE)
    last_modified = max((event.updated_at for event in events), default=None)
    return _calendar_response(request, body, last_modified=last_modified, filename="calendar.ics")
