"""Front-desk check-in: one function per way in (scan, search), every attempt recorded.

Exactly once: a conditional unique constraint (one accepted scan per accreditation) lets the
database refuse a second admission, whichever desk is second. A scan therefore reads without
locking (one query: badge, holder and any earlier admission) and writes one row; only the
insert of an admission runs in a transaction, so on SQLite the write lock is held for one
INSERT and desks do not queue behind each other's reads. A desk that loses the race gets the
IntegrityError, reads the winner's admission and records "already checked in".
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import FilteredRelation, Q
from django.utils.translation import gettext as _

from accreditation.badges import is_well_formed, normalize_code
from accreditation.models import (
    Accreditation,
    AccreditationStatus,
    Badge,
    BadgeStatus,
    JournalistProfile,
    MediaOutlet,
)
from accreditation.selectors import active_badge
from checkin.models import CheckIn, ScanResult
from common.errors import DomainError
from common.text import user_label
from events.models import Event, EventStatus

CODE_MAX_STORED = CheckIn._meta.get_field("code").max_length


class CheckInError(DomainError):
    """A rule about check-in refused the operation (e.g. code="wrong_event")."""


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


def _snapshot(*, accreditation, badge, scanned_by) -> dict:
    """What a scan keeps of badge, request and desk account, should they go: never a name."""
    journalist = accreditation.journalist if accreditation is not None else None
    return {
        "scanned_by_label": user_label(scanned_by),
        "badge_serial": badge.serial if badge is not None else "",
        "category": accreditation.category if accreditation is not None else "",
        "outlet_name": journalist.outlet.name if journalist and journalist.outlet_id else "",
    }


def _record(**fields) -> CheckIn:
    checkin = CheckIn(
        **fields,
        **_snapshot(
            accreditation=fields.get("accreditation"),
            badge=fields.get("badge"),
            scanned_by=fields.get("scanned_by"),
        ),
    )
    # Field values only: the foreign keys were just read and the unique constraint is enforced
    # by the database, so the look-ups full_clean would add to every scan are skipped.
    checkin.full_clean(
        exclude=["event", "accreditation", "badge", "scanned_by"],
        validate_unique=False,
        validate_constraints=False,
    )
    checkin.save(force_insert=True)
    return checkin


def _clean_desk(desk: str) -> str:
    desk = (desk or "").strip()
    if not desk:
        raise ValidationError({"desk": [_("Name the desk, e.g. “Desk 2”.")]})
    return desk


def _previous_admission(accreditation: Accreditation) -> CheckIn | None:
    return (
        CheckIn.objects.select_related("scanned_by")
        .filter(accreditation=accreditation, result=ScanResult.ACCEPTED)
        .first()
    )


def _admit(*, previous: CheckIn | None, **fields) -> ScanOutcome:
    """Admit `fields["accreditation"]` unless `previous` (or a faster desk) already did."""
    accreditation = fields["accreditation"]
    if previous is None:
        try:
            with transaction.atomic():
                checkin = _record(result=ScanResult.ACCEPTED, **fields)
            return ScanOutcome(ScanResult.ACCEPTED, checkin, accreditation, None)
        except IntegrityError:  # another desk admitted them since we looked
            previous = _previous_admission(accreditation)
    checkin = _record(result=ScanResult.ALREADY_CHECKED_IN, **fields)
    return ScanOutcome(ScanResult.ALREADY_CHECKED_IN, checkin, accreditation, previous)


# One query answers a scan: the badge, its holder, and the admission if there is one (at most
# one row, by the unique constraint). Plain values, then light model instances: this is the
# hot path of the front desk, and building four full models per scan costs more than the SQL.
_SCAN_FIELDS = (
    "id",
    "status",
    "serial",
    "accreditation_id",
    "accreditation__event_id",
    "accreditation__status",
    "accreditation__category",
    "accreditation__journalist_id",
    "accreditation__journalist__user_id",
    "accreditation__journalist__full_name",
    "accreditation__journalist__photo",
    "accreditation__journalist__outlet_id",
    "accreditation__journalist__outlet__name",
    "admission__id",
    "admission__created_at",
    "admission__desk",
    "admission__scanned_by_id",
    "admission__scanned_by_label",
    "admission__scanned_by__username",
    "admission__scanned_by__first_name",
    "admission__scanned_by__last_name",
)


_PLACEHOLDER = "PC1" + "A" * 26
_compiled_scan_sql: dict[str, tuple[str, tuple]] = {}


def _scan_sql(code: str) -> tuple[str, list]:
    """The scan query's SQL for this database, compiled by the ORM once per process.

    Compiling this five-join query costs ten times what running it does (about 2 ms against
    0.15 ms on our 2-core machines), and every scan at every desk runs it: so it is compiled
    once from the queryset below and then executed with the scanned code in its parameters.
    """
    compiled = _compiled_scan_sql.get(connection.vendor)
    if compiled is None:
        queryset = (
            Badge.objects.filter(code=_PLACEHOLDER)
            .annotate(
                admission=FilteredRelation(
                    "accreditation__checkins",
                    condition=Q(accreditation__checkins__result=ScanResult.ACCEPTED),
                )
            )
            .values_list(*_SCAN_FIELDS)
            .order_by()[:1]
        )
        compiled = queryset.query.sql_with_params()
        if list(compiled[1]).count(_PLACEHOLDER) != 1:
            raise RuntimeError(f"unexpected scan query parameters: {compiled[1]!r}")
        _compiled_scan_sql[connection.vendor] = compiled
    sql, params = compiled
    return sql, [code if p == _PLACEHOLDER else p for p in params]


def _datetime(value):
    # SQLite hands back text for a raw query; the ORM would have converted it.
    convert = getattr(connection.ops, "convert_datetimefield_value", None)
    return convert(value, None, connection) if convert else value


def _scan_lookup(code: str) -> tuple[Badge, CheckIn | None] | None:
    """The badge with `code`, its accreditation and journalist, and their admission if any."""
    with connection.cursor() as cursor:
        cursor.execute(*_scan_sql(code))
        row = cursor.fetchone()
    if row is None:
        return None
    f = dict(zip(_SCAN_FIELDS, row, strict=True))
    outlet_id = f["accreditation__journalist__outlet_id"]
    journalist = JournalistProfile(
        id=f["accreditation__journalist_id"],
        user_id=f["accreditation__journalist__user_id"],
        full_name=f["accreditation__journalist__full_name"],
        photo=f["accreditation__journalist__photo"],
        outlet_id=outlet_id,
    )
    if outlet_id is not None:
        journalist.outlet = MediaOutlet(
            id=outlet_id, name=f["accreditation__journalist__outlet__name"]
        )
    accreditation = Accreditation(
        id=f["accreditation_id"],
        event_id=f["accreditation__event_id"],
        status=f["accreditation__status"],
        category=f["accreditation__category"],
        journalist=journalist,
    )
    badge = Badge(
        id=f["id"], status=f["status"], serial=f["serial"], code=code, accreditation=accreditation
    )
    previous = None
    if f["admission__id"] is not None:
        user_id = f["admission__scanned_by_id"]
        previous = CheckIn(
            id=f["admission__id"],
            accreditation=accreditation,
            created_at=_datetime(f["admission__created_at"]),
            desk=f["admission__desk"],
            result=ScanResult.ACCEPTED,
            scanned_by_id=user_id,
            scanned_by_label=f["admission__scanned_by_label"],
        )
        if user_id is not None:
            previous.scanned_by = get_user_model()(
                id=user_id,
                username=f["admission__scanned_by__username"],
                first_name=f["admission__scanned_by__first_name"],
                last_name=f["admission__scanned_by__last_name"],
            )
    return badge, previous


def scan_verdict(*, event: Event, accreditation: Accreditation | None, badge: Badge | None) -> str:
    """The desk's verdict on `accreditation` (holding `badge`, if scanned) at `event`.

    One rule for both ways in, the scanner and the search: ACCEPTED means "admit", which
    `_admit` turns into "already checked in" when someone admitted them first.
    """
    if event.status == EventStatus.CANCELLED:
        return ScanResult.EVENT_CANCELLED
    if accreditation is None:
        return ScanResult.INVALID
    if accreditation.event_id != event.pk:
        return ScanResult.WRONG_EVENT
    if badge is not None and badge.status == BadgeStatus.SUPERSEDED:
        return ScanResult.SUPERSEDED
    if accreditation.status != AccreditationStatus.APPROVED:
        return ScanResult.REVOKED
    return ScanResult.ACCEPTED


def _conclude(*, result: str, previous: CheckIn | None, **fields) -> ScanOutcome:
    """Record the attempt with its verdict; an accepted one is admitted (exactly once)."""
    if result == ScanResult.ACCEPTED:
        return _admit(previous=previous, **fields)
    checkin = _record(result=result, **fields)
    return ScanOutcome(result, checkin, fields["accreditation"], None)


def checkin_scan(*, code: str, event: Event, desk: str, by) -> ScanOutcome:
    """Check in whoever holds the badge with `code` at `event`; records the scan, any verdict.

    Not one transaction on purpose (see the module docstring): a read, then one insert.
    """
    desk = _clean_desk(desk)
    normalized = normalize_code(code)
    found = _scan_lookup(normalized) if is_well_formed(normalized) else None
    badge, previous = found if found else (None, None)
    accreditation = badge.accreditation if badge else None
    return _conclude(
        result=scan_verdict(event=event, accreditation=accreditation, badge=badge),
        previous=previous,
        event=event,
        accreditation=accreditation,
        badge=badge,
        code=normalized[:CODE_MAX_STORED],
        desk=desk,
        scanned_by=by,
        manual=False,
    )


def checkin_manual(*, accreditation: Accreditation, event: Event, desk: str, by) -> ScanOutcome:
    """Check in a journalist found by name at the desk (phone will not scan); records it.

    The same verdict as a scan of their badge. Another event's accreditation is not a
    verdict but a wrong request (the desk only searches its own event), so it is refused.
    """
    desk = _clean_desk(desk)
    current = Accreditation.objects.select_related("journalist__outlet").get(pk=accreditation.pk)
    if current.event_id != event.pk:
        raise CheckInError("wrong_event", _("This accreditation is for another event."))
    result = scan_verdict(event=event, accreditation=current, badge=None)
    admitted = result == ScanResult.ACCEPTED
    return _conclude(
        result=result,
        previous=_previous_admission(current) if admitted else None,
        event=event,
        accreditation=current,
        badge=active_badge(current) if admitted else None,
        code="",
        desk=desk,
        scanned_by=by,
        manual=True,
    )
