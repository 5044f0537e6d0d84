"""Reads for the desk: events a user may staff, counters, scan lists and desk search."""

from django.db.models import Count, Prefetch, Q, QuerySet

from accreditation.models import (
    Accreditation,
    AccreditationStatus,
)
from checkin.models import REFUSED_RESULTS, CheckIn, ScanResult
from events.models import Event
from organizations.permissions import (
    is_superuser,
    staff_organization_ids,
)


def desk_events(user) -> QuerySet[Event]:
    """Events whose desk and attendance the user may open (front desk or organizer)."""
    events = Event.objects.select_related("organization", "room__venue")
    if is_superuser(user):
        return events
    return events.filter(organization_id__in=staff_organization_ids(user))


def checkin_counters(event: Event) -> dict[str, int]:
    """Desk counters for `event`: approved, checked in, repeat scans, refused scans."""
    scans = CheckIn.objects.filter(event=event).aggregate(
        checked_in=Count("id", filter=Q(result=ScanResult.ACCEPTED)),
        repeats=Count("id", filter=Q(result=ScanResult.ALREADY_CHECKED_IN)),
        refused=Count("id", filter=Q(result__in=REFUSED_RESULTS)),
        scans=Count("id"),
    )
    approved = Accreditation.objects.filter(
        event=event, status=AccreditationStatus.APPROVED
    ).count()
    return {"approved": approved, **scans}


def checkins_for_event(event: Event) -> QuerySet[CheckIn]:
    """Scans at `event`, newest first, with what a list shows already joined."""
    return CheckIn.objects.filter(event=event).select_related(
        "scanned_by", "accreditation__journalist__outlet"
    )


def desk_search(event: Event, query: str, *, limit: int = 20) -> list[Accreditation]:
    """Approved journalists of `event` whose name or outlet contains `query`, with admission."""
    query = (query or "").strip()
    if len(query) < 2:
        return []
    admissions = CheckIn.objects.filter(result=ScanResult.ACCEPTED).select_related("scanned_by")
    return list(
        Accreditation.objects.filter(event=event, status=AccreditationStatus.APPROVED)
        .filter(
            Q(journalist__full_name__icontains=query) | Q(journalist__outlet__name__icontains=query)
        )
        .select_related("journalist__outlet")
        .prefetch_related(Prefetch("checkins", queryset=admissions, to_attr="admissions"))
        .order_by("journalist__full_name", "id")[:limit]
    )
