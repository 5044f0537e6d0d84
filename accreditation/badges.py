"""Badge codes: their format, issuing and reprinting (the desk's scan reads them back).

Code format (version 1): ``PC1`` followed by 26 characters of RFC 4648 base32 (A–Z, 2–7, no
padding) encoding 16 bytes from ``secrets`` — 128 bits of randomness, 29 characters in all.
It carries no personal data and no ids: a code means something only through the ``Badge`` row
it is stored in, so an invented or edited code matches nothing and scans ``invalid``. Every
character is in the QR alphanumeric set, so the QR is a version 2 symbol (25×25 modules) at
error-correction level Q, small and fast to scan. Scanners that change case or add spaces are
tolerated: input is stripped and upper-cased before lookup.
"""

import base64
import re
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accreditation.models import (
    Accreditation,
    AccreditationLog,
    AccreditationStatus,
    Badge,
    BadgeStatus,
)
from accreditation.selectors import active_badge
from common.errors import DomainError
from common.text import user_label

CODE_PREFIX = "PC1"
CODE_RANDOM_BYTES = 16
CODE_LENGTH = len(CODE_PREFIX) + 26
_CODE_RE = re.compile(r"PC1[A-Z2-7]{26}")


class BadgeError(DomainError):
    """A rule about badges refused the operation (e.g. code="not_approved")."""


def new_badge_code() -> str:
    """A fresh random badge code (see the module docstring for the format)."""
    raw = secrets.token_bytes(CODE_RANDOM_BYTES)
    return CODE_PREFIX + base64.b32encode(raw).decode("ascii").rstrip("=")


def normalize_code(raw: str) -> str:
    """What a scanner typed, as it would be stored: no surrounding space, upper case."""
    return (raw or "").strip().upper()


def is_well_formed(code: str) -> bool:
    """Whether `code` (normalized) has the shape of a badge code; saves a lookup for junk."""
    return _CODE_RE.fullmatch(code) is not None


def badge_serial(accreditation: Accreditation, version: int) -> str:
    """The number printed on the badge: event, accreditation and print run, e.g. 0012-000345-2."""
    return f"{accreditation.event_id:04d}-{accreditation.pk:06d}-{version}"


def _lock(accreditation: Accreditation) -> Accreditation:
    # Approval, reprint and check-in of one accreditation serialize on its row.
    return Accreditation.objects.select_for_update().get(pk=accreditation.pk)


def _new_badge(*, accreditation: Accreditation, version: int, by) -> Badge:
    badge = Badge(
        accreditation=accreditation,
        code=new_badge_code(),
        version=version,
        serial=badge_serial(accreditation, version),
        issued_at=timezone.now(),
        issued_by=by,
    )
    # FKs were just read, the code is random and the constraints are in the database:
    # skip the look-ups full_clean would make for them.
    badge.full_clean(exclude=["accreditation", "issued_by"], validate_constraints=False)
    badge.save()
    return badge


@transaction.atomic
def badge_issue(*, accreditation: Accreditation, by) -> Badge:
    """Issue the badge of an approved accreditation; returns the active one if it exists."""
    locked = _lock(accreditation)
    if locked.status != AccreditationStatus.APPROVED:
        raise BadgeError("not_approved", _("Only an approved accreditation has a badge."))
    existing = active_badge(locked)
    if existing is not None:
        return existing
    last = locked.badges.order_by("-version").values_list("version", flat=True).first() or 0
    return _new_badge(accreditation=locked, version=last + 1, by=by)


@transaction.atomic
def badge_reprint(*, accreditation: Accreditation, by, reason: str) -> Badge:
    """Supersede the active badge (its code then scans "superseded") and issue a new one."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Say why the badge is reprinted.")]})
    locked = _lock(accreditation)
    if locked.status != AccreditationStatus.APPROVED:
        raise BadgeError("not_approved", _("Only an approved accreditation has a badge."))
    now = timezone.now()
    old = active_badge(locked)
    if old is not None:
        old.status = BadgeStatus.SUPERSEDED
        old.superseded_at = now
        old.superseded_by = by
        old.superseded_reason = reason
        old.save(update_fields=["status", "superseded_at", "superseded_by", "superseded_reason"])
    last = locked.badges.order_by("-version").values_list("version", flat=True).first() or 0
    badge = _new_badge(accreditation=locked, version=last + 1, by=by)
    AccreditationLog.objects.create(
        accreditation=locked,
        event_id=locked.event_id,
        from_status=locked.status,
        to_status=locked.status,
        actor=by,
        actor_label=user_label(by),
        reason=_("Badge reprinted as %(serial)s: %(reason)s")
        % {"serial": badge.serial, "reason": reason},
    )
    return badge
