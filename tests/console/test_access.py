"""Who reaches the organizer console (/manage/): every page tried by every role."""

import pytest

from events.models import Event, EventStatus
from tests.conftest import ROLES
from tests.factories import AgendaItemFactory, EventFactory, RoomFactory, SpeakerFactory
from venues.models import Venue

pytestmark = pytest.mark.django_db

# Pages that do not belong to one event: every organizer sees them (with their own data).
CONSOLE_PAGES = [
    "/manage/",
    "/manage/events/",
    "/manage/events/new/",
    "/manage/venues/",
    "/manage/venues/new/",
    "/manage/venues/{venue}/edit/",
    "/manage/rooms/new/",
    "/manage/rooms/{room}/edit/",
    "/manage/rooms/{room}/week/",
    "/manage/rooms/availability/?room={room}&starts_at=2030-01-07T09:00&ends_at=2030-01-07T10:00",
]

# Pages of one event of `organization`: its organizers and superusers only.
EVENT_PAGES = [
    "/manage/events/{slug}/",
    "/manage/events/{slug}/edit/",
    "/manage/events/{slug}/status/cancel/",
    "/manage/events/{slug}/status/postpone/",
    "/manage/events/{slug}/duplicate/",
    "/manage/events/{slug}/delete/",
    "/manage/events/{slug}/agenda/new/",
    "/manage/events/{slug}/agenda/{item}/edit/",
    "/manage/events/{slug}/agenda/{item}/delete/",
    "/manage/events/{slug}/speakers/new/",
    "/manage/events/{slug}/speakers/{speaker}/edit/",
    "/manage/events/{slug}/speakers/{speaker}/remove/",
]

EXPECTED_CONSOLE = {
    "anonymous": 302,
    "journalist": 403,
    "front_desk": 403,
    "organizer": 200,
    "other_organizer": 200,
    "superuser": 200,
}
EXPECTED_EVENT = {**EXPECTED_CONSOLE, "other_organizer": 404}


@pytest.fixture
def place(event):
    speaker = SpeakerFactory(organization=event.organization)
    event.speakers.add(speaker)
    item = AgendaItemFactory(event=event)
    return {
        "slug": event.slug,
        "room": event.room.pk,
        "venue": event.room.venue.pk,
        "item": item.pk,
        "speaker": speaker.pk,
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", CONSOLE_PAGES)
def test_console_page_by_role(client_for, place, role, page):
    response = client_for(role).get(page.format(**place))
    assert response.status_code == EXPECTED_CONSOLE[role]
    if role == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=/manage/")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", EVENT_PAGES)
def test_event_page_by_role(client_for, place, role, page):
    response = client_for(role).get(page.format(**place))
    assert response.status_code == EXPECTED_EVENT[role]


@pytest.mark.parametrize("role", ROLES)
def test_cancel_by_role_changes_the_event_only_for_its_organizers(
    client_for, assert_unchanged, event, role
):
    with assert_unchanged(event, unless=role in {"organizer", "superuser"}):
        response = client_for(role).post(
            f"/manage/events/{event.slug}/status/cancel/", {"reason": "Mưa bão"}
        )
    event.refresh_from_db()
    if role in {"organizer", "superuser"}:
        assert response.status_code == 302
        assert event.status == EventStatus.CANCELLED
    else:
        assert response.status_code == EXPECTED_EVENT[role]
        assert event.status == EventStatus.PUBLISHED


@pytest.mark.parametrize("role", ROLES)
def test_delete_draft_by_role(client_for, assert_unchanged, organization, role):
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)
    with assert_unchanged(draft, unless=role in {"organizer", "superuser"}):
        response = client_for(role).post(f"/manage/events/{draft.slug}/delete/")
    deleted = not Event.objects.filter(pk=draft.pk).exists()
    assert deleted == (role in {"organizer", "superuser"})
    if not deleted:
        assert response.status_code == EXPECTED_EVENT[role]


@pytest.mark.parametrize("role", ROLES)
def test_creating_a_venue_by_role(client_for, assert_unchanged, role):
    with assert_unchanged(Venue, unless=role in {"organizer", "other_organizer", "superuser"}):
        response = client_for(role).post(
            "/manage/venues/new/",
            {"name": "Nhà hát Lớn", "address": "1 Tràng Tiền", "city": "Hà Nội"},
        )

    created = Venue.objects.filter(name="Nhà hát Lớn").exists()
    assert created == (role in {"organizer", "other_organizer", "superuser"})
    if not created:
        assert response.status_code == EXPECTED_CONSOLE[role]


def test_manage_link_shows_for_organizers_only(client, organizer, front_desk, journalist, db):
    assert 'href="/manage/"' not in client.get("/").content.decode()
    for user, shown in ((journalist, False), (front_desk, False), (organizer, True)):
        client.force_login(user)
        assert ('href="/manage/"' in client.get("/").content.decode()) == shown


def test_speaker_attach_is_post_only_and_organizers_only(
    client, assert_unchanged, organizer, journalist, event
):
    speaker = SpeakerFactory(organization=event.organization)
    url = f"/manage/events/{event.slug}/speakers/add/"
    client.force_login(journalist)
    with assert_unchanged(event):  # its speakers too
        assert client.post(url, {"speaker": speaker.pk}).status_code == 403
    client.force_login(organizer)
    assert client.get(url).status_code == 405
    assert client.post(url, {"speaker": speaker.pk}).status_code == 302
    assert list(event.speakers.all()) == [speaker]


def test_other_organizations_rooms_are_still_bookable_rooms(client, other_organizer, event):
    """Venues are shared: another organizer sees the room's week, but not a stranger's draft."""
    draft = EventFactory(
        organization=event.organization,
        room=RoomFactory(),
        status=EventStatus.DRAFT,
        title="Bản nháp bí mật",
    )
    client.force_login(other_organizer)
    start = draft.starts_at.astimezone().date().isoformat()
    html = client.get(f"/manage/rooms/{draft.room_id}/week/?start={start}").content.decode()
    assert "Bản nháp bí mật" not in html
    assert draft.organization.name in html
