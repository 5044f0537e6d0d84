"""The public calendar feed with 2,000 and 10,000 events, against a JSON baseline of the same data.

Both sides run the same query (selector + EventFilter) on the same rows; the baseline serializes
the fields a VEVENT carries to JSON, the feed writes iCalendar, hashes it for the ETag and answers.
"""

import json
from datetime import timedelta
from decimal import Decimal

from bench import best_of, temporary_database

SIZES = (2_000, 10_000)
TARGET_10K_SECONDS = 1.0


def _populate(count: int) -> None:
    """`count` public events (a few cancelled or postponed) over 20 organizers and 50 rooms."""
    from django.utils import timezone

    from events.models import Event, EventKind, EventStatus
    from organizations.models import Organization
    from venues.models import Room, Venue

    Event.objects.all().delete()
    if not Organization.objects.exists():
        Organization.objects.bulk_create(
            Organization(
                name=f"Sở Văn hóa, Thể thao và Du lịch {n}",
                name_en=f"Department of Culture, Sports and Tourism {n}",
                slug=f"org-{n}",
                email=f"so-{n}@hanoi.gov.vn",
            )
            for n in range(20)
        )
        venues = Venue.objects.bulk_create(
            Venue(
                name=f"Trung tâm Báo chí {n}",
                name_en=f"Press Center {n}",
                slug=f"venue-{n}",
                address=f"{n} Lê Thạch, Hoàn Kiếm",
                latitude=Decimal("21.025460"),
                longitude=Decimal("105.855430"),
            )
            for n in range(10)
        )
        Room.objects.bulk_create(
            Room(venue=venue, name=f"Phòng {n}", name_en=f"Room {n}", capacity=100)
            for venue in venues
            for n in range(5)
        )
    organizations = list(Organization.objects.all())
    rooms = list(Room.objects.all())
    kinds = [kind for kind, _label in EventKind.choices]
    statuses = [EventStatus.PUBLISHED] * 18 + [EventStatus.CANCELLED, EventStatus.POSTPONED]
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=1)
    Event.objects.bulk_create(
        (
            Event(
                organization=organizations[n % len(organizations)],
                title=f"Họp báo về Lễ hội Áo dài, văn hóa; du lịch Hà Nội {n}",
                title_en=f"Press conference on the Hanoi Ao Dai Festival {n}",
                slug=f"event-{n}",
                summary="Thông tin về chương trình lễ hội, các hoạt động trải nghiệm;\n"
                "địa điểm tổ chức và kế hoạch đón khách.",
                kind=kinds[n % len(kinds)],
                status=statuses[n % len(statuses)],
                cancellation_reason="Thời tiết xấu" if n % 20 >= 18 else "",
                starts_at=start + timedelta(hours=3 * n),
                ends_at=start + timedelta(hours=3 * n + 2),
                room=rooms[n % len(rooms)],
                sequence=n % 4,
            )
            for n in range(count)
        ),
        batch_size=1000,
    )


def _json_baseline(request):
    """The same query and the same fields, as JSON: the floor a feed format could reach."""
    from django.conf import settings
    from django.http import HttpResponse
    from django.urls import reverse

    from events import selectors
    from events.filters import EventFilter

    event_filter = EventFilter(request.GET, queryset=selectors.calendar_events())
    assert event_filter.is_valid()
    # Same shortcut as the feed: reverse() once, not once per event.
    url = settings.SITE_URL + reverse("event-detail", args=["__slug__"])
    prefix, suffix = url.split("__slug__")
    rows = []
    for event in event_filter.qs:
        room = event.room
        rows.append(
            {
                "uid": f"event-{event.pk}@{settings.CALENDAR_UID_DOMAIN}",
                "updated": event.updated_at.isoformat(),
                "sequence": event.sequence,
                "status": event.status,
                "title": event.tr("title", "vi"),
                "summary": event.tr("summary", "vi"),
                "url": prefix + event.slug + suffix,
                "location": ", ".join(
                    (room.tr("name", "vi"), room.venue.tr("name", "vi"), room.venue.address)
                ),
                "geo": [str(room.venue.latitude), str(room.venue.longitude)],
                "kind": event.kind,
                "organizer": event.organization.tr("name", "vi"),
                "starts_at": event.starts_at.isoformat(),
                "ends_at": event.ends_at.isoformat(),
            }
        )
    return HttpResponse(json.dumps(rows, ensure_ascii=False), content_type="application/json")


def _measure(count: int) -> dict:
    import icalendar
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    from events import calendar_views, ical, selectors

    _populate(count)
    factory = RequestFactory()

    def feed_request():
        # Everything from far back, so the default 90-day window never trims the benchmark.
        request = factory.get("/calendar.ics", {"starts_after": "2000-01-01T00:00:00Z"})
        request.LANGUAGE_CODE = "vi"
        return request

    response = calendar_views.public_calendar(feed_request())
    assert response.status_code == 200, response.content[:200]
    parsed = icalendar.Calendar.from_ical(response.content.decode())
    assert len(parsed.walk("VEVENT")) == count, "the feed must hold every event"
    with CaptureQueriesContext(connection) as queries:
        calendar_views.public_calendar(feed_request())
    events = list(selectors.calendar_events())
    repeat = 5 if count <= 2_000 else 3
    return {
        "count": count,
        "queries": len(queries),
        "bytes": len(response.content),
        "feed": best_of(lambda: calendar_views.public_calendar(feed_request()), repeat=repeat),
        "json": best_of(lambda: _json_baseline(feed_request()), repeat=repeat),
        "render": best_of(lambda: ical.events_feed(events, language="vi"), repeat=repeat),
        "query": best_of(lambda: list(selectors.calendar_events()), repeat=repeat),
    }


def main() -> None:
    with temporary_database():
        results = [_measure(count) for count in SIZES]
    for r in results:
        per_event = r["feed"] / r["count"] * 1e6
        print(
            f"{r['count']:>6} events: feed {r['feed'] * 1000:7.1f} ms ({per_event:5.1f} µs/event, "
            f"{r['bytes'] / 1e6:.1f} MB) | JSON baseline {r['json'] * 1000:7.1f} ms | "
            f"ratio {r['feed'] / r['json']:.2f}x | of which query {r['query'] * 1000:.1f} ms, "
            f"iCalendar writing {r['render'] * 1000:.1f} ms | {r['queries']} queries"
        )
    counts = {r["count"]: r["queries"] for r in results}
    print(f"query count by feed size: {counts}")
    assert len(set(counts.values())) == 1, f"query count grows with the feed: {counts}"
    ten_thousand = next(r for r in results if r["count"] == 10_000)
    verdict = "met" if ten_thousand["feed"] < TARGET_10K_SECONDS else "MISSED"
    print(f"target 10,000 events under {TARGET_10K_SECONDS:.0f} s: {verdict}")


if __name__ == "__main__":
    from bench import django_setup

    django_setup()
    main()
