"""Badge codes: format, issue and reprint (what a scanned code is worth: tests/checkin)."""

import pytest
from django.core.exceptions import ValidationError

from accreditation.badges import (
    CODE_LENGTH,
    BadgeError,
    badge_issue,
    badge_reprint,
    is_well_formed,
    new_badge_code,
)
from accreditation.models import AccreditationLog, AccreditationStatus, Badge, BadgeStatus
from tests.factories import AccreditationFactory, BadgeFactory


def test_new_codes_are_29_qr_alphanumeric_characters_and_never_repeat():
    codes = {new_badge_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in codes:
        assert len(code) == CODE_LENGTH == 29
        assert code.startswith("PC1")
        assert set(code[3:]) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        assert is_well_formed(code)


@pytest.mark.django_db
def test_badge_issue_creates_one_active_badge_with_serial_and_issuer(organizer):
    accreditation = AccreditationFactory(status=AccreditationStatus.APPROVED, badge=False)

    badge = badge_issue(accreditation=accreditation, by=organizer)

    assert badge.status == BadgeStatus.ACTIVE
    assert badge.version == 1
    assert badge.issued_by == organizer
    assert badge.serial == f"{accreditation.event_id:04d}-{accreditation.pk:06d}-1"
    assert is_well_formed(badge.code)
    assert Badge.objects.filter(accreditation=accreditation).count() == 1


@pytest.mark.django_db
def test_badge_issue_twice_returns_the_same_badge(organizer):
    accreditation = AccreditationFactory(status=AccreditationStatus.APPROVED, badge=False)
    first = badge_issue(accreditation=accreditation, by=organizer)

    second = badge_issue(accreditation=accreditation, by=organizer)

    assert second.pk == first.pk
    assert Badge.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status",
    [AccreditationStatus.PENDING, AccreditationStatus.REJECTED, AccreditationStatus.REVOKED],
)
def test_badge_issue_refuses_an_accreditation_that_is_not_approved(status, organizer):
    accreditation = AccreditationFactory(status=status)

    with pytest.raises(BadgeError) as error:
        badge_issue(accreditation=accreditation, by=organizer)

    assert error.value.code == "not_approved"
    assert not Badge.objects.exists()


@pytest.mark.django_db
def test_reprint_supersedes_the_old_code_and_logs_who_and_why(organizer):
    old = BadgeFactory()

    new = badge_reprint(accreditation=old.accreditation, by=organizer, reason="Lost at the gate")

    old.refresh_from_db()
    assert old.status == BadgeStatus.SUPERSEDED
    assert old.superseded_by == organizer
    assert old.superseded_reason == "Lost at the gate"
    assert old.superseded_at is not None
    assert new.status == BadgeStatus.ACTIVE
    assert new.version == 2
    assert new.code != old.code
    assert new.serial.endswith("-2")
    log = AccreditationLog.objects.get(accreditation=old.accreditation)
    assert log.actor == organizer
    assert "Lost at the gate" in log.reason
    assert new.serial in log.reason


@pytest.mark.django_db
def test_reprint_without_a_reason_changes_nothing(organizer):
    badge = BadgeFactory()

    with pytest.raises(ValidationError) as error:
        badge_reprint(accreditation=badge.accreditation, by=organizer, reason="   ")

    assert "reason" in error.value.message_dict
    badge.refresh_from_db()
    assert badge.status == BadgeStatus.ACTIVE
    assert Badge.objects.count() == 1


@pytest.mark.django_db
def test_reprint_refuses_a_revoked_accreditation(organizer):
    badge = BadgeFactory(accreditation__status=AccreditationStatus.REVOKED)

    with pytest.raises(BadgeError) as error:
        badge_reprint(accreditation=badge.accreditation, by=organizer, reason="lost")

    assert error.value.code == "not_approved"
    assert Badge.objects.count() == 1
