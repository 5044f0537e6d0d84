"""Reads for the organizer console: the user's organizations' events, with their counters."""

from datetime import datetime

from django.db.models import Count, IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from accreditation.models import Accreditation, AccreditationStatus
from common.dates import local_day_bounds
from events.models import AgendaItem, Event, Speaker
from organizations.permissions import (
    is_superuser,
    organizer_organization_ids,
)


def managed_events(user) -> QuerySet[Event]:
    """Events of the organizations the user organizes, drafts included, with their place."""
    events = Event.objects.select_related("organization", "room__venue")
    if is_superuser(user):
        return events
    return events.filter(organization_id__in=organizer_organization_ids(user))


def _count_per_event(rows: QuerySet) -> Coalesce:
    """A correlated COUNT(*) of `rows` for each event, computed inside the event query.

    Subqueries rather than Count() over joins: two joined counts (accreditations and check-ins)
    would multiply each other's rows.
    """
    counted = (
        rows.filter(event_id=OuterRef("pk"))
        .order_by()
        .values("event_id")
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _admissions():
    """Accepted check-ins, once the badges work (accreditation.models.CheckIn) is merged.

    HOOK(badges): until CheckIn exists this returns None and the console hides "checked in".
    """
    try:
        from checkin.models import CheckIn
    except ImportError:
        return None
    return CheckIn.objects.filter(result="accepted")


def with_counters(events: QuerySet[Event]) -> QuerySet[Event]:
    """Annotate pending, approved (and, when available, checked-in) counts in the same query."""
    events = events.annotate(
        pending_count=_count_per_event(
            Accreditation.objects.filter(status=AccreditationStatus.PENDING)
        ),
        approved_count=_count_per_event(
            Accreditation.objects.filter(status=AccreditationStatus.APPROVED)
        ),
    )
    admissions = _admissions()
    if admissions is not None:
        events = events.annotate(checked_in_count=_count_per_event(admissions))
    return events


def checkins_available() -> bool:
    """Whether check-in counts exist yet (see `_admissions`)."""
    return _admissions() is not None


def dashboard_events(user, *, now: datetime, limit: int = 50) -> tuple[list[Event], list[Event]]:
    """(happening today, later): the user's events that have not ended, with their counters.

    "Today" holds events starting later today and those already running (multi-day ones too).
    """
    _today_start, tomorrow = local_day_bounds(timezone.localdate(now))
    events = list(
        with_counters(managed_events(user).upcoming(now)).order_by("starts_at", "id")[:limit]
    )
    today = [event for event in events if event.starts_at < tomorrow]
    later = [event for event in events if event.starts_at >= tomorrow]
    return today, later


def event_with_program(user, slug: str) -> Event:
    """One managed event with its counters, agenda (rooms, speakers) and speakers prefetched."""
    return (
        with_counters(managed_events(user))
        .prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("room__venue").prefetch_related(
                    "speakers"
                ),
            ),
            "speakers",
        )
        .get(slug=slug)
    )


def organization_speakers(organization_id: int) -> QuerySet[Speaker]:
    """The speakers an organization keeps on file, to pick from on its events."""
    return Speaker.objects.filter(organization_id=organization_id).order_by("name", "id")
