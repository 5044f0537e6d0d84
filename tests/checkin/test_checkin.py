"""Check-in at the desk: every verdict, every scan recorded, counters."""

import pytest
from django.core.exceptions import ValidationError

from accreditation.badges import badge_reprint
from accreditation.models import AccreditationStatus
from checkin.models import CheckIn, ScanResult
from checkin.selectors import checkin_counters, desk_search
from checkin.services import CheckInError, checkin_manual, checkin_scan
from events.models import EventStatus
from tests.factories import AccreditationFactory, BadgeFactory, EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def badge(event):
    return BadgeFactory(accreditation__event=event)


def test_first_scan_is_accepted_and_recorded(badge, event, front_desk):
    outcome = checkin_scan(code=badge.code, event=event, desk="Desk 1", by=front_desk)

    assert outcome.result == ScanResult.ACCEPTED
    assert outcome.previous is None
    assert outcome.accreditation == badge.accreditation
    row = CheckIn.objects.get()
    assert (row.event, row.accreditation, row.badge) == (event, badge.accreditation, badge)
    assert (row.desk, row.scanned_by, row.result, row.code) == (
        "Desk 1",
        front_desk,
        ScanResult.ACCEPTED,
        badge.code,
    )


def test_second_scan_says_already_checked_in_with_when_and_which_desk(badge, event, front_desk):
    first = checkin_scan(code=badge.code, event=event, desk="Desk 2", by=front_desk)

    second = checkin_scan(code=badge.code, event=event, desk="Desk 3", by=front_desk)

    assert second.result == ScanResult.ALREADY_CHECKED_IN
    assert second.previous == first.checkin
    assert second.previous.desk == "Desk 2"
    assert second.previous.created_at == first.checkin.created_at
    assert list(CheckIn.objects.values_list("result", flat=True).order_by("id")) == [
        ScanResult.ACCEPTED,
        ScanResult.ALREADY_CHECKED_IN,
    ]


def test_a_revoked_accreditation_scans_revoked_and_is_not_admitted(badge, event, front_desk):
    badge.accreditation.status = AccreditationStatus.REVOKED
    badge.accreditation.save()

    outcome = checkin_scan(code=badge.code, event=event, desk="Desk 1", by=front_desk)

    assert outcome.result == ScanResult.REVOKED
    assert outcome.accreditation == badge.accreditation
    assert CheckIn.objects.get().result == ScanResult.REVOKED


def test_the_old_badge_after_a_reprint_scans_superseded(badge, event, front_desk, organizer):
    new = badge_reprint(accreditation=badge.accreditation, by=organizer, reason="lost")

    old_scan = checkin_scan(code=badge.code, event=event, desk="Desk 1", by=front_desk)
    new_scan = checkin_scan(code=new.code, event=event, desk="Desk 1", by=front_desk)

    assert old_scan.result == ScanResult.SUPERSEDED
    assert new_scan.result == ScanResult.ACCEPTED


def test_an_edited_code_scans_invalid_and_the_typed_code_is_kept(badge, event, front_desk):
    edited = badge.code[:10] + ("A" if badge.code[10] != "A" else "B") + badge.code[11:]

    outcome = checkin_scan(code=edited, event=event, desk="Desk 1", by=front_desk)

    assert outcome.result == ScanResult.INVALID
    assert outcome.accreditation is None
    row = CheckIn.objects.get()
    assert (row.result, row.code, row.accreditation, row.badge) == (
        ScanResult.INVALID,
        edited,
        None,
        None,
    )


def test_junk_from_a_scanner_is_invalid_and_stored_cut_to_length(event, front_desk):
    outcome = checkin_scan(code="x" * 500, event=event, desk="Desk 1", by=front_desk)

    assert outcome.result == ScanResult.INVALID
    assert CheckIn.objects.get().code == "X" * 64


def test_a_badge_of_another_event_scans_wrong_event(event, front_desk):
    other = BadgeFactory(accreditation__event=EventFactory(organization=event.organization))

    outcome = checkin_scan(code=other.code, event=event, desk="Desk 1", by=front_desk)

    assert outcome.result == ScanResult.WRONG_EVENT
    assert CheckIn.objects.get(event=event).result == ScanResult.WRONG_EVENT
    assert not CheckIn.objects.filter(result=ScanResult.ACCEPTED).exists()


def test_every_scan_at_a_cancelled_event_says_event_cancelled(badge, event, front_desk):
    event.status = EventStatus.CANCELLED
    event.save()

    outcome = checkin_scan(code=badge.code, event=event, desk="Desk 1", by=front_desk)

    assert outcome.result == ScanResult.EVENT_CANCELLED
    assert CheckIn.objects.get().result == ScanResult.EVENT_CANCELLED


def test_a_scan_without_a_desk_name_is_refused_and_not_recorded(badge, event, front_desk):
    with pytest.raises(ValidationError) as error:
        checkin_scan(code=badge.code, event=event, desk="  ", by=front_desk)

    assert "desk" in error.value.message_dict
    assert not CheckIn.objects.exists()


def _edit_one_character(code: str) -> str:
    last = code[-1]
    return code[:-1] + ("B" if last != "B" else "C")


def test_the_active_code_typed_in_lower_case_with_spaces_is_accepted(badge, event, front_desk):
    outcome = checkin_scan(code=f"  {badge.code.lower()}\n", event=event, desk="D", by=front_desk)

    assert (outcome.result, outcome.checkin.badge) == (ScanResult.ACCEPTED, badge)


def test_a_code_with_one_character_edited_is_invalid(badge, event, front_desk):
    outcome = checkin_scan(
        code=_edit_one_character(badge.code), event=event, desk="D", by=front_desk
    )

    assert (outcome.result, outcome.checkin.badge) == (ScanResult.INVALID, None)


@pytest.mark.parametrize(
    "forged",
    ["", "PC1", "PC1" + "A" * 26, "PC1" + "A" * 27, "pc1-hello", "PC0" + "A" * 26, "' OR 1=1 --"],
)
def test_invented_codes_are_invalid(forged, badge, event, front_desk):
    outcome = checkin_scan(code=forged, event=event, desk="D", by=front_desk)

    assert (outcome.result, outcome.checkin.badge) == (ScanResult.INVALID, None)


def test_after_a_reprint_the_old_code_is_superseded_and_the_new_one_accepted(
    badge, event, front_desk, organizer
):
    new = badge_reprint(accreditation=badge.accreditation, by=organizer, reason="lost")

    assert checkin_scan(code=badge.code, event=event, desk="D", by=front_desk).result == (
        ScanResult.SUPERSEDED
    )
    assert checkin_scan(code=new.code, event=event, desk="D", by=front_desk).result == (
        ScanResult.ACCEPTED
    )


def test_the_code_of_a_revoked_accreditation_is_revoked(badge, event, front_desk):
    badge.accreditation.status = AccreditationStatus.REVOKED
    badge.accreditation.save()

    assert checkin_scan(code=badge.code, event=event, desk="D", by=front_desk).result == (
        ScanResult.REVOKED
    )


@pytest.mark.parametrize("event_status", [EventStatus.PUBLISHED, EventStatus.CANCELLED])
@pytest.mark.parametrize("status", AccreditationStatus.values)
def test_check_in_by_search_answers_what_a_scan_of_the_badge_answers(
    status, event_status, event, front_desk
):
    scanned = BadgeFactory(accreditation__event=event, accreditation__status=status)
    searched = BadgeFactory(accreditation__event=event, accreditation__status=status)
    event.status = event_status
    event.save()

    by_scan = checkin_scan(code=scanned.code, event=event, desk="D", by=front_desk)
    by_search = checkin_manual(
        accreditation=searched.accreditation, event=event, desk="D", by=front_desk
    )

    assert by_search.result == by_scan.result
    assert (by_search.checkin.manual, by_scan.checkin.manual) == (True, False)


def test_manual_check_in_admits_once_and_is_marked_manual(badge, event, front_desk):
    first = checkin_manual(
        accreditation=badge.accreditation, event=event, desk="Desk 1", by=front_desk
    )
    second = checkin_manual(
        accreditation=badge.accreditation, event=event, desk="Desk 2", by=front_desk
    )

    assert first.result == ScanResult.ACCEPTED
    assert second.result == ScanResult.ALREADY_CHECKED_IN
    assert second.previous.desk == "Desk 1"
    assert list(CheckIn.objects.values_list("manual", flat=True)) == [True, True]


def test_manual_check_in_refuses_an_accreditation_of_another_event(event, front_desk):
    other = AccreditationFactory(status=AccreditationStatus.APPROVED)

    with pytest.raises(CheckInError) as error:
        checkin_manual(accreditation=other, event=event, desk="Desk 1", by=front_desk)

    assert error.value.code == "wrong_event"
    assert not CheckIn.objects.exists()


def test_counters_count_approved_admitted_repeats_and_refusals(badge, event, front_desk):
    AccreditationFactory(event=event, status=AccreditationStatus.APPROVED)
    AccreditationFactory(event=event, status=AccreditationStatus.PENDING)
    checkin_scan(code=badge.code, event=event, desk="D", by=front_desk)
    checkin_scan(code=badge.code, event=event, desk="D", by=front_desk)
    checkin_scan(code="nonsense", event=event, desk="D", by=front_desk)
    checkin_scan(code="PC1" + "A" * 26, event=event, desk="D", by=front_desk)

    assert checkin_counters(event) == {
        "approved": 2,
        "checked_in": 1,
        "repeats": 1,
        "refused": 2,
        "scans": 4,
    }


def test_desk_search_finds_approved_journalists_by_name_or_outlet(event):
    mai = AccreditationFactory(
        event=event,
        status=AccreditationStatus.APPROVED,
        journalist__full_name="Nguyễn Thị Mai",
        journalist__outlet__name="Báo Thanh Niên",
    )
    AccreditationFactory(
        event=event, status=AccreditationStatus.PENDING, journalist__full_name="Nguyễn Văn Pending"
    )

    assert desk_search(event, "Mai") == [mai]
    assert desk_search(event, "Thanh Niên") == [mai]
    assert desk_search(event, "Pending") == []
    assert desk_search(event, "M") == []
