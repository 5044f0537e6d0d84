"""Walk-ins registered at the desk: registered, requested and approved in one step."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accreditation import services
from accreditation.models import (
    Accreditation,
    AccreditationLog,
    AccreditationStatus,
    Badge,
    JournalistProfile,
    MediaOutlet,
)
from tests.conftest import ROLES
from tests.factories import AccreditationFactory, EventFactory, OutletQuotaFactory

pytestmark = pytest.mark.django_db

WALK_IN = {
    "full_name": "Trương Thị Ngọc Ánh",
    "outlet_name": "Báo Thanh Niên",
    "category": "photographer",
    "email": "anh@thanhnien.vn",
    "phone": "+84 90 123 4567",
    "press_card_number": "123456",
}


@pytest.fixture
def walk_in_event(organization):
    """Published, accreditation closed an hour ago, starting soon, walk-ins allowed."""
    starts = timezone.now() + timedelta(minutes=30)
    return EventFactory(
        organization=organization,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        accreditation_closes_at=timezone.now() - timedelta(hours=1),
        allow_walk_ins=True,
        press_capacity=2,
    )


WALK_IN_PAGE = {
    "anonymous": 302,
    "journalist": 404,
    "front_desk": 403,
    "organizer": 200,
    "other_organizer": 404,
    "superuser": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_walk_in_page_is_for_organizers_of_the_event(role, client_for, walk_in_event):
    response = client_for(role).get(reverse("desk-walk-in", args=[walk_in_event.slug]))

    assert response.status_code == WALK_IN_PAGE[role]


@pytest.mark.parametrize("role", ROLES)
def test_only_organizers_can_post_a_walk_in(role, client_for, assert_unchanged, walk_in_event):
    tables = (Accreditation, AccreditationLog, Badge, JournalistProfile, MediaOutlet)
    with assert_unchanged(*tables, unless=WALK_IN_PAGE[role] == 200):
        response = client_for(role).post(
            reverse("desk-walk-in", args=[walk_in_event.slug]), WALK_IN
        )

    assert response.status_code == WALK_IN_PAGE[role]
    registered = Accreditation.objects.filter(event=walk_in_event).count()
    assert registered == (1 if WALK_IN_PAGE[role] == 200 else 0)


def test_desk_page_shows_the_walk_in_form_to_organizers_but_not_to_front_desk(
    client_for, walk_in_event
):
    url = reverse("desk", args=[walk_in_event.slug])
    action = reverse("desk-walk-in", args=[walk_in_event.slug])

    assert action in client_for("organizer").get(url).content.decode()
    assert action not in client_for("front_desk").get(url).content.decode()


def test_desk_page_has_no_walk_in_form_when_the_event_does_not_allow_them(client_for, event):
    content = client_for("organizer").get(reverse("desk", args=[event.slug])).content.decode()

    assert reverse("desk-walk-in", args=[event.slug]) not in content


def test_walk_in_after_accreditation_closed_is_approved_with_a_badge_to_print(
    client_for, walk_in_event, organizer
):
    response = client_for("organizer").post(
        reverse("desk-walk-in", args=[walk_in_event.slug]) + "?lang=en", WALK_IN
    )

    assert response.status_code == 200
    accreditation = Accreditation.objects.get(event=walk_in_event)
    assert accreditation.status == AccreditationStatus.APPROVED
    assert accreditation.category == "photographer"
    profile = accreditation.journalist
    assert (profile.full_name, profile.outlet.name, profile.user) == (
        "Trương Thị Ngọc Ánh",
        "Báo Thanh Niên",
        None,
    )
    assert profile.registered_by_organization == walk_in_event.organization
    badge = Badge.objects.get(accreditation=accreditation)
    content = response.content.decode()
    assert "Trương Thị Ngọc Ánh is accredited" in content
    assert badge.serial in content
    assert reverse("my-badge-pdf", args=[accreditation.pk]) in content
    assert list(
        AccreditationLog.objects.filter(accreditation=accreditation)
        .order_by("id")
        .values_list("to_status", "actor")
    ) == [("pending", organizer.pk), ("approved", organizer.pk)]
    pdf = client_for("organizer").get(reverse("my-badge-pdf", args=[accreditation.pk]))
    assert pdf["Content-Type"] == "application/pdf"


def test_walk_in_refused_when_seats_are_full_leaves_nothing_behind(client_for, walk_in_event):
    AccreditationFactory.create_batch(2, event=walk_in_event, status=AccreditationStatus.APPROVED)
    profiles_before = JournalistProfile.objects.count()

    response = client_for("organizer").post(
        reverse("desk-walk-in", args=[walk_in_event.slug]) + "?lang=en", WALK_IN
    )

    assert response.status_code == 400
    content = response.content.decode()
    assert "All 2 press seats are taken." in content
    assert 'value="Trương Thị Ngọc Ánh"' in content  # what was typed is kept
    assert JournalistProfile.objects.count() == profiles_before
    assert Accreditation.objects.filter(event=walk_in_event).count() == 2


def test_walk_in_respects_the_outlet_quota(walk_in_event, organizer):
    walk_in_event.press_capacity = 10
    walk_in_event.save()
    OutletQuotaFactory(event=walk_in_event, category="photographer", limit=1)
    services.accreditation_walk_in(event=walk_in_event, by=organizer, **_fields())

    with pytest.raises(services.AccreditationError) as refused:
        services.accreditation_walk_in(
            event=walk_in_event, by=organizer, **_fields(email="hai@thanhnien.vn")
        )

    assert refused.value.code == "outlet_quota_full"
    assert Accreditation.objects.filter(event=walk_in_event).count() == 1


def test_walk_in_is_refused_when_the_event_does_not_allow_them(event, organizer):
    with pytest.raises(services.AccreditationError) as refused:
        services.accreditation_walk_in(event=event, by=organizer, **_fields())

    assert refused.value.code == "walk_ins_not_allowed"
    assert not JournalistProfile.objects.filter(full_name=WALK_IN["full_name"]).exists()


def test_walk_in_is_refused_once_the_event_is_over(walk_in_event, organizer):
    walk_in_event.starts_at = timezone.now() - timedelta(hours=3)
    walk_in_event.ends_at = timezone.now() - timedelta(hours=1)
    walk_in_event.accreditation_closes_at = None
    walk_in_event.save()

    with pytest.raises(services.AccreditationError) as refused:
        services.accreditation_walk_in(event=walk_in_event, by=organizer, **_fields())

    assert refused.value.code == "walk_ins_closed"


def test_walk_in_form_shows_missing_fields_next_to_them(client_for, walk_in_event):
    response = client_for("organizer").post(
        reverse("desk-walk-in", args=[walk_in_event.slug]) + "?lang=en",
        {**WALK_IN, "full_name": "", "email": "not-an-address"},
    )

    assert response.status_code == 400
    content = response.content.decode()
    assert content.count("has-error") == 2
    assert "Enter a valid email address." in content
    assert not Accreditation.objects.filter(event=walk_in_event).exists()


def _fields(**overrides):
    data = {**WALK_IN, **overrides}
    data["role"] = data["category"]
    return data
