"""Front-desk check-in: one function per way in (scan, search), every attempt recorded.

Exactly once: the scan locks the accreditation row (PostgreSQL; SQLite serializes whole write
transactions, which the settings open as IMMEDIATE) before looking for an earlier admission,
and a conditional unique constraint (one accepted scan per accreditation) is the backstop the
database holds whatever the code does.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from accreditation.badges import is_well_formed, normalize_code
from accreditation.models import (
    REFUSED_RESULTS,
    Accreditation,
    AccreditationStatus,
    Badge,
    BadgeStatus,
    CheckIn,
    ScanResult,
)
from config.errors import DomainError
from events.models import Event, EventStatus

CODE_MAX_STORED = CheckIn._meta.get_field("code").max_length


class CheckInError(DomainError):
    """A rule about check-in refused the operation (e.g. code="not_approved")."""


@dataclass(frozen=True)
class ScanOutcome:
    """What the desk shows: the verdict, who it is about and the earlier admission if any."""

    result: str
    checkin: CheckIn
    accreditation: Accreditation | None
    previous: CheckIn | None

    @property
    def admitted(self) -> bool:
        return self.result == ScanResult.ACCEPTED


def _record(**fields) -> CheckIn:
    checkin = CheckIn(**fields)
    # Field values only: the foreign keys were just read and the unique constraint is enforced
    # by the database, so the look-ups full_clean would add to every scan are skipped.
    checkin.full_clean(
        exclude=["event", "accreditation", "badge", "scanned_by"],
        validate_unique=False,
        validate_constraints=False,
    )
    checkin.save(force_insert=True)
    return checkin


def _admit(*, accreditation, badge, event, code, desk, by, manual) -> ScanOutcome:
    """Admit `accreditation` unless an accepted scan exists; the caller holds its row lock."""
    previous = (
        CheckIn.objects.select_related("scanned_by")
        .filter(accreditation=accreditation, result=ScanResult.ACCEPTED)
        .first()
    )
    result = ScanResult.ALREADY_CHECKED_IN if previous else ScanResult.ACCEPTED
    checkin = _record(
        event=event,
        accreditation=accreditation,
        badge=badge,
        code=code,
        desk=desk,
        scanned_by=by,
        result=result,
        manual=manual,
    )
    return ScanOutcome(result, checkin, accreditation, previous)


def _clean_desk(desk: str) -> str:
    desk = (desk or "").strip()
    if not desk:
        raise ValidationError({"desk": [_("Name the desk, e.g. “Desk 2”.")]})
    return desk


@transaction.atomic
def checkin_scan(*, code: str, event: Event, desk: str, by) -> ScanOutcome:
    """Check in whoever holds the badge with `code` at `event`; records the scan, any verdict."""
    desk = _clean_desk(desk)
    normalized = normalize_code(code)
    badge = None
    if is_well_formed(normalized):
        badge = (
            Badge.objects.select_related("accreditation__journalist__outlet")
            .select_for_update(of=("accreditation",))
            .filter(code=normalized)
            .first()
        )
    accreditation = badge.accreditation if badge else None
    stored_code = normalized[:CODE_MAX_STORED]

    if event.status == EventStatus.CANCELLED:
        result = ScanResult.EVENT_CANCELLED
    elif badge is None:
        result = ScanResult.INVALID
    elif accreditation.event_id != event.pk:
        result = ScanResult.WRONG_EVENT
    elif badge.status == BadgeStatus.SUPERSEDED:
        result = ScanResult.SUPERSEDED
    elif accreditation.status != AccreditationStatus.APPROVED:
        result = ScanResult.REVOKED
    else:
        return _admit(
            accreditation=accreditation,
            badge=badge,
            event=event,
            code=stored_code,
            desk=desk,
            by=by,
            manual=False,
        )

    checkin = _record(
        event=event,
        accreditation=accreditation,
        badge=badge,
        code=stored_code,
        desk=desk,
        scanned_by=by,
        result=result,
    )
    return ScanOutcome(result, checkin, accreditation, None)


@transaction.atomic
def checkin_manual(*, accreditation: Accreditation, event: Event, desk: str, by) -> ScanOutcome:
    """Check in a journalist found by name at the desk (phone will not scan); records it."""
    desk = _clean_desk(desk)
    locked = (
        Accreditation.objects.select_related("journalist__outlet")
        .select_for_update(of=("self",))
        .get(pk=accreditation.pk)
    )
    if locked.event_id != event.pk:
        raise CheckInError("wrong_event", _("This accreditation is for another event."))
    if event.status == EventStatus.CANCELLED:
        result = ScanResult.EVENT_CANCELLED
    elif locked.status != AccreditationStatus.APPROVED:
        result = ScanResult.REVOKED
    else:
        badge = locked.badges.filter(status=BadgeStatus.ACTIVE).first()
        return _admit(
            accreditation=locked,
            badge=badge,
            event=event,
            code="",
            desk=desk,
            by=by,
            manual=True,
        )
    checkin = _record(
        event=event,
        accreditation=locked,
        code="",
        desk=desk,
        scanned_by=by,
        result=result,
        manual=True,
    )
    return ScanOutcome(result, checkin, locked, None)


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
