"""Attendance of one event: live figures for the console and the export of who came.

Reads only; a fixed handful of queries whatever the size of the event, so the page can poll
every few seconds while 200 journalists arrive.
"""

import csv
import io
from datetime import datetime, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accreditation.models import (
    Accreditation,
    AccreditationStatus,
    JournalistRole,
)
from accreditation.selectors import active_badge, with_active_badge
from checkin.models import REFUSED_RESULTS, CheckIn, ScanResult
from common.dates import SORTABLE_DATETIME_FORMAT, format_time, local
from common.text import slugify_vi

SLOT = timedelta(minutes=15)
MAX_FILLED_SLOTS = 96  # one day of quarter hours; past that only the slots with arrivals show


def _slot_start(moment: datetime) -> datetime:
    at = local(moment)
    return at.replace(minute=at.minute - at.minute % 15, second=0, microsecond=0)


def arrivals_per_slot(times: list[datetime]) -> list[dict]:
    """Admissions per quarter hour (local time), empty quarters in between included."""
    if not times:
        return []
    counts: dict[datetime, int] = {}
    for moment in times:
        start = _slot_start(moment)
        counts[start] = counts.get(start, 0) + 1
    first, last = min(counts), max(counts)
    if (last - first) / SLOT < MAX_FILLED_SLOTS:
        slot = first
        while slot <= last:
            counts.setdefault(slot, 0)
            slot += SLOT
    return [
        {"start": start.isoformat(), "label": format_time(start), "count": counts[start]}
        for start in sorted(counts)
    ]


def attendance_figures(event) -> dict:
    """Approved, checked in, not yet arrived; refused scans by result; per desk, category, slot."""
    per_category = (
        Accreditation.objects.filter(event=event, status=AccreditationStatus.APPROVED)
        .values("category")
        .annotate(
            approved=Count("id", distinct=True),
            arrived=Count(
                "checkins", filter=Q(checkins__result=ScanResult.ACCEPTED), distinct=True
            ),
        )
        .order_by("category")
    )
    categories = [
        {
            "category": row["category"],
            "label": str(JournalistRole(row["category"]).label),
            "approved": row["approved"],
            "arrived": row["arrived"],
        }
        for row in per_category
    ]
    scans = CheckIn.objects.filter(event=event)
    desks = [
        {"desk": row["desk"], **{k: row[k] for k in ("accepted", "refused", "repeats", "scans")}}
        for row in scans.values("desk")
        .annotate(
            accepted=Count("id", filter=Q(result=ScanResult.ACCEPTED)),
            refused=Count("id", filter=Q(result__in=REFUSED_RESULTS)),
            repeats=Count("id", filter=Q(result=ScanResult.ALREADY_CHECKED_IN)),
            scans=Count("id"),
        )
        .order_by("desk")
    ]
    refused_counts = dict(
        scans.filter(result__in=REFUSED_RESULTS)
        .values("result")
        .annotate(n=Count("id"))
        .values_list("result", "n")
    )
    refused = [
        {"result": result, "label": str(ScanResult(result).label), "count": refused_counts[result]}
        for result in REFUSED_RESULTS
        if refused_counts.get(result)
    ]
    times = list(scans.filter(result=ScanResult.ACCEPTED).values_list("created_at", flat=True))
    approved = sum(row["approved"] for row in categories)
    arrived = sum(row["arrived"] for row in categories)
    return {
        "approved": approved,
        "checked_in": len(times),
        "not_arrived": approved - arrived,
        "refused_total": sum(refused_counts.values()),
        "refused": refused,
        "desks": desks,
        "categories": categories,
        "slots": arrivals_per_slot(times),
        "updated_at": format_time(timezone.now(), seconds=True),
    }


def attendance_rows(event) -> QuerySet[Accreditation]:
    """Approved journalists of `event` and anyone admitted (even if revoked since), with badge
    and admission prefetched (read them with `active_badge` and `.admissions`)."""
    admissions = CheckIn.objects.filter(result=ScanResult.ACCEPTED).order_by("created_at")
    rows = (
        Accreditation.objects.filter(event=event)
        .filter(Q(status=AccreditationStatus.APPROVED) | Q(checkins__result=ScanResult.ACCEPTED))
        .distinct()
        .select_related("journalist__outlet")
        .prefetch_related(Prefetch("checkins", queryset=admissions, to_attr="admissions"))
    )
    return with_active_badge(rows)


def _sorted_by_name(rows) -> list[Accreditation]:
    # Accents ignored (Đ sorts with D), as on the badges.
    return sorted(rows, key=lambda a: (slugify_vi(a.journalist.full_name, max_length=200), a.pk))


def attendance_csv(event) -> bytes:
    """Accredited and checked-in journalists as CSV (UTF-8 with BOM, so Excel reads Vietnamese)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            _("Name"),
            _("Outlet"),
            _("Category"),
            _("Status"),
            _("Badge serial"),
            _("Checked in at (ICT)"),
            _("Desk"),
        ]
    )
    for accreditation in _sorted_by_name(attendance_rows(event)):
        admission = accreditation.admissions[0] if accreditation.admissions else None
        badge = active_badge(accreditation)
        outlet = accreditation.journalist.outlet
        writer.writerow(
            [
                accreditation.journalist.full_name,
                outlet.name if outlet else "",
                accreditation.get_category_display(),
                accreditation.get_status_display(),
                badge.serial if badge else "",
                (
                    local(admission.created_at).strftime(SORTABLE_DATETIME_FORMAT)
                    if admission
                    else ""
                ),
                admission.desk if admission else "",
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def badge_rows(event) -> list[Accreditation]:
    """Approved accreditations of `event` for the badges tab, each with `.badge` (its active
    badge) and `.admissions`."""
    rows = _sorted_by_name(attendance_rows(event).filter(status=AccreditationStatus.APPROVED))
    for row in rows:
        row.badge = active_badge(row)
    return rows
