"""An event and its agenda only carry speakers of the event's own organization."""

from datetime import timedelta

import pytest

from common.errors import DomainError
from events import services
from events.models import AgendaItem, Event
from tests.factories import AgendaItemFactory, RoomFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def own(event):
    """A speaker of the event's organization, already on the event."""
    speaker = SpeakerFactory(organization=event.organization, name="Lê Minh Châu")
    event.speakers.add(speaker)
    return speaker


@pytest.fixture
def stranger(other_organization):
    return SpeakerFactory(organization=other_organization, name="Người ngoài")


def speaker_ids(obj) -> set[int]:
    return set(obj.speakers.values_list("pk", flat=True))


def assert_refused_on_speakers(response):
    assert response.status_code == 400, response.json()
    body = response.json()
    assert body["code"] == "speaker_of_other_organization"
    assert body["speakers"]


# --- API -------------------------------------------------------------------------------------


def test_api_refuses_creating_an_event_with_another_organizations_speaker(
    api_client_for, organization, stranger
):
    room = RoomFactory()
    payload = {
        "title": "Họp báo",
        "kind": "press_conference",
        "organization": organization.pk,
        "room": room.pk,
        "starts_at": "2030-02-03T09:00:00+07:00",
        "ends_at": "2030-02-03T11:00:00+07:00",
        "speakers": [stranger.pk],
    }
    response = api_client_for("organizer").post("/api/v1/events/", payload, format="json")

    assert_refused_on_speakers(response)
    assert not Event.objects.filter(room=room).exists()
    assert not stranger.events.exists()


def test_api_refuses_putting_another_organizations_speaker_on_an_event(
    api_client_for, event, own, stranger
):
    response = api_client_for("organizer").patch(
        f"/api/v1/events/{event.pk}/",
        {"speakers": [own.pk, stranger.pk], "title": "Tên mới"},
        format="json",
    )

    assert_refused_on_speakers(response)
    event.refresh_from_db()
    assert event.title != "Tên mới"
    assert speaker_ids(event) == {own.pk}
    public = api_client_for("anonymous").get(f"/api/v1/events/{event.pk}/").json()
    assert [s["name"] for s in public["speakers_detail"]] == ["Lê Minh Châu"]


def test_api_refuses_an_agenda_item_with_another_organizations_speaker(
    api_client_for, event, own, stranger
):
    payload = {
        "title": "Hỏi đáp",
        "starts_at": event.starts_at.isoformat(),
        "ends_at": (event.starts_at + timedelta(minutes=30)).isoformat(),
        "speakers": [stranger.pk],
    }
    response = api_client_for("organizer").post(
        f"/api/v1/events/{event.pk}/agenda/", payload, format="json"
    )

    assert_refused_on_speakers(response)
    assert not event.agenda_items.exists()
    assert speaker_ids(event) == {own.pk}


def test_api_refuses_changing_an_agenda_item_to_another_organizations_speaker(
    api_client_for, event, own, stranger
):
    item = AgendaItemFactory(event=event, title="Khai mạc")
    item.speakers.add(own)
    response = api_client_for("organizer").patch(
        f"/api/v1/agenda-items/{item.pk}/",
        {"speakers": [stranger.pk], "title": "Đổi"},
        format="json",
    )

    assert_refused_on_speakers(response)
    item.refresh_from_db()
    assert item.title == "Khai mạc"
    assert speaker_ids(item) == {own.pk}
    assert speaker_ids(event) == {own.pk}


def test_api_refuses_moving_an_event_with_speakers_to_another_organization(
    api_client_for, event, own, other_organization
):
    response = api_client_for("superuser").patch(
        f"/api/v1/events/{event.pk}/", {"organization": other_organization.pk}, format="json"
    )

    assert_refused_on_speakers(response)
    event.refresh_from_db()
    assert event.organization_id != other_organization.pk
    assert speaker_ids(event) == {own.pk}


def test_api_refuses_moving_a_speaker_away_from_the_events_they_speak_at(
    api_client_for, event, own, other_organization
):
    response = api_client_for("superuser").patch(
        f"/api/v1/speakers/{own.pk}/", {"organization": other_organization.pk}, format="json"
    )

    assert response.status_code == 400, response.json()
    assert response.json()["organization"]
    own.refresh_from_db()
    assert own.organization_id == event.organization_id


def test_own_speakers_are_still_accepted_everywhere(api_client_for, event, own):
    second = SpeakerFactory(organization=event.organization)
    client = api_client_for("organizer")
    response = client.patch(
        f"/api/v1/events/{event.pk}/", {"speakers": [own.pk, second.pk]}, format="json"
    )
    assert response.status_code == 200
    assert speaker_ids(event) == {own.pk, second.pk}
    response = client.post(
        f"/api/v1/events/{event.pk}/agenda/",
        {
            "title": "Hỏi đáp",
            "starts_at": event.starts_at.isoformat(),
            "ends_at": event.ends_at.isoformat(),
            "speakers": [second.pk],
        },
        format="json",
    )
    assert response.status_code == 201


# --- Services --------------------------------------------------------------------------------


def refused(call, field="speakers"):
    with pytest.raises(DomainError) as error:
        call()
    assert (error.value.code, error.value.field) == ("speaker_of_other_organization", field)


def test_services_refuse_another_organizations_speaker_every_way_in(event, own, stranger):
    item = AgendaItemFactory(event=event)
    count = Event.objects.count()

    refused(
        lambda: services.event_create(
            organization=event.organization,
            title="Mới",
            kind="forum",
            room=RoomFactory(),
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            speakers=[stranger],
        )
    )
    refused(lambda: services.event_update(event=event, speakers=[stranger]))
    refused(
        lambda: services.agenda_item_create(
            event=event,
            title="Mới",
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            speakers=[stranger],
        )
    )
    refused(lambda: services.agenda_item_update(item=item, speakers=[own, stranger]))
    refused(lambda: services.event_speaker_add(event=event, speaker=stranger), field="speaker")

    assert Event.objects.count() == count
    assert AgendaItem.objects.filter(event=event).count() == 1
    assert speaker_ids(event) == {own.pk}
    assert speaker_ids(item) == set()


def test_duplicating_an_event_keeps_its_own_speakers(event, own):
    copy = services.event_duplicate(event=event, starts_at=event.starts_at + timedelta(days=7))
    assert speaker_ids(copy) == {own.pk}


def test_another_organizations_speaker_cannot_be_attached_from_the_console(
    client, organizer, event, own, stranger
):
    client.force_login(organizer)
    client.post(f"/manage/events/{event.slug}/speakers/add/", {"speaker": stranger.pk})
    assert speaker_ids(event) == {own.pk}


# --- Django admin ----------------------------------------------------------------------------


def admin_event_data(event, **overrides):
    start, end = event.starts_at.astimezone(), event.ends_at.astimezone()
    data = {
        "organization": event.organization_id,
        "title": event.title,
        "slug": event.slug,
        "kind": event.kind,
        "room": event.room_id,
        "starts_at_0": start.strftime("%Y-%m-%d"),
        "starts_at_1": start.strftime("%H:%M:%S"),
        "ends_at_0": end.strftime("%Y-%m-%d"),
        "ends_at_1": end.strftime("%H:%M:%S"),
        "press_capacity": event.press_capacity,
        "agenda_items-TOTAL_FORMS": 0,
        "agenda_items-INITIAL_FORMS": 0,
    }
    data.update(overrides)
    return data


def test_admin_refuses_another_organizations_speaker_on_an_event(
    client, superuser, event, own, stranger
):
    client.force_login(superuser)
    response = client.post(
        f"/admin/events/event/{event.pk}/change/",
        admin_event_data(event, speakers=[own.pk, stranger.pk], title="Đổi"),
    )

    assert response.status_code == 200
    assert "speakers" in response.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.title != "Đổi"
    assert speaker_ids(event) == {own.pk}


def test_admin_refuses_another_organizations_speaker_on_an_agenda_item(
    client, superuser, event, own, stranger
):
    start = event.starts_at.astimezone()
    client.force_login(superuser)
    response = client.post(
        f"/admin/events/event/{event.pk}/change/",
        admin_event_data(
            event,
            speakers=[own.pk],
            **{
                "agenda_items-TOTAL_FORMS": 1,
                "agenda_items-0-title": "Hỏi đáp",
                "agenda_items-0-starts_at_0": start.strftime("%Y-%m-%d"),
                "agenda_items-0-starts_at_1": start.strftime("%H:%M:%S"),
                "agenda_items-0-ends_at_0": start.strftime("%Y-%m-%d"),
                "agenda_items-0-ends_at_1": (start + timedelta(minutes=30)).strftime("%H:%M:%S"),
                "agenda_items-0-speakers": [stranger.pk],
            },
        ),
    )

    assert response.status_code == 200
    assert not event.agenda_items.exists()
    assert speaker_ids(event) == {own.pk}


def test_admin_keeps_a_speaker_on_events_with_their_organization(
    client, superuser, own, other_organization
):
    client.force_login(superuser)
    page = client.get(f"/admin/events/speaker/{own.pk}/change/")
    assert 'name="organization"' not in page.content.decode()
    client.post(
        f"/admin/events/speaker/{own.pk}/change/",
        {"name": own.name, "organization": other_organization.pk},
    )
    own.refresh_from_db()
    assert own.organization_id != other_organization.pk
