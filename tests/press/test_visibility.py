"""Who reads which release, and when: the embargo is computed from the clock at each read."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from accreditation.models import AccreditationStatus
from events.models import EventStatus
from press.selectors import releases_for_event, releases_visible_to
from tests.factories import AccreditationFactory, EventFactory, PressReleaseFactory

NOW = timezone.now().replace(microsecond=0)
LIFT = NOW + timedelta(hours=3)


@pytest.fixture
def embargoed(event):
    return PressReleaseFactory(event=event, title="Tin cấm đăng", embargo_until=LIFT)


@pytest.fixture
def accredited_only(event):
    return PressReleaseFactory(event=event, title="Chỉ cho phóng viên", audience="accredited")


@pytest.fixture
def public(event):
    return PressReleaseFactory(event=event, title="Công khai")


@pytest.fixture
def users(user_for_role, approve, event):
    def get(role):
        if role == "approved_journalist":
            user = user_for_role("journalist")
            approve(user, event)
            return user
        return user_for_role(role)

    return get


def titles(releases):
    return sorted(r.title for r in releases)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", ["Công khai"]),
        ("journalist", ["Công khai"]),
        ("front_desk", ["Công khai"]),
        ("other_organizer", ["Công khai"]),
        ("approved_journalist", ["Chỉ cho phóng viên", "Công khai", "Tin cấm đăng"]),
        ("organizer", ["Chỉ cho phóng viên", "Công khai", "Tin cấm đăng"]),
        ("superuser", ["Chỉ cho phóng viên", "Công khai", "Tin cấm đăng"]),
    ],
)
def test_before_the_embargo_lifts_only_organizers_and_approved_journalists_read_it(
    users, event, embargoed, accredited_only, public, role, expected
):
    user = users(role)
    assert titles(releases_visible_to(user, now=NOW)) == expected
    assert titles(releases_for_event(user, event, now=NOW)) == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", ["Công khai", "Tin cấm đăng"]),
        ("journalist", ["Công khai", "Tin cấm đăng"]),
        ("approved_journalist", ["Chỉ cho phóng viên", "Công khai", "Tin cấm đăng"]),
        ("organizer", ["Chỉ cho phóng viên", "Công khai", "Tin cấm đăng"]),
    ],
)
def test_at_the_embargo_time_the_release_reaches_its_audience_on_its_own(
    users, event, embargoed, accredited_only, public, role, expected
):
    user = users(role)
    assert titles(releases_visible_to(user, now=LIFT)) == expected
    assert titles(releases_for_event(user, event, now=LIFT)) == expected


def test_an_embargoed_release_for_accredited_journalists_stays_hidden_from_the_public_after(
    event, journalist
):
    PressReleaseFactory(event=event, audience="accredited", embargo_until=LIFT)
    assert list(releases_visible_to(None, now=LIFT + timedelta(days=1))) == []
    assert list(releases_visible_to(journalist, now=LIFT + timedelta(days=1))) == []


def test_a_journalist_approved_for_another_event_does_not_read_this_ones_embargo(
    journalist, approve, embargoed
):
    approve(journalist, EventFactory())
    assert list(releases_visible_to(journalist, now=NOW)) == []


@pytest.mark.parametrize(
    "status",
    [AccreditationStatus.PENDING, AccreditationStatus.REVOKED, AccreditationStatus.WAITLISTED],
)
def test_an_accreditation_that_is_not_approved_gives_no_early_access(
    journalist, event, embargoed, status
):
    AccreditationFactory(event=event, journalist__user=journalist, status=status)
    assert list(releases_visible_to(journalist, now=NOW)) == []


def test_releases_of_a_draft_event_are_hidden_from_everyone_but_its_organizers(
    organization, organizer, journalist
):
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)
    PressReleaseFactory(event=draft, title="Nháp")
    assert list(releases_visible_to(None, now=NOW)) == []
    assert list(releases_visible_to(journalist, now=NOW)) == []
    assert titles(releases_visible_to(organizer, now=NOW)) == ["Nháp"]


def test_embargo_label_is_in_ict_in_both_languages(event):
    release = PressReleaseFactory(event=event, embargo_until=datetime(2026, 2, 3, 3, 0, tzinfo=UTC))
    assert release.embargo_label("en") == "EMBARGOED UNTIL 10:00 ICT 3 February 2026"
    assert release.embargo_label("vi") == "CẤM CÔNG BỐ TRƯỚC 10:00 ICT 03/02/2026"
