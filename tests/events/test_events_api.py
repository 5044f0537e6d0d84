"""The events API, tried by every role."""

from datetime import timedelta

import pytest

from events.models import AgendaItem, Event, EventStatus
from tests.conftest import ROLES
from tests.factories import AgendaItemFactory, EventFactory, RoomFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def event_payload(organization, room, **overrides):
    payload = {
        "title": "Họp báo Lễ hội Hoa Đào <2026> & Tết",
        "title_en": "Peach Blossom Festival press conference",
        "kind": "press_conference",
        "status": "published",
        "organization": organization.pk,
        "room": room.pk,
        "starts_at": "2030-02-03T09:00:00+07:00",
        "ends_at": "2030-02-03T11:00:00+07:00",
        "press_capacity": 40,
    }
    payload.update(overrides)
    return payload


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_published_events_but_drafts_only_their_organizers(
    role, api_client_for, organization
):
    published = EventFactory(organization=organization)
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)
    response = api_client_for(role).get("/api/v1/events/")
    assert response.status_code == 200
    ids = {row["id"] for row in response.json()["results"]}
    assert published.pk in ids
    assert (draft.pk in ids) == (role in {"organizer", "superuser"})


@pytest.mark.parametrize("role", ROLES)
def test_draft_detail_is_404_for_outsiders(role, api_client_for, organization):
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)
    response = api_client_for(role).get(f"/api/v1/events/{draft.pk}/")
    assert response.status_code == (200 if role in {"organizer", "superuser"} else 404)


def test_event_json_has_documented_fields_with_offset_times(api_client, event):
    AgendaItemFactory(event=event, title="Khai mạc")
    event.speakers.add(SpeakerFactory(organization=event.organization, name="Lê Minh Châu"))
    data = api_client.get(f"/api/v1/events/{event.pk}/").json()
    for field in [
        "id",
        "slug",
        "title",
        "title_en",
        "summary",
        "summary_en",
        "description",
        "description_en",
        "kind",
        "status",
        "starts_at",
        "ends_at",
        "room",
        "venue",
        "organization",
        "online_url",
        "press_capacity",
        "accreditation_opens_at",
        "accreditation_closes_at",
        "url",
    ]:
        assert field in data
    assert data["starts_at"].endswith("+07:00")
    assert data["venue"] == event.room.venue_id
    assert data["url"] == f"http://testserver/events/{event.slug}/"
    assert [item["title"] for item in data["agenda"]] == ["Khai mạc"]
    assert [s["name"] for s in data["speakers_detail"]] == ["Lê Minh Châu"]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("journalist", 403),
        ("front_desk", 403),
        ("other_organizer", 403),
        ("organizer", 201),
        ("superuser", 201),
    ],
)
def test_only_organizers_of_the_organization_create_events(
    role, expected, api_client_for, assert_unchanged, organization
):
    room = RoomFactory()
    with assert_unchanged(Event, unless=expected == 201):
        response = api_client_for(role).post(
            "/api/v1/events/", event_payload(organization, room), format="json"
        )
    assert response.status_code == expected, response.json()
    assert Event.objects.filter(room=room).exists() == (expected == 201)
    if expected == 201:
        body = response.json()
        assert body["title"] == "Họp báo Lễ hội Hoa Đào <2026> & Tết"
        assert body["slug"] == "hop-bao-le-hoi-hoa-dao-2026-tet"
        assert body["agenda"] == []


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("journalist", 403),
        ("front_desk", 403),
        ("other_organizer", 403),
        ("organizer", 200),
        ("superuser", 200),
    ],
)
def test_only_organizers_of_the_event_update_it(
    role, expected, api_client_for, assert_unchanged, event
):
    with assert_unchanged(event, unless=expected == 200):
        response = api_client_for(role).patch(
            f"/api/v1/events/{event.pk}/", {"title": "Tiêu đề mới"}, format="json"
        )
    assert response.status_code == expected
    event.refresh_from_db()
    assert (event.title == "Tiêu đề mới") == (expected == 200)


def test_organizer_cannot_move_an_event_to_another_organization(
    api_client_for, assert_unchanged, event, other_organization
):
    with assert_unchanged(event):
        response = api_client_for("organizer").patch(
            f"/api/v1/events/{event.pk}/", {"organization": other_organization.pk}, format="json"
        )
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.organization_id != other_organization.pk


@pytest.mark.parametrize(
    ("role", "expected"),
    # Non-organizers are refused outright; another organization's organizer cannot even see
    # the draft, so it is 404 for them.
    [
        ("anonymous", 401),
        ("journalist", 403),
        ("front_desk", 403),
        ("other_organizer", 404),
        ("organizer", 204),
        ("superuser", 204),
    ],
)
def test_only_organizers_delete_drafts(
    role, expected, api_client_for, assert_unchanged, organization
):
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)
    with assert_unchanged(draft, unless=expected == 204):
        response = api_client_for(role).delete(f"/api/v1/events/{draft.pk}/")
    assert response.status_code == expected
    assert Event.objects.filter(pk=draft.pk).exists() == (expected != 204)


def test_published_event_cannot_be_deleted_only_cancelled(api_client_for, assert_unchanged, event):
    with assert_unchanged(event):
        response = api_client_for("organizer").delete(f"/api/v1/events/{event.pk}/")
    assert response.status_code == 409
    assert response.json()["code"] == "event_not_draft"
    assert Event.objects.filter(pk=event.pk).exists()


def test_end_before_start_is_400_naming_the_field(api_client_for, organization):
    payload = event_payload(organization, RoomFactory(), ends_at="2030-02-03T08:00:00+07:00")
    response = api_client_for("organizer").post("/api/v1/events/", payload, format="json")
    assert response.status_code == 400
    assert "ends_at" in response.json()
    assert not Event.objects.exists()


def test_event_needs_a_room_or_an_online_link(api_client_for, organization):
    payload = event_payload(organization, RoomFactory())
    del payload["room"]
    response = api_client_for("organizer").post("/api/v1/events/", payload, format="json")
    assert response.status_code == 400
    assert "room" in response.json()
    payload["online_url"] = "https://meet.example.org/briefing"
    response = api_client_for("organizer").post("/api/v1/events/", payload, format="json")
    assert response.status_code == 201


def test_double_booked_room_is_409_room_conflict_naming_the_other_event(
    api_client_for, organization
):
    room = RoomFactory(name="Hội trường lớn")
    client = api_client_for("organizer")
    first = client.post(
        "/api/v1/events/", event_payload(organization, room, title="Sự kiện A"), format="json"
    )
    assert first.status_code == 201
    second = client.post(
        "/api/v1/events/",
        event_payload(
            organization,
            room,
            title="Sự kiện B",
            starts_at="2030-02-03T10:30:00+07:00",
            ends_at="2030-02-03T12:00:00+07:00",
        ),
        format="json",
    )
    assert second.status_code == 409
    body = second.json()
    assert body["code"] == "room_conflict"
    assert "Sự kiện A" in body["detail"]
    assert Event.objects.filter(room=room).count() == 1


def test_back_to_back_events_and_cancelled_events_do_not_conflict(api_client_for, organization):
    room = RoomFactory()
    client = api_client_for("organizer")
    assert (
        client.post("/api/v1/events/", event_payload(organization, room), format="json").status_code
        == 201
    )
    later = event_payload(
        organization,
        room,
        title="Sau",
        starts_at="2030-02-03T11:00:00+07:00",
        ends_at="2030-02-03T12:00:00+07:00",
    )
    assert client.post("/api/v1/events/", later, format="json").status_code == 201
    cancelled = EventFactory(
        organization=organization, room=RoomFactory(), status=EventStatus.CANCELLED
    )
    same_time = event_payload(
        organization,
        cancelled.room,
        starts_at=cancelled.starts_at.isoformat(),
        ends_at=cancelled.ends_at.isoformat(),
    )
    assert client.post("/api/v1/events/", same_time, format="json").status_code == 201


def test_moving_an_event_raises_its_sequence_and_editing_text_does_not(api_client_for, event):
    client = api_client_for("organizer")
    client.patch(f"/api/v1/events/{event.pk}/", {"summary": "Cập nhật"}, format="json")
    event.refresh_from_db()
    assert event.sequence == 0
    new_start = event.starts_at + timedelta(hours=1)
    response = client.patch(
        f"/api/v1/events/{event.pk}/",
        {
            "starts_at": new_start.isoformat(),
            "ends_at": (new_start + timedelta(hours=2)).isoformat(),
        },
        format="json",
    )
    assert response.status_code == 200
    event.refresh_from_db()
    assert event.sequence == 1


def test_cancel_requires_a_reason_and_keeps_the_event_public(api_client_for, event):
    client = api_client_for("organizer")
    response = client.post(
        f"/api/v1/events/{event.pk}/status/", {"status": "cancelled"}, format="json"
    )
    assert response.status_code == 400
    assert "reason" in response.json()
    response = client.post(
        f"/api/v1/events/{event.pk}/status/",
        {"status": "cancelled", "reason": "Thời tiết xấu"},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["status"] == "cancelled"
    assert api_client_for("anonymous").get(f"/api/v1/events/{event.pk}/").json()["status"] == (
        "cancelled"
    )


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("journalist", 403),
        ("front_desk", 403),
        ("other_organizer", 403),
        ("organizer", 200),
        ("superuser", 200),
    ],
)
def test_status_change_by_role(role, expected, api_client_for, assert_unchanged, event):
    with assert_unchanged(event, unless=expected == 200):
        response = api_client_for(role).post(
            f"/api/v1/events/{event.pk}/status/",
            {"status": "postponed", "reason": "Hoãn"},
            format="json",
        )
    assert response.status_code == expected


@pytest.mark.parametrize(
    "params",
    [
        "kind=concert",
        "status=archived",
        "venue=999999",
        "organization=abc",
        "starts_after=yesterday",
        "colour=red",
    ],
)
def test_unknown_filter_values_are_400(params, api_client):
    response = api_client.get(f"/api/v1/events/?{params}")
    assert response.status_code == 400
    assert response.json()


def test_filters_narrow_the_list(api_client, organization, other_organization):
    forum = EventFactory(organization=organization, kind="forum", title="Diễn đàn Du lịch")
    EventFactory(organization=other_organization, kind="seminar", title="Hội thảo")
    venue_id = forum.room.venue_id

    def ids(query):
        return [row["id"] for row in api_client.get(f"/api/v1/events/?{query}").json()["results"]]

    assert ids("kind=forum") == [forum.pk]
    assert ids(f"venue={venue_id}") == [forum.pk]
    assert ids(f"organization={organization.pk}") == [forum.pk]
    assert ids("search=Du lịch") == [forum.pk]
    after = (forum.starts_at + timedelta(minutes=1)).isoformat().replace("+", "%2B")
    assert forum.pk not in ids(f"starts_after={after}")


def test_malformed_json_is_400(api_client_for):
    response = api_client_for("organizer").post(
        "/api/v1/events/", data="{not json", content_type="application/json"
    )
    assert response.status_code == 400


def test_list_query_count_does_not_grow_with_rows(
    api_client, django_assert_max_num_queries, organization
):
    EventFactory.create_batch(3, organization=organization)
    with django_assert_max_num_queries(3) as small:
        api_client.get("/api/v1/events/")
    EventFactory.create_batch(30, organization=organization)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = api_client.get("/api/v1/events/")
    assert response.json()["count"] == 33


def test_agenda_item_must_lie_inside_the_event(api_client_for, event):
    client = api_client_for("organizer")
    inside = {
        "title": "Khai mạc",
        "starts_at": event.starts_at.isoformat(),
        "ends_at": (event.starts_at + timedelta(minutes=30)).isoformat(),
    }
    assert (
        client.post(f"/api/v1/events/{event.pk}/agenda/", inside, format="json").status_code == 201
    )
    outside = dict(inside, ends_at=(event.ends_at + timedelta(hours=1)).isoformat())
    response = client.post(f"/api/v1/events/{event.pk}/agenda/", outside, format="json")
    assert response.status_code == 400
    assert event.agenda_items.count() == 1


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("journalist", 403),
        ("front_desk", 403),
        ("other_organizer", 403),
        ("organizer", 201),
        ("superuser", 201),
    ],
)
def test_agenda_item_creation_by_role(role, expected, api_client_for, assert_unchanged, event):
    speaker = SpeakerFactory(organization=event.organization)
    payload = {
        "title": "Hỏi đáp",
        "starts_at": event.starts_at.isoformat(),
        "ends_at": event.ends_at.isoformat(),
        "speakers": [speaker.pk],
    }
    with assert_unchanged(event, AgendaItem, unless=expected == 201):
        response = api_client_for(role).post(
            f"/api/v1/events/{event.pk}/agenda/", payload, format="json"
        )
    assert response.status_code == expected
    if expected == 201:
        assert list(event.speakers.all()) == [speaker]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("journalist", 403),
        ("front_desk", 403),
        ("other_organizer", 403),
        ("organizer", 204),
        ("superuser", 204),
    ],
)
def test_agenda_item_deletion_by_role(role, expected, api_client_for, assert_unchanged, event):
    item = AgendaItemFactory(event=event)
    with assert_unchanged(item, unless=expected == 204):
        response = api_client_for(role).delete(f"/api/v1/agenda-items/{item.pk}/")
    assert response.status_code == expected
    assert event.agenda_items.exists() == (expected != 204)


def test_moving_an_event_away_from_its_agenda_is_refused(api_client_for, assert_unchanged, event):
    AgendaItemFactory(event=event)
    later = event.starts_at + timedelta(days=3)
    with assert_unchanged(event, AgendaItem):
        response = api_client_for("organizer").patch(
            f"/api/v1/events/{event.pk}/",
            {"starts_at": later.isoformat(), "ends_at": (later + timedelta(hours=2)).isoformat()},
            format="json",
        )
    assert response.status_code == 400
    event.refresh_from_db()
    assert event.starts_at < later
