"""iCalendar export as text: one event, the public feed, and a journalist's personal feed.

The calendar envelope (its properties and the VTIMEZONE) is built with the icalendar package.
The VEVENTs are written line by line here: icalendar's generic serializer costs about 0.3 ms
per event (3 s for a 10,000-event feed), while these few fixed properties need only RFC 5545
TEXT escaping, date formatting and 75-octet folding. The tests parse every feed back with
icalendar, so both sides of that bargain are checked.
"""

import functools
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from email.utils import parseaddr

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from icalendar import Calendar, Timezone, vDuration
from icalendar.parser import param_value

from common.dates import ICT
from events.models import EventKind, EventStatus

PRODID = "-//Press Center//Calendar 1.0//EN"
# Calendar apps poll subscribed feeds at most this often (REFRESH-INTERVAL, X-PUBLISHED-TTL).
REFRESH_INTERVAL = timedelta(hours=1)

EVENT_STATUS = {
    EventStatus.PUBLISHED: "CONFIRMED",
    # A postponed event keeps its old times until new ones are set: not to be relied on.
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.DRAFT: "TENTATIVE",
}

# Characters TEXT may not hold: controls other than tab and newline (CR is normalized first).
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def _escape(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newline escaped; control bytes dropped."""
    if _CONTROL_CHARACTERS.search(text):  # rare: the common case pays one scan in C
        text = _CONTROL_CHARACTERS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never inside a UTF-8 character."""
    if len(line) <= 75 and line.isascii():
        return line
    raw = line.encode()
    if len(raw) <= 75:
        return line
    pieces, start, limit = [], 0, 75
    while len(raw) - start > limit:
        end = start + limit
        while raw[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: step back to the lead byte
            end -= 1
        # Legal anywhere, but some clients unfold badly inside an escape such as "\,": keep
        # an escaping backslash on the same line as what it escapes.
        backslashes = 0
        while end - 1 - backslashes > start and raw[end - 1 - backslashes] == 0x5C:
            backslashes += 1
        end -= backslashes % 2
        pieces.append(raw[start:end])
        start, limit = end, 74  # continuation lines begin with a space, which counts
    pieces.append(raw[start:])
    return b"\r\n ".join(pieces).decode()


def _utc(moment: datetime) -> str:
    moment = moment.astimezone(UTC)
    return (
        f"{moment.year:04d}{moment.month:02d}{moment.day:02d}"
        f"T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}Z"
    )


@functools.cache
def _vtimezone(tzid: str) -> Timezone:
    """The VTIMEZONE for `tzid`, computed once per process (it walks years of transitions)."""
    return Timezone.from_tzid(tzid, first_date=date(2000, 1, 1), last_date=date(2100, 1, 1))


class _Writer:
    """Collects VEVENT lines for one calendar; everything per-calendar is computed once here."""

    def __init__(self, language: str):
        self.language = language
        self.lines: list[str] = []
        # The zone every page and PDF shows times in (common.dates), named by its IANA key.
        self.tz = ICT
        self.tzid = ICT.key
        self.domain = settings.CALENDAR_UID_DOMAIN
        marker = "__slug__"
        url = settings.SITE_URL + reverse("event-detail", kwargs={"slug": marker})
        self.url_prefix, self.url_suffix = url.split(marker)
        with translation.override(language):
            self.categories = {
                kind: _fold("CATEGORIES:" + _escape(capfirst(str(label))))
                for kind, label in EventKind.choices
            }
            self.status_notes = {
                EventStatus.CANCELLED: _("This event has been cancelled."),
                EventStatus.POSTPONED: _("This event has been postponed."),
            }
            self.online_label = _("Online")
            self.speakers_label = _("Speakers")
        _name, fallback_email = parseaddr(settings.DEFAULT_FROM_EMAIL)
        self.fallback_email = fallback_email or "no-reply@" + self.domain
        # Rooms and organizers repeat across a feed: their lines are built once per calendar.
        self._organizers: dict[tuple[int, str], str] = {}
        self._places: dict[int, tuple[str, ...]] = {}

    def _local(self, moment: datetime) -> str:
        moment = moment.astimezone(self.tz)
        return (
            f"{moment.year:04d}{moment.month:02d}{moment.day:02d}"
            f"T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}"
        )

    def _location(self, event, room) -> str:
        if room is None:
            return f"{self.online_label}: {event.online_url}" if event.online_url else ""
        venue = room.venue
        parts = (room.tr("name", self.language), venue.tr("name", self.language), venue.address)
        parts = [*parts, venue.city] if venue.city and venue.city not in venue.address else parts
        return ", ".join(part for part in parts if part)

    def _place(self, event, room) -> tuple[str, ...]:
        """LOCATION (and GEO when the venue has coordinates) lines of a room, built once."""
        if room is None:
            location = self._location(event, None)
            return (_fold("LOCATION:" + _escape(location)),) if location else ()
        lines = self._places.get(room.pk)
        if lines is None:
            lines = (_fold("LOCATION:" + _escape(self._location(event, room))),)
            venue = room.venue
            if venue.latitude is not None and venue.longitude is not None:
                lines += (f"GEO:{venue.latitude};{venue.longitude}",)
            self._places[room.pk] = lines
        return lines

    def _organizer(self, event) -> str:
        email = event.contact_email or event.organization.email or self.fallback_email
        key = (event.organization_id, email)
        line = self._organizers.get(key)
        if line is None:
            name = event.organization.tr("name", self.language)
            line = f"ORGANIZER;CN={param_value(name)}:mailto:{email}"
            self._organizers[key] = _fold(line)
        return self._organizers[key]

    def add_event(
        self,
        event,
        *,
        status: str | None = None,
        sequence: int | None = None,
        last_modified: datetime | None = None,
    ) -> None:
        """Write one VEVENT; the personal feed overrides status, sequence and modification time."""
        language = self.language
        url = self.url_prefix + event.slug + self.url_suffix
        room = event.room
        stamp = _utc(last_modified or event.updated_at)
        description = [event.tr("summary", language)]
        note = self.status_notes.get(event.status)
        if note:
            reason = event.cancellation_reason
            description.insert(0, f"{note} {reason}" if reason else note)
        if event.online_url:
            description.append(f"{self.online_label}: {event.online_url}")
        description.append(url)
        self.lines += [
            "BEGIN:VEVENT",
            f"UID:event-{event.pk}@{self.domain}",
            f"DTSTAMP:{stamp}",
            f"CREATED:{_utc(event.created_at)}",
            f"LAST-MODIFIED:{stamp}",
            f"SEQUENCE:{event.sequence if sequence is None else sequence}",
            f"STATUS:{status or EVENT_STATUS[event.status]}",
            _fold("SUMMARY:" + _escape(event.tr("title", language))),
            _fold("DESCRIPTION:" + _escape("\n\n".join(part for part in description if part))),
            _fold(f"URL;VALUE=URI:{url}"),
            *self._place(event, room),
            self.categories[event.kind],
            self._organizer(event),
            f"DTSTART;TZID={self.tzid}:{self._local(event.starts_at)}",
            f"DTEND;TZID={self.tzid}:{self._local(event.ends_at)}",
            "CLASS:PUBLIC",
            "TRANSP:OPAQUE",
            "END:VEVENT",
        ]

    def add_agenda_item(self, item, event) -> None:
        """Write one agenda item as its own VEVENT, related to its event and sharing its status."""
        language = self.language
        url = self.url_prefix + event.slug + self.url_suffix
        stamp = _utc(event.updated_at)
        description = [item.tr("description", language)]
        speakers = [speaker.name for speaker in item.speakers.all()]
        if speakers:
            description.append(f"{self.speakers_label}: {', '.join(speakers)}")
        description += [event.tr("title", language), url]
        location = self._location(event, item.room or event.room)
        self.lines += [
            "BEGIN:VEVENT",
            f"UID:agenda-{item.pk}@{self.domain}",
            f"DTSTAMP:{stamp}",
            f"LAST-MODIFIED:{stamp}",
            # Agenda items move with their event, so they share its revision number.
            f"SEQUENCE:{event.sequence}",
            f"STATUS:{EVENT_STATUS[event.status]}",
            _fold("SUMMARY:" + _escape(item.tr("title", language))),
            _fold("DESCRIPTION:" + _escape("\n\n".join(part for part in description if part))),
            _fold(f"URL;VALUE=URI:{url}"),
            *([_fold("LOCATION:" + _escape(location))] if location else []),
            _fold(f"RELATED-TO;RELTYPE=PARENT:event-{event.pk}@{self.domain}"),
            self.categories[event.kind],
            f"DTSTART;TZID={self.tzid}:{self._local(item.starts_at)}",
            f"DTEND;TZID={self.tzid}:{self._local(item.ends_at)}",
            "CLASS:PUBLIC",
            "TRANSP:OPAQUE",
            "END:VEVENT",
        ]

    def calendar(self, *, name: str | None, method: str | None = None) -> str:
        """The whole VCALENDAR: the icalendar-built envelope around the collected VEVENTs."""
        cal = Calendar()
        cal.add("prodid", PRODID)
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        if method:
            cal.add("method", method)
        if name:
            # A name makes clients treat the file as a calendar to subscribe to, not one event.
            cal.add("x-wr-calname", name)
            cal.add("name", name)
            cal.add(
                "refresh-interval", vDuration(REFRESH_INTERVAL), parameters={"VALUE": "DURATION"}
            )
            cal.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
        cal.add("x-wr-timezone", self.tzid)
        cal.add_component(_vtimezone(self.tzid))
        envelope = cal.to_ical().decode()
        head = envelope[: -len("END:VCALENDAR\r\n")]
        body = "\r\n".join(self.lines)
        return f"{head}{body}\r\nEND:VCALENDAR\r\n" if body else envelope


def default_feed_name(language: str) -> str:
    """The public feed's calendar name in `language`."""
    with translation.override(language):
        return _("Press Center: events")


def single_event_calendar(event, *, language: str = "vi", include_agenda: bool = False) -> str:
    """One event as a calendar file to import (or attach to an e-mail), optionally with agenda."""
    writer = _Writer(language)
    writer.add_event(event)
    if include_agenda:
        items = event.agenda_items.all()
        if "agenda_items" not in getattr(event, "_prefetched_objects_cache", {}):
            items = items.select_related("room__venue").prefetch_related("speakers")
        for item in items:
            writer.add_agenda_item(item, event)
    return writer.calendar(name=None, method="PUBLISH")


def events_feed(events: Iterable, *, language: str = "vi", name: str | None = None) -> str:
    """A subscribable feed of `events` (already limited to public ones, with room__venue and
    organization selected)."""
    writer = _Writer(language)
    for event in events:
        writer.add_event(event)
    return writer.calendar(name=name or default_feed_name(language))
