"""The console's venues and rooms: forms, the room picker's availability endpoint, the week."""

from datetime import UTC, datetime

import pytest

from events.models import EventStatus
from tests.factories import EventFactory, RoomFactory, VenueFactory
from venues.models import Room, Venue

pytestmark = pytest.mark.django_db


@pytest.fixture
def organizer_client(client, organizer):
    client.force_login(organizer)
    return client


# --- Venues and rooms ---------------------------------------------------------------------


def test_venue_list_shows_rooms_with_week_and_edit_links(organizer_client):
    room = RoomFactory(name="Phòng Sen", capacity=80)
    html = organizer_client.get("/manage/venues/").content.decode()
    assert room.venue.name in html
    assert "Phòng Sen" in html
    assert f"/manage/rooms/{room.pk}/week/" in html
    assert f"/manage/rooms/{room.pk}/edit/" in html


def test_create_and_edit_a_venue(organizer_client):
    response = organizer_client.post(
        "/manage/venues/new/",
        {
            "name": "Cung Văn hóa Hữu nghị",
            "name_en": "Friendship Cultural Palace",
            "address": "91 Trần Hưng Đạo",
            "city": "Hà Nội",
        },
    )
    assert response.status_code == 302
    venue = Venue.objects.get(name="Cung Văn hóa Hữu nghị")
    assert venue.slug == "cung-van-hoa-huu-nghi"
    assert venue.name_en == "Friendship Cultural Palace"
    organizer_client.post(
        f"/manage/venues/{venue.pk}/edit/",
        {"name": venue.name, "address": "91 Trần Hưng Đạo, Hoàn Kiếm", "city": "Hà Nội"},
    )
    venue.refresh_from_db()
    assert venue.address == "91 Trần Hưng Đạo, Hoàn Kiếm"


def test_venue_with_half_its_coordinates_is_refused_and_kept(organizer_client):
    response = organizer_client.post(
        "/manage/venues/new/",
        {"name": "Nửa tọa độ", "address": "1 Phố Huế", "city": "Hà Nội", "latitude": "21.02"},
    )
    assert response.status_code == 400
    assert not Venue.objects.exists()
    assert 'value="Nửa tọa độ"' in response.content.decode()


def test_create_and_edit_a_room(organizer_client):
    venue = VenueFactory()
    assert (
        f'value="{venue.pk}" selected'
        in organizer_client.get(f"/manage/rooms/new/?venue={venue.pk}").content.decode()
    )
    response = organizer_client.post(
        "/manage/rooms/new/",
        {"venue": venue.pk, "name": "Phòng Lotus", "capacity": 150, "has_livestream": "on"},
    )
    assert response.status_code == 302
    room = Room.objects.get(name="Phòng Lotus")
    assert (room.venue, room.capacity, room.has_livestream, room.has_projector) == (
        venue,
        150,
        True,
        False,
    )
    organizer_client.post(
        f"/manage/rooms/{room.pk}/edit/", {"venue": venue.pk, "name": "Phòng Lotus", "capacity": 90}
    )
    room.refresh_from_db()
    assert (room.capacity, room.has_livestream) == (90, False)


def test_room_with_a_name_taken_in_its_venue_is_refused(organizer_client):
    room = RoomFactory(name="Phòng A")
    response = organizer_client.post(
        "/manage/rooms/new/", {"venue": room.venue.pk, "name": "Phòng A", "capacity": 10}
    )
    assert response.status_code == 400
    assert Room.objects.filter(name="Phòng A").count() == 1


# --- Availability endpoint ------------------------------------------------------------------


@pytest.fixture
def booked(organization):
    """A published event in a room, 09:00–11:00 ICT on Monday 4 March 2030."""
    return EventFactory(
        organization=organization,
        title="Họp báo đã đặt",
        starts_at=datetime(2030, 3, 4, 2, 0, tzinfo=UTC),
        ends_at=datetime(2030, 3, 4, 4, 0, tzinfo=UTC),
    )


def availability(client, room, start, end, **extra):
    params = {"room": room.pk, "starts_at": start, "ends_at": end, **extra}
    return client.get("/manage/rooms/availability/", params)


def test_availability_says_free_when_nothing_overlaps(organizer_client, booked):
    response = availability(organizer_client, booked.room, "2030-03-04T11:00", "2030-03-04T12:00")
    assert response.status_code == 200
    assert response.json()["available"] is True


def test_availability_names_the_clash_in_ict(organizer_client, booked):
    response = availability(organizer_client, booked.room, "2030-03-04T10:30", "2030-03-04T12:00")
    data = response.json()
    assert data["available"] is False
    assert "Họp báo đã đặt" in data["message"]
    assert "04/03/2030 09:00" in data["message"]
    assert data["week_url"] == f"/manage/rooms/{booked.room.pk}/week/?start=2030-03-04"


def test_availability_ignores_the_event_being_edited_and_cancelled_events(
    organizer_client, booked, organization
):
    response = availability(
        organizer_client, booked.room, "2030-03-04T09:00", "2030-03-04T10:00", exclude=booked.pk
    )
    assert response.json()["available"] is True
    booked.status = EventStatus.CANCELLED
    booked.save()
    response = availability(organizer_client, booked.room, "2030-03-04T09:00", "2030-03-04T10:00")
    assert response.json()["available"] is True


def test_availability_hides_the_title_of_another_organizations_draft(
    client, other_organizer, organization
):
    draft = EventFactory(
        organization=organization,
        status=EventStatus.DRAFT,
        title="Bí mật",
        starts_at=datetime(2030, 3, 4, 2, 0, tzinfo=UTC),
        ends_at=datetime(2030, 3, 4, 4, 0, tzinfo=UTC),
    )
    client.force_login(other_organizer)
    data = availability(client, draft.room, "2030-03-04T09:00", "2030-03-04T10:00").json()
    assert data["available"] is False
    assert "Bí mật" not in data["message"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"starts_at": "2030-03-04T09:00", "ends_at": "2030-03-04T10:00"}, "room"),
        ({"room": "999999", "starts_at": "2030-03-04T09:00", "ends_at": "x"}, "room"),
        ({"room": "ROOM", "starts_at": "tomorrow", "ends_at": "2030-03-04T10:00"}, "starts_at"),
        (
            {"room": "ROOM", "starts_at": "2030-03-04T10:00", "ends_at": "2030-03-04T09:00"},
            "ends_at",
        ),
    ],
)
def test_availability_with_bad_input_is_400_with_field_errors(
    organizer_client, booked, params, field
):
    params = {k: (booked.room.pk if v == "ROOM" else v) for k, v in params.items()}
    response = organizer_client.get("/manage/rooms/availability/", params)
    assert response.status_code == 400
    assert field in response.json()


def test_event_form_carries_what_the_room_picker_script_needs(organizer_client, booked):
    html = organizer_client.get(f"/manage/events/{booked.slug}/edit/").content.decode()
    assert 'data-availability-url="/manage/rooms/availability/"' in html
    assert f'data-exclude="{booked.pk}"' in html
    assert 'id="room-availability"' in html
    assert "/static/js/manage.js" in html
    assert "<script>" not in html  # no inline script: a strict CSP comes later


# --- Week view ------------------------------------------------------------------------------


def test_week_view_places_bookings_by_day_and_ict_time(organizer_client, booked):
    EventFactory(  # the next week: not shown
        room=booked.room,
        title="Hội nghị tháng Ba",
        starts_at=datetime(2030, 3, 11, 2, 0, tzinfo=UTC),
        ends_at=datetime(2030, 3, 11, 3, 0, tzinfo=UTC),
    )
    response = organizer_client.get(f"/manage/rooms/{booked.room.pk}/week/?start=2030-03-06")
    assert response.status_code == 200
    days = response.context["days"]
    assert [d["date"].isoformat() for d in (days[0], days[6])] == ["2030-03-04", "2030-03-10"]
    (piece,) = days[0]["bookings"]
    assert piece["event"] == booked
    # 09:00 is the seventh half-hour row after 06:00, and two hours are four rows.
    assert (piece["row"], piece["span"]) == (7, 4)
    assert all(not d["bookings"] for d in days[1:])
    html = response.content.decode()
    assert "09:00–11:00" in html
    assert "Họp báo đã đặt" in html
    assert "Hội nghị tháng Ba" not in html
    assert "?start=2030-02-25" in html
    assert "?start=2030-03-11" in html


def test_week_view_splits_a_multi_day_event_across_its_days(organizer_client, organization):
    room = RoomFactory()
    EventFactory(
        organization=organization,
        room=room,
        title="Triển lãm ba ngày",
        starts_at=datetime(2030, 3, 5, 1, 0, tzinfo=UTC),  # Tue 08:00 ICT
        ends_at=datetime(2030, 3, 7, 10, 0, tzinfo=UTC),  # Thu 17:00 ICT
    )
    days = organizer_client.get(f"/manage/rooms/{room.pk}/week/?start=2030-03-04").context["days"]
    assert [len(d["bookings"]) for d in days] == [0, 1, 1, 1, 0, 0, 0]
    assert days[2]["bookings"][0]["row"] == 1  # all day Wednesday, from the top
    assert days[3]["bookings"][0]["ends_at"] == datetime(2030, 3, 7, 10, 0, tzinfo=UTC)


def test_week_view_leaves_out_cancelled_events(organizer_client, booked):
    booked.status = EventStatus.CANCELLED
    booked.save()
    response = organizer_client.get(f"/manage/rooms/{booked.room.pk}/week/?start=2030-03-04")
    assert "Họp báo đã đặt" not in response.content.decode()


def test_week_view_with_a_bad_date_says_so(organizer_client, booked):
    response = organizer_client.get(f"/manage/rooms/{booked.room.pk}/week/?start=04/03/2030")
    assert response.status_code == 400
    assert response.context["error"]


def test_week_view_of_an_unknown_room_is_404(organizer_client, db):
    assert organizer_client.get("/manage/rooms/999999/week/").status_code == 404
