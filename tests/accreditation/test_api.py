"""The API, tried by every role: who sees what, who may decide, and the shape of refusals."""

import pytest

from accreditation.models import (
    Accreditation,
    AccreditationLog,
    AccreditationStatus,
    Badge,
    JournalistProfile,
    MediaOutlet,
)
from tests.factories import (
    AccreditationFactory,
    EventFactory,
    JournalistProfileFactory,
    MediaOutletFactory,
)

S = AccreditationStatus
pytestmark = pytest.mark.django_db


@pytest.fixture
def api_client_for(api_client_for, journalist_profile, other_journalist):
    """The API clients of every role; here the journalist has a profile and so does a second one."""
    return api_client_for


@pytest.fixture
def mine(event, journalist_profile):
    """The journalist's pending request for the organizer's event."""
    return AccreditationFactory(event=event, journalist=journalist_profile)


# ---------------------------------------------------------------- /journalists/me/


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("journalist", 200),
        ("other_journalist", 200),
        ("front_desk", 404),
        ("organizer", 404),
        ("other_organizer", 404),
        ("superuser", 404),
    ],
)
def test_me_shows_only_the_callers_own_profile(api_client_for, journalist_profile, role, expected):
    response = api_client_for(role).get("/api/v1/journalists/me/")
    assert response.status_code == expected
    if role == "journalist":
        assert response.json()["id"] == journalist_profile.pk
        assert response.json()["full_name"] == journalist_profile.full_name
    elif role == "other_journalist":
        assert response.json()["id"] != journalist_profile.pk
    elif expected == 404:
        assert response.json()["code"] == "no_profile"


def test_me_carries_the_personal_calendar_url(api_client_for, journalist_profile, settings):
    body = api_client_for("journalist").get("/api/v1/journalists/me/").json()
    assert body["calendar_url"] == (
        f"{settings.SITE_URL}/calendar/{journalist_profile.calendar_token}.ics"
    )


def test_patch_me_corrects_the_profile(api_client_for, journalist_profile):
    outlet = MediaOutletFactory()
    response = api_client_for("journalist").patch(
        "/api/v1/journalists/me/",
        {"full_name": "Trần Văn Đức", "outlet": outlet.pk, "press_card_number": "123456"},
        format="json",
    )
    assert response.status_code == 200
    journalist_profile.refresh_from_db()
    assert journalist_profile.full_name == "Trần Văn Đức"
    assert journalist_profile.outlet == outlet
    assert response.json()["outlet_name"] == outlet.name


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"role": "astronaut"}, "role"),
        ({"press_card_expiry": "31/02/2030"}, "press_card_expiry"),
        ({"email": "not-an-address"}, "email"),
        ({"outlet": 999999}, "outlet"),
        ({"full_name": ""}, "full_name"),
    ],
)
def test_patch_me_with_bad_input_answers_400_with_the_field(
    api_client_for, journalist_profile, body, field
):
    response = api_client_for("journalist").patch("/api/v1/journalists/me/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()
    journalist_profile.refresh_from_db()
    assert journalist_profile.full_name.startswith("Nguyễn")


def test_patch_me_with_a_non_image_photo_answers_400(api_client_for, journalist_profile):
    from tests.images import upload

    response = api_client_for("journalist").patch(
        "/api/v1/journalists/me/", {"photo": upload("x.jpg", b"not an image")}, format="multipart"
    )
    assert response.status_code == 400
    assert "photo" in response.json()


def test_changing_email_requires_verifying_it_again(api_client_for, journalist_profile):
    api_client_for("journalist").patch(
        "/api/v1/journalists/me/", {"email": "New@Example.org"}, format="json"
    )
    journalist_profile.refresh_from_db()
    assert journalist_profile.email == "new@example.org"
    assert journalist_profile.email_verified_at is None


@pytest.mark.parametrize("role", ["anonymous", "front_desk"])
def test_calendar_token_reset_needs_a_journalist(api_client_for, assert_unchanged, role):
    with assert_unchanged(JournalistProfile):
        response = api_client_for(role).post("/api/v1/journalists/me/calendar-token/")
    assert response.status_code == (401 if role == "anonymous" else 404)


def test_calendar_token_reset_replaces_the_token(api_client_for, journalist_profile):
    old = journalist_profile.calendar_token
    response = api_client_for("journalist").post("/api/v1/journalists/me/calendar-token/")
    assert response.status_code == 200
    journalist_profile.refresh_from_db()
    assert journalist_profile.calendar_token != old
    assert journalist_profile.calendar_token in response.json()["calendar_url"]


def test_me_export_and_delete(api_client_for, journalist_profile, mine, organizer):
    from accreditation import services

    services.accreditation_approve(accreditation=mine, by=organizer)
    client = api_client_for("journalist")
    export = client.get("/api/v1/journalists/me/export/").json()
    assert export["profile"]["full_name"] == journalist_profile.full_name
    assert export["accreditations"][0]["status"] == "approved"
    assert [h["to"] for h in export["accreditations"][0]["history"]] == ["approved"]

    assert client.delete("/api/v1/journalists/me/").status_code == 204
    assert not JournalistProfile.objects.filter(pk=journalist_profile.pk).exists()
    assert not Accreditation.objects.filter(pk=mine.pk).exists()
    decisions = AccreditationLog.objects.filter(event=mine.event)
    assert decisions.filter(to_status="approved", actor=organizer).exists()  # kept
    assert not decisions.filter(accreditation__isnull=False).exists()  # but unlinked


# ---------------------------------------------------------------- /journalists/


@pytest.mark.parametrize(
    ("role", "expected", "sees_mine"),
    [
        ("anonymous", 401, False),
        ("journalist", 403, False),
        ("other_journalist", 403, False),
        ("front_desk", 403, False),
        ("organizer", 200, True),
        ("other_organizer", 200, False),
        ("superuser", 200, True),
    ],
)
def test_journalist_list_is_for_organizers_and_shows_who_asked_for_their_events(
    api_client_for, mine, role, expected, sees_mine
):
    JournalistProfileFactory()  # asked for nothing: no organizer sees them
    response = api_client_for(role).get("/api/v1/journalists/")
    assert response.status_code == expected
    if expected == 200:
        ids = {row["id"] for row in response.json()["results"]}
        assert (mine.journalist_id in ids) is sees_mine
        if role != "superuser":
            assert ids <= {mine.journalist_id}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("journalist", 403),
        ("other_journalist", 403),
        ("front_desk", 403),
        ("organizer", 201),
        ("other_organizer", 201),
        ("superuser", 201),
    ],
)
def test_registering_a_walk_in_is_for_organizers(api_client_for, assert_unchanged, role, expected):
    with assert_unchanged(JournalistProfile, MediaOutlet, unless=expected == 201):
        response = api_client_for(role).post(
            "/api/v1/journalists/",
            {
                "full_name": "John Smith",
                "email": "john@reuters.example",
                "nationality": "gb",
                "outlet_name": "Reuters",
                "role": "photographer",
                "press_card_number": "X-1",
                "press_card_expiry": "2030-01-01",
            },
            format="json",
        )
    assert response.status_code == expected
    if expected == 201:
        profile = JournalistProfile.objects.get(pk=response.json()["id"])
        assert (profile.full_name, profile.nationality, profile.outlet.name) == (
            "John Smith",
            "GB",
            "Reuters",
        )
        assert profile.user is None
        # The organizer who registered the walk-in can find them again.
        found = api_client_for(role).get(f"/api/v1/journalists/{profile.pk}/")
        assert found.status_code == 200
    else:
        assert not JournalistProfile.objects.filter(full_name="John Smith").exists()


def test_registering_a_walk_in_with_bad_input_answers_400(api_client_for):
    response = api_client_for("organizer").post(
        "/api/v1/journalists/", {"role": "chef", "press_card_expiry": "soon"}, format="json"
    )
    assert response.status_code == 400
    assert {"full_name", "role", "press_card_expiry"} <= set(response.json())


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("journalist", 200),
        ("other_journalist", 404),
        ("front_desk", 404),
        ("organizer", 200),
        ("other_organizer", 404),
        ("superuser", 200),
    ],
)
def test_journalist_detail_is_for_the_journalist_and_their_events_organizers(
    api_client_for, mine, role, expected
):
    response = api_client_for(role).get(f"/api/v1/journalists/{mine.journalist_id}/")
    assert response.status_code == expected


def test_front_desk_sees_an_approved_journalists_photo_url_through_the_profile(
    api_client_for, mine, organizer
):
    from accreditation.selectors import photo_url

    assert photo_url(mine.journalist) == ""  # no photo yet: empty, never a broken link


# ---------------------------------------------------------------- /outlets/


@pytest.mark.parametrize(
    ("role", "expected", "verified"),
    [
        ("anonymous", 401, None),
        ("journalist", 201, False),
        ("front_desk", 201, False),
        ("organizer", 201, True),
        ("superuser", 201, True),
    ],
)
def test_outlets_are_proposed_by_journalists_and_added_by_organizers(
    api_client_for, assert_unchanged, role, expected, verified
):
    assert api_client_for(role).get("/api/v1/outlets/").status_code == 200
    with assert_unchanged(MediaOutlet, unless=expected == 201):
        response = api_client_for(role).post(
            "/api/v1/outlets/", {"name": "Báo  Nhân Dân", "kind": "newspaper"}, format="json"
        )
    assert response.status_code == expected
    if expected == 201:
        outlet = MediaOutlet.objects.get(pk=response.json()["id"])
        assert (outlet.name, outlet.verified) == ("Báo Nhân Dân", verified)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("journalist", 403),
        ("other_journalist", 403),
        ("front_desk", 403),
        ("organizer", 200),
        ("other_organizer", 200),
        ("superuser", 200),
    ],
)
def test_merging_outlets_is_for_organizers(api_client_for, assert_unchanged, role, expected):
    keep, duplicate = MediaOutletFactory(), MediaOutletFactory()
    profile = JournalistProfileFactory(outlet=duplicate)
    with assert_unchanged(MediaOutlet, JournalistProfile, unless=expected == 200):
        response = api_client_for(role).post(
            f"/api/v1/outlets/{duplicate.pk}/merge/", {"into": keep.pk}, format="json"
        )
    assert response.status_code == expected
    profile.refresh_from_db()
    assert profile.outlet_id == (keep.pk if expected == 200 else duplicate.pk)


# ---------------------------------------------------------------- /accreditations/


@pytest.mark.parametrize(
    ("role", "expected", "count"),
    [
        ("anonymous", 401, None),
        ("journalist", 200, 1),
        ("other_journalist", 200, 0),
        ("front_desk", 200, 0),
        ("organizer", 200, 2),
        ("other_organizer", 200, 0),
        ("superuser", 200, 3),
    ],
)
def test_accreditation_list_shows_what_each_role_may_see(
    api_client_for, event, mine, role, expected, count
):
    AccreditationFactory(event=event)  # someone else's, same event
    AccreditationFactory()  # another organization's event
    response = api_client_for(role).get("/api/v1/accreditations/")
    assert response.status_code == expected
    if expected == 200:
        assert response.json()["count"] == count


def test_accreditation_list_filters(api_client_for, event, mine):
    other_event = EventFactory(organization=event.organization)
    AccreditationFactory(event=other_event, status=S.APPROVED, category="video")
    client = api_client_for("organizer")
    assert client.get(f"/api/v1/accreditations/?event={event.pk}").json()["count"] == 1
    assert client.get("/api/v1/accreditations/?status=approved").json()["count"] == 1
    assert client.get("/api/v1/accreditations/?category=video").json()["count"] == 1
    outlet = mine.journalist.outlet_id
    assert client.get(f"/api/v1/accreditations/?outlet={outlet}").json()["count"] == 1
    bad = client.get("/api/v1/accreditations/?stauts=approved")
    assert bad.status_code == 400


def test_accreditation_list_query_count_is_constant(
    api_client_for, event, django_assert_num_queries
):
    client = api_client_for("organizer")
    AccreditationFactory.create_batch(2, event=event)
    client.get("/api/v1/accreditations/")  # warm up: the user's roles are read once and kept
    # count, page, and the active badges (for `code`) prefetched in one query
    with django_assert_num_queries(3) as small:
        client.get("/api/v1/accreditations/")
    AccreditationFactory.create_batch(8, event=event)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get("/api/v1/accreditations/")
    assert response.json()["count"] == 10


def test_journalist_list_query_count_is_constant(api_client_for, event, django_assert_num_queries):
    client = api_client_for("organizer")
    AccreditationFactory.create_batch(2, event=event)
    client.get("/api/v1/journalists/")  # warm up: the user's roles are read once and kept
    with django_assert_num_queries(2) as small:
        client.get("/api/v1/journalists/")
    AccreditationFactory.create_batch(8, event=event)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get("/api/v1/journalists/")
    assert response.json()["count"] == 10


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("journalist", 201),
        ("front_desk", 404),
        ("organizer", 404),
        ("superuser", 404),
    ],
)
def test_requesting_for_oneself_needs_a_journalist_profile(
    api_client_for, assert_unchanged, event, role, expected
):
    Accreditation.objects.all().delete()
    with assert_unchanged(Accreditation, unless=expected == 201):
        response = api_client_for(role).post(
            "/api/v1/accreditations/", {"event": event.pk, "category": "radio"}, format="json"
        )
    assert response.status_code == expected
    if expected == 201:
        body = response.json()
        assert (body["status"], body["category"], body["event"]) == ("pending", "radio", event.pk)
    if expected == 404:
        assert response.json()["code"] == "no_profile"


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("other_journalist", 403),
        ("front_desk", 403),
        ("organizer", 201),
        ("other_organizer", 403),
        ("superuser", 201),
    ],
)
def test_requesting_on_someone_elses_behalf_is_for_the_events_organizers(
    api_client_for, assert_unchanged, event, journalist_profile, role, expected
):
    with assert_unchanged(Accreditation, unless=expected == 201):
        response = api_client_for(role).post(
            "/api/v1/accreditations/",
            {"event": event.pk, "journalist": journalist_profile.pk},
            format="json",
        )
    assert response.status_code == expected
    assert Accreditation.objects.filter(journalist=journalist_profile).exists() is (expected == 201)


def test_request_refusals_answer_409_with_a_code(api_client_for, event, mine):
    response = api_client_for("journalist").post(
        "/api/v1/accreditations/", {"event": event.pk}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "duplicate_request"
    assert response.json()["detail"]


def test_request_with_unknown_event_answers_400(api_client_for, journalist_profile):
    response = api_client_for("journalist").post(
        "/api/v1/accreditations/", {"event": 987654, "category": "pilot"}, format="json"
    )
    assert response.status_code == 400
    assert {"event", "category"} <= set(response.json())


def test_request_for_a_draft_event_of_another_organization_is_404(
    api_client_for, journalist_profile
):
    draft = EventFactory(status="draft")
    response = api_client_for("journalist").post(
        "/api/v1/accreditations/", {"event": draft.pk}, format="json"
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("journalist", 200),
        ("other_journalist", 404),
        ("front_desk", 404),
        ("organizer", 200),
        ("other_organizer", 404),
        ("superuser", 200),
    ],
)
def test_accreditation_detail_is_for_its_journalist_and_the_events_organizers(
    api_client_for, mine, role, expected
):
    response = api_client_for(role).get(f"/api/v1/accreditations/{mine.pk}/")
    assert response.status_code == expected
    if expected == 200:
        assert response.json()["journalist_name"] == mine.journalist.full_name


DECISIONS = [
    ("approve", S.PENDING, {}, S.APPROVED),
    ("waitlist", S.PENDING, {}, S.WAITLISTED),
    ("reject", S.PENDING, {"reason": "Không đủ chỗ"}, S.REJECTED),
    ("revoke", S.APPROVED, {"reason": "Vi phạm quy định"}, S.REVOKED),
]
DECIDERS = [
    ("anonymous", 401),
    ("journalist", 403),
    ("other_journalist", 404),
    ("front_desk", 404),
    ("organizer", 200),
    ("other_organizer", 404),
    ("superuser", 200),
]


@pytest.mark.parametrize(("action", "start", "body", "end"), DECISIONS)
@pytest.mark.parametrize(("role", "expected"), DECIDERS)
def test_decisions_are_for_the_events_organizers(
    api_client_for, assert_unchanged, mine, action, start, body, end, role, expected
):
    Accreditation.objects.filter(pk=mine.pk).update(status=start)
    with assert_unchanged(mine, AccreditationLog, Badge, unless=expected == 200):
        response = api_client_for(role).post(
            f"/api/v1/accreditations/{mine.pk}/{action}/", body, format="json"
        )
    assert response.status_code == expected
    mine.refresh_from_db()
    assert mine.status == (end if expected == 200 else start)
    if expected == 200:
        assert response.json()["status"] == end
        assert response.json()["status_reason"] == body.get("reason", "")


CANCELLERS = [
    ("anonymous", 401),
    ("journalist", 200),
    ("other_journalist", 404),
    ("front_desk", 404),
    ("organizer", 403),
    ("other_organizer", 404),
    ("superuser", 403),
]


@pytest.mark.parametrize(("role", "expected"), CANCELLERS)
def test_cancelling_is_for_the_journalist_only(
    api_client_for, assert_unchanged, mine, role, expected
):
    with assert_unchanged(mine, AccreditationLog, unless=expected == 200):
        response = api_client_for(role).post(f"/api/v1/accreditations/{mine.pk}/cancel/")
    assert response.status_code == expected
    mine.refresh_from_db()
    assert mine.status == (S.CANCELLED if expected == 200 else S.PENDING)


@pytest.mark.parametrize("action", ["reject", "revoke"])
def test_reject_and_revoke_without_reason_answer_400(api_client_for, mine, action):
    Accreditation.objects.filter(pk=mine.pk).update(
        status=S.APPROVED if action == "revoke" else S.PENDING
    )
    response = api_client_for("organizer").post(
        f"/api/v1/accreditations/{mine.pk}/{action}/", {"reason": " "}, format="json"
    )
    assert response.status_code == 400
    assert "reason" in response.json()


def test_refused_transition_answers_409_with_code_and_detail(api_client_for, mine):
    Accreditation.objects.filter(pk=mine.pk).update(status=S.REJECTED)
    response = api_client_for("organizer").post(f"/api/v1/accreditations/{mine.pk}/approve/")
    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"
    assert response.json()["detail"]


def test_approving_past_capacity_answers_409_or_waitlists_when_asked(api_client_for, organization):
    event = EventFactory(organization=organization, press_capacity=1)
    AccreditationFactory(event=event, status=S.APPROVED)
    waiting = AccreditationFactory(event=event)
    client = api_client_for("organizer")
    refused = client.post(f"/api/v1/accreditations/{waiting.pk}/approve/")
    assert (refused.status_code, refused.json()["code"]) == (409, "capacity_full")
    waitlisted = client.post(
        f"/api/v1/accreditations/{waiting.pk}/approve/", {"waitlist_if_full": True}, format="json"
    )
    assert (waitlisted.status_code, waitlisted.json()["status"]) == (200, "waitlisted")


def test_bulk_reports_each_request(api_client_for, organization, journalist_profile):
    event = EventFactory(organization=organization, press_capacity=1)
    first, second = AccreditationFactory.create_batch(2, event=event)
    elsewhere = AccreditationFactory()  # another organization's: must look unknown
    response = api_client_for("organizer").post(
        "/api/v1/accreditations/bulk/",
        {"action": "approve", "ids": [first.pk, second.pk, elsewhere.pk]},
        format="json",
    )
    assert response.status_code == 200
    results = {r["id"]: (r["ok"], r["code"]) for r in response.json()["results"]}
    assert results == {
        first.pk: (True, ""),
        second.pk: (False, "capacity_full"),
        elsewhere.pk: (False, "not_found"),
    }
    elsewhere.refresh_from_db()
    assert elsewhere.status == S.PENDING


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("journalist", 403),
        ("front_desk", 403),
        ("organizer", 200),
        ("other_organizer", 403),
        ("superuser", 200),
    ],
)
def test_promoting_the_next_waitlisted_is_for_the_events_organizers(
    api_client_for, assert_unchanged, event, role, expected
):
    waiting = AccreditationFactory(event=event, status=S.WAITLISTED)
    with assert_unchanged(waiting, AccreditationLog, Badge, unless=expected == 200):
        response = api_client_for(role).post(f"/api/v1/events/{event.pk}/accreditations/promote/")
    assert response.status_code == expected
    waiting.refresh_from_db()
    assert waiting.status == (S.APPROVED if expected == 200 else S.WAITLISTED)


def test_promoting_with_nobody_waiting_answers_409(api_client_for, event):
    response = api_client_for("organizer").post(
        f"/api/v1/events/{event.pk}/accreditations/promote/"
    )
    assert (response.status_code, response.json()["code"]) == (409, "nothing_to_promote")
