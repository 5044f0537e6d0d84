"""Venues and rooms: public reads, organizer writes, filters."""

import pytest

from tests.factories import RoomFactory, VenueFactory
from venues.models import Room, Venue

pytestmark = pytest.mark.django_db

WRITE_EXPECTATIONS = [
    ("anonymous", 401),
    ("journalist", 403),
    ("front_desk", 403),
    ("organizer", 201),
    ("other_organizer", 201),
    ("superuser", 201),
]


@pytest.mark.parametrize("role", [r for r, _ in WRITE_EXPECTATIONS])
def test_everyone_reads_venues_and_rooms(role, api_client_for):
    room = RoomFactory(name="Hội trường lớn")
    client = api_client_for(role)
    venues = client.get("/api/v1/venues/").json()["results"]
    assert venues[0]["rooms"][0]["name"] == "Hội trường lớn"
    assert client.get(f"/api/v1/rooms/{room.pk}/").json()["features"] == ["interpretation"]


@pytest.mark.parametrize(("role", "expected"), WRITE_EXPECTATIONS)
def test_venue_creation_by_role(role, expected, api_client_for, assert_unchanged):
    payload = {"name": "Nhà hát Lớn Hà Nội", "address": "1 Tràng Tiền", "city": "Hà Nội"}
    with assert_unchanged(Venue, unless=expected == 201):
        response = api_client_for(role).post("/api/v1/venues/", payload, format="json")
    assert response.status_code == expected
    assert Venue.objects.filter(slug="nha-hat-lon-ha-noi").exists() == (expected == 201)


@pytest.mark.parametrize(("role", "expected"), WRITE_EXPECTATIONS)
def test_room_creation_by_role(role, expected, api_client_for, assert_unchanged):
    venue = VenueFactory()
    payload = {
        "venue": venue.pk,
        "name": "Phòng A",
        "capacity": 30,
        "features": ["projector", "step_free"],
    }
    with assert_unchanged(venue, Room, unless=expected == 201):
        response = api_client_for(role).post("/api/v1/rooms/", payload, format="json")
    assert response.status_code == expected
    if expected == 201:
        room = Room.objects.get(name="Phòng A")
        assert room.has_projector
        assert room.is_step_free
        assert not room.has_interpretation


def test_room_capacity_must_be_positive(api_client_for):
    venue = VenueFactory()
    response = api_client_for("organizer").post(
        "/api/v1/rooms/", {"venue": venue.pk, "name": "X", "capacity": 0}, format="json"
    )
    assert response.status_code == 400
    assert "capacity" in response.json()


def test_venue_needs_both_coordinates_or_neither(api_client_for):
    response = api_client_for("organizer").post(
        "/api/v1/venues/", {"name": "X", "address": "Y", "latitude": "21.02"}, format="json"
    )
    assert response.status_code == 400
    assert not Venue.objects.exists()


def test_room_filters(api_client):
    big = RoomFactory(capacity=300, has_photo_riser=True)
    small = RoomFactory(capacity=20, has_interpretation=False)

    def ids(query):
        return {row["id"] for row in api_client.get(f"/api/v1/rooms/?{query}").json()["results"]}

    assert ids("min_capacity=100") == {big.pk}
    assert ids("feature=photo_riser") == {big.pk}
    assert ids(f"venue={small.venue_id}") == {small.pk}
    assert api_client.get("/api/v1/rooms/?feature=helipad").status_code == 400


def test_venue_and_room_lists_have_constant_query_counts(api_client, django_assert_max_num_queries):
    RoomFactory.create_batch(2)
    # venues: count, page, rooms prefetch; rooms: count, page (venue joined).
    with django_assert_max_num_queries(5) as small:
        api_client.get("/api/v1/venues/")
        api_client.get("/api/v1/rooms/")
    RoomFactory.create_batch(25)
    with django_assert_max_num_queries(len(small.captured_queries)):
        api_client.get("/api/v1/venues/")
        api_client.get("/api/v1/rooms/")


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("journalist", 403),
        ("organizer", 200),
        ("superuser", 200),
    ],
)
def test_venue_update_by_role(role, expected, api_client_for, assert_unchanged):
    venue = VenueFactory()
    with assert_unchanged(venue, unless=expected == 200):
        response = api_client_for(role).patch(
            f"/api/v1/venues/{venue.pk}/", {"contact_phone": "024 1111 2222"}, format="json"
        )
    assert response.status_code == expected
    venue.refresh_from_db()
    assert (venue.contact_phone == "024 1111 2222") == (expected == 200)
