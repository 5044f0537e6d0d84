"""Badge and check-in API, tried by every role."""

import pytest
from django.urls import reverse

from accreditation.models import AccreditationLog, AccreditationStatus, Badge, BadgeStatus
from checkin.models import CheckIn, ScanResult
from tests.conftest import ROLES
from tests.factories import AccreditationFactory, BadgeFactory, EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_badge(event, journalist):
    """The `journalist` role's approved accreditation at `event`, with its badge."""
    return BadgeFactory(accreditation__event=event, accreditation__journalist__user=journalist)


# --- GET /accreditations/{id}/badge/ -------------------------------------------------------

BADGE_STATUS = {
    "anonymous": 401,
    "journalist": 200,  # the owner
    "front_desk": 404,
    "organizer": 200,
    "other_organizer": 404,
    "superuser": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_badge_pdf_goes_to_its_journalist_and_the_event_organizers_only(
    role, api_client_for, own_badge
):
    url = reverse("api-accreditation-badge", args=[own_badge.accreditation_id])

    response = api_client_for(role).get(url)

    assert response.status_code == BADGE_STATUS[role]
    if response.status_code == 200:
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")
        assert response["Cache-Control"] == "private, no-store"


def test_another_journalist_gets_404_for_a_badge_that_is_not_theirs(api_client_for, event):
    stranger_badge = BadgeFactory(accreditation__event=event)
    url = reverse("api-accreditation-badge", args=[stranger_badge.accreditation_id])

    assert api_client_for("journalist").get(url).status_code == 404


def test_badge_of_a_pending_accreditation_is_refused_with_a_code(api_client_for, event, journalist):
    pending = AccreditationFactory(event=event, journalist__user=journalist)
    url = reverse("api-accreditation-badge", args=[pending.pk])

    response = api_client_for("journalist").get(url)

    assert response.status_code == 409
    assert response.json()["code"] == "no_badge"


def test_badge_pdf_with_an_unknown_layout_is_a_400(api_client_for, own_badge):
    url = reverse("api-accreditation-badge", args=[own_badge.accreditation_id])

    response = api_client_for("journalist").get(url, {"layout": "poster"})

    assert response.status_code == 400
    assert "layout" in response.json()


def test_badge_pdf_of_a_missing_accreditation_is_a_404(api_client_for):
    url = reverse("api-accreditation-badge", args=[999999])

    assert api_client_for("organizer").get(url).status_code == 404


# --- POST /accreditations/{id}/reprint/ ----------------------------------------------------

REPRINT_STATUS = {
    "anonymous": 401,
    "journalist": 403,  # sees their accreditation, may not reprint
    "front_desk": 403,
    "organizer": 201,
    "other_organizer": 404,
    "superuser": 201,
}


@pytest.mark.parametrize("role", ROLES)
def test_only_organizers_reprint_a_badge(role, api_client_for, assert_unchanged, own_badge):
    url = reverse("api-accreditation-reprint", args=[own_badge.accreditation_id])

    with assert_unchanged(Badge, AccreditationLog, unless=REPRINT_STATUS[role] == 201):
        response = api_client_for(role).post(url, {"reason": "Lost in the hall"}, format="json")

    assert response.status_code == REPRINT_STATUS[role]
    own_badge.refresh_from_db()
    if response.status_code == 201:
        body = response.json()
        assert own_badge.status == BadgeStatus.SUPERSEDED
        new = Badge.objects.get(status=BadgeStatus.ACTIVE)
        assert body["code"] == new.code
        assert body["serial"] == new.serial
        assert body["version"] == 2
    else:
        assert own_badge.status == BadgeStatus.ACTIVE
        assert Badge.objects.count() == 1


def test_reprint_without_a_reason_is_a_400_and_changes_nothing(api_client_for, own_badge):
    url = reverse("api-accreditation-reprint", args=[own_badge.accreditation_id])

    response = api_client_for("organizer").post(url, {"reason": ""}, format="json")

    assert response.status_code == 400
    assert "reason" in response.json()
    assert Badge.objects.count() == 1


def test_reprint_of_a_revoked_accreditation_is_a_409(api_client_for, event):
    badge = BadgeFactory(
        accreditation__event=event, accreditation__status=AccreditationStatus.REVOKED
    )
    url = reverse("api-accreditation-reprint", args=[badge.accreditation_id])

    response = api_client_for("organizer").post(url, {"reason": "lost"}, format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "not_approved"


# --- GET /events/{id}/badges/ --------------------------------------------------------------

EVENT_BADGES_STATUS = {
    "anonymous": 401,
    "journalist": 403,
    "front_desk": 403,
    "organizer": 200,
    "other_organizer": 403,
    "superuser": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_event_badges_pdf_is_for_organizers_of_the_event(role, api_client_for, own_badge, event):
    url = reverse("api-event-badges", args=[event.pk])

    response = api_client_for(role).get(url, {"layout": "a4", "sort": "outlet"})

    assert response.status_code == EVENT_BADGES_STATUS[role]
    if response.status_code == 200:
        assert response["Content-Type"] == "application/pdf"
        assert "attachment" in response["Content-Disposition"]
        assert response.content.startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("query", "field"),
    [({"layout": "poster"}, "layout"), ({"sort": "age"}, "sort"), ({"size": "1"}, None)],
)
def test_event_badges_with_bad_parameters_is_a_400(api_client_for, event, query, field):
    url = reverse("api-event-badges", args=[event.pk])

    response = api_client_for("organizer").get(url, query)

    assert response.status_code == 400
    assert (field or "non_field_errors") in response.json()


def test_event_badges_of_a_draft_event_of_another_organization_is_a_404(api_client_for):
    draft = EventFactory(status="draft")

    response = api_client_for("organizer").get(reverse("api-event-badges", args=[draft.pk]))

    assert response.status_code == 404


# --- POST /checkins/ -----------------------------------------------------------------------

CHECKIN_STATUS = {
    "anonymous": 401,
    "journalist": 403,
    "front_desk": 200,
    "organizer": 200,
    "other_organizer": 403,
    "superuser": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_scanning_is_for_desk_staff_and_organizers_of_the_event(
    role, api_client_for, assert_unchanged, own_badge, event
):
    allowed = CHECKIN_STATUS[role] == 200
    with assert_unchanged(CheckIn, own_badge, own_badge.accreditation, unless=allowed):
        response = api_client_for(role).post(
            reverse("api-checkin-list"),
            {"code": own_badge.code, "event": event.pk, "desk": "Desk 2"},
            format="json",
        )

    assert response.status_code == CHECKIN_STATUS[role]
    if response.status_code == 200:
        body = response.json()
        assert body["result"] == "accepted"
        assert body["accreditation"]["id"] == own_badge.accreditation_id
        assert body["accreditation"]["full_name"] == own_badge.accreditation.journalist.full_name
        assert body["previous"] is None
        assert CheckIn.objects.get().result == ScanResult.ACCEPTED
    else:
        assert not CheckIn.objects.exists()


def test_a_second_scan_answers_when_and_where_the_first_was(api_client_for, own_badge, event):
    client = api_client_for("front_desk")
    url = reverse("api-checkin-list")
    first = client.post(url, {"code": own_badge.code, "event": event.pk, "desk": "Desk 2"})

    second = client.post(url, {"code": own_badge.code, "event": event.pk, "desk": "Desk 5"})

    assert second.status_code == 200
    body = second.json()
    assert body["result"] == "already_checked_in"
    assert body["previous"]["desk"] == "Desk 2"
    assert body["previous"]["checked_in_at"] == first.json()["checked_in_at"]
    assert body["previous"]["by"]
    assert body["desk"] == "Desk 5"


def test_a_badge_of_another_event_scans_wrong_event_without_personal_details(api_client_for, event):
    other = BadgeFactory(accreditation__event=EventFactory(organization=event.organization))

    response = api_client_for("front_desk").post(
        reverse("api-checkin-list"), {"code": other.code, "event": event.pk, "desk": "D"}
    )

    assert response.json()["result"] == "wrong_event"
    assert response.json()["accreditation"] is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "event"),
        ({"event": "x", "code": "A", "desk": "D"}, "event"),
        ({"event": 1, "desk": "D"}, "non_field_errors"),
        ({"event": 1, "code": "A", "accreditation": 1, "desk": "D"}, "non_field_errors"),
        ({"event": 1, "code": "A"}, "desk"),
        ({"event": 1, "code": "A", "desk": "D" * 41}, "desk"),
        ({"event": 999999, "code": "A", "desk": "D"}, "event"),
    ],
)
def test_malformed_check_in_bodies_are_400_and_record_nothing(api_client_for, event, body, field):
    if body.get("event") == 1:
        body["event"] = event.pk

    response = api_client_for("front_desk").post(reverse("api-checkin-list"), body, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert not CheckIn.objects.exists()


def test_manual_check_in_by_accreditation_id(api_client_for, own_badge, event):
    response = api_client_for("front_desk").post(
        reverse("api-checkin-list"),
        {"accreditation": own_badge.accreditation_id, "event": event.pk, "desk": "Search"},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["result"] == "accepted"
    assert CheckIn.objects.get().manual is True


def test_manual_check_in_of_an_accreditation_of_another_event_is_a_400(api_client_for, event):
    other = AccreditationFactory(status=AccreditationStatus.APPROVED)

    response = api_client_for("front_desk").post(
        reverse("api-checkin-list"),
        {"accreditation": other.pk, "event": event.pk, "desk": "Search"},
        format="json",
    )

    assert response.status_code == 400
    assert "accreditation" in response.json()


# --- GET /checkins/?event= -----------------------------------------------------------------

LIST_STATUS = {
    "anonymous": 401,
    "journalist": 403,
    "front_desk": 200,  # the desk page shows the last scans
    "organizer": 200,
    "other_organizer": 403,
    "superuser": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_scan_list_is_for_desk_staff_and_organizers(
    role, api_client_for, own_badge, event, front_desk
):
    from checkin.services import checkin_scan

    checkin_scan(code=own_badge.code, event=event, desk="Desk 1", by=front_desk)
    checkin_scan(code="junk", event=event, desk="Desk 1", by=front_desk)

    response = api_client_for(role).get(reverse("api-checkin-list"), {"event": event.pk})

    assert response.status_code == LIST_STATUS[role]
    if response.status_code == 200:
        body = response.json()
        assert [row["result"] for row in body["results"]] == ["invalid", "accepted"]
        assert body["results"][1]["accreditation"]["id"] == own_badge.accreditation_id
        assert body["counters"] == {
            "approved": 1,
            "checked_in": 1,
            "repeats": 0,
            "refused": 1,
            "scans": 2,
        }


def test_scan_list_needs_an_event(api_client_for):
    response = api_client_for("organizer").get(reverse("api-checkin-list"))

    assert response.status_code == 400
    assert "event" in response.json()


def test_scan_list_rejects_unknown_parameters(api_client_for, event):
    response = api_client_for("organizer").get(
        reverse("api-checkin-list"), {"event": event.pk, "colour": "red"}
    )

    assert response.status_code == 400


def test_scan_list_query_count_does_not_grow_with_scans(
    api_client_for, event, front_desk, django_assert_num_queries
):
    from checkin.services import checkin_scan

    client = api_client_for("organizer")
    url = reverse("api-checkin-list")

    def scans(n):
        for _ in range(n):
            badge = BadgeFactory(accreditation__event=event)
            checkin_scan(code=badge.code, event=event, desk="D", by=front_desk)

    scans(2)
    client.get(url, {"event": event.pk})  # the client's user caches its roles after one request
    with django_assert_num_queries(5) as captured:
        client.get(url, {"event": event.pk})
    scans(8)
    with django_assert_num_queries(len(captured.captured_queries)):
        response = client.get(url, {"event": event.pk})
    assert len(response.json()["results"]) == 10
