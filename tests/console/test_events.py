"""The console's event pages: create, edit, publish, postpone, cancel, duplicate, delete."""

from datetime import UTC, datetime, timedelta

import pytest

from events import services
from events.models import AgendaItem, Event, EventStatus
from tests.factories import (
    AgendaItemFactory,
    EventFactory,
    OrganizationFactory,
    RoomFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def organizer_client(client, organizer):
    client.force_login(organizer)
    return client


def event_form_data(organization, room, **overrides):
    data = {
        "organization": organization.pk,
        "kind": "press_conference",
        "title": "Họp báo Lễ hội Hoa Ban",
        "title_en": "Ban Flower Festival press conference",
        "summary": "Giới thiệu lễ hội.",
        "starts_at": "2030-03-04T09:00",
        "ends_at": "2030-03-04T11:00",
        "room": room.pk,
        "press_capacity": 60,
    }
    data.update(overrides)
    return data


def test_organizer_creates_a_draft_with_times_read_as_ict(organizer_client, organization):
    room = RoomFactory()
    response = organizer_client.post("/manage/events/new/", event_form_data(organization, room))
    event = Event.objects.get(title="Họp báo Lễ hội Hoa Ban")
    assert response.status_code == 302
    assert response["Location"] == f"/manage/events/{event.slug}/"
    assert event.status == EventStatus.DRAFT
    assert event.organization == organization
    assert event.room == room
    assert event.press_capacity == 60
    assert event.title_en == "Ban Flower Festival press conference"
    # 09:00 in Hanoi is 02:00 UTC.
    assert event.starts_at == datetime(2030, 3, 4, 2, 0, tzinfo=UTC)
    assert event.ends_at == datetime(2030, 3, 4, 4, 0, tzinfo=UTC)


def test_times_are_ict_even_when_the_server_runs_in_utc(organizer_client, organization, settings):
    settings.TIME_ZONE = "UTC"
    organizer_client.post("/manage/events/new/", event_form_data(organization, RoomFactory()))
    event = Event.objects.get(title="Họp báo Lễ hội Hoa Ban")
    assert event.starts_at == datetime(2030, 3, 4, 2, 0, tzinfo=UTC)


def test_edit_form_shows_saved_times_in_ict(organizer_client, organization):
    event = EventFactory(
        organization=organization,
        starts_at=datetime(2030, 3, 4, 2, 0, tzinfo=UTC),
        ends_at=datetime(2030, 3, 4, 4, 30, tzinfo=UTC),
    )
    html = organizer_client.get(f"/manage/events/{event.slug}/edit/").content.decode()
    assert 'type="datetime-local" name="starts_at" value="2030-03-04T09:00"' in html
    assert 'name="ends_at" value="2030-03-04T11:30"' in html


def test_room_conflict_is_a_room_error_nothing_is_saved_and_the_input_is_kept(
    organizer_client, organization
):
    room = RoomFactory()
    EventFactory(
        organization=organization,
        room=room,
        title="Sự kiện đã đặt phòng",
        starts_at=datetime(2030, 3, 4, 1, 0, tzinfo=UTC),
        ends_at=datetime(2030, 3, 4, 3, 0, tzinfo=UTC),
    )
    response = organizer_client.post(
        "/manage/events/new/",
        event_form_data(organization, room, title="Họp báo <trùng> & phòng"),
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert "Sự kiện đã đặt phòng" in form.errors["room"][0]
    assert not Event.objects.filter(title="Họp báo <trùng> & phòng").exists()
    html = response.content.decode()
    assert 'value="Họp báo &lt;trùng&gt; &amp; phòng"' in html
    assert 'value="2030-03-04T09:00"' in html
    # The error sits inside the room's field block, next to the select.
    room_block = html.split('class="field field-room has-error"')[1].split('class="field ')[0]
    assert "Sự kiện đã đặt phòng" in room_block


def test_model_rules_show_next_to_their_fields(organizer_client, organization):
    response = organizer_client.post(
        "/manage/events/new/",
        event_form_data(organization, RoomFactory(), ends_at="2030-03-04T08:00"),
    )
    assert response.status_code == 400
    assert "ends_at" in response.context["form"].errors
    assert not Event.objects.exists()


def test_organizer_cannot_create_for_another_organization(organizer_client, organization):
    stranger = OrganizationFactory()
    response = organizer_client.post(
        "/manage/events/new/", event_form_data(stranger, RoomFactory())
    )
    assert response.status_code == 400
    assert "organization" in response.context["form"].errors
    assert not Event.objects.exists()


def test_edit_changes_the_row_and_raises_the_sequence(organizer_client, organization):
    event = EventFactory(organization=organization)
    data = event_form_data(organization, event.room, title="Tên mới", starts_at="2030-05-01T14:00")
    data["ends_at"] = "2030-05-01T16:00"
    response = organizer_client.post(f"/manage/events/{event.slug}/edit/", data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Tên mới"
    assert event.starts_at == datetime(2030, 5, 1, 7, 0, tzinfo=UTC)
    assert event.sequence == 1


def test_edit_with_a_conflict_leaves_the_event_as_it_was(organizer_client, organization):
    taken = EventFactory(organization=organization)
    event = EventFactory(organization=organization)
    local = taken.starts_at.astimezone()
    data = event_form_data(
        organization,
        taken.room,
        title="Không được lưu",
        starts_at=local.strftime("%Y-%m-%dT%H:%M"),
        ends_at=(local + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
    )
    response = organizer_client.post(f"/manage/events/{event.slug}/edit/", data)
    assert response.status_code == 400
    assert "room" in response.context["form"].errors
    before = event.title
    event.refresh_from_db()
    assert event.title == before
    assert 'value="Không được lưu"' in response.content.decode()


def test_publish_from_the_event_page(organizer_client, organization):
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)
    response = organizer_client.post(f"/manage/events/{draft.slug}/status/publish/")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == EventStatus.PUBLISHED


def test_cancel_asks_for_confirmation_and_a_reason(organizer_client, event):
    page = organizer_client.get(f"/manage/events/{event.slug}/status/cancel/")
    assert page.status_code == 200
    assert 'name="reason"' in page.content.decode()
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED  # looking is not doing

    refused = organizer_client.post(f"/manage/events/{event.slug}/status/cancel/", {"reason": " "})
    assert refused.status_code == 400
    assert "reason" in refused.context["form"].errors
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED

    done = organizer_client.post(
        f"/manage/events/{event.slug}/status/cancel/", {"reason": "Bão số 3 đổ bộ"}
    )
    assert done.status_code == 302
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED
    assert event.cancellation_reason == "Bão số 3 đổ bộ"


def test_postpone_keeps_the_reason(organizer_client, event):
    organizer_client.post(f"/manage/events/{event.slug}/status/postpone/", {"reason": "Dời lịch"})
    event.refresh_from_db()
    assert (event.status, event.cancellation_reason) == (EventStatus.POSTPONED, "Dời lịch")


def test_a_cancelled_event_cannot_be_published_again(organizer_client, organization):
    event = EventFactory(
        organization=organization, status=EventStatus.CANCELLED, cancellation_reason="Hủy"
    )
    response = organizer_client.post(f"/manage/events/{event.slug}/status/publish/")
    assert response.status_code == 400
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED


def test_unknown_status_action_is_404(organizer_client, event):
    assert organizer_client.get(f"/manage/events/{event.slug}/status/archive/").status_code == 404


def test_status_service_refuses_a_draft_going_straight_to_cancelled(organization):
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)
    with pytest.raises(services.EventError) as error:
        services.event_change_status(event=draft, status=EventStatus.CANCELLED, reason="x")
    assert error.value.code == "status_change_not_allowed"
    draft.refresh_from_db()
    assert draft.status == EventStatus.DRAFT


def test_duplicate_copies_texts_room_speakers_and_shifted_agenda(organizer_client, organization):
    original = EventFactory(
        organization=organization,
        starts_at=datetime(2030, 3, 4, 2, 0, tzinfo=UTC),
        ends_at=datetime(2030, 3, 4, 5, 0, tzinfo=UTC),
        description="Mô tả đầy đủ",
        accreditation_closes_at=datetime(2030, 3, 3, 10, 0, tzinfo=UTC),
    )
    speaker = SpeakerFactory(organization=organization)
    original.speakers.add(speaker)
    item = AgendaItemFactory(
        event=original,
        title="Khai mạc",
        starts_at=datetime(2030, 3, 4, 2, 30, tzinfo=UTC),
        ends_at=datetime(2030, 3, 4, 3, 0, tzinfo=UTC),
    )
    item.speakers.add(speaker)

    response = organizer_client.post(
        f"/manage/events/{original.slug}/duplicate/",
        {
            "starts_at": "2030-03-11T10:00",
            "room": original.room_id,
            "title": "Họp báo lần 2",
            "title_en": "",
        },
    )

    copy = Event.objects.get(title="Họp báo lần 2")
    assert response["Location"] == f"/manage/events/{copy.slug}/"
    assert copy.pk != original.pk
    assert copy.slug != original.slug
    assert copy.status == EventStatus.DRAFT
    assert copy.room == original.room
    assert copy.description == "Mô tả đầy đủ"
    assert copy.title_en == original.title_en
    assert copy.starts_at == datetime(2030, 3, 11, 3, 0, tzinfo=UTC)
    assert copy.ends_at - copy.starts_at == timedelta(hours=3)
    assert copy.accreditation_closes_at == datetime(2030, 3, 10, 11, 0, tzinfo=UTC)
    assert list(copy.speakers.all()) == [speaker]
    copied = AgendaItem.objects.get(event=copy)
    assert copied.title == "Khai mạc"
    assert copied.starts_at == datetime(2030, 3, 11, 3, 30, tzinfo=UTC)
    assert list(copied.speakers.all()) == [speaker]
    assert original.agenda_items.count() == 1  # the original keeps its own


def test_duplicate_into_a_booked_room_is_refused_and_creates_nothing(organizer_client, event):
    later = EventFactory(organization=event.organization, room=event.room)
    local = later.starts_at.astimezone()
    before = Event.objects.count()
    response = organizer_client.post(
        f"/manage/events/{event.slug}/duplicate/",
        {"starts_at": local.strftime("%Y-%m-%dT%H:%M"), "room": event.room_id, "title": "Bản sao"},
    )
    assert response.status_code == 400
    assert "room" in response.context["form"].errors
    assert Event.objects.count() == before


def test_delete_asks_first_and_deletes_drafts_only(organizer_client, organization, event):
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)
    assert organizer_client.get(f"/manage/events/{draft.slug}/delete/").status_code == 200
    assert Event.objects.filter(pk=draft.pk).exists()
    response = organizer_client.post(f"/manage/events/{draft.slug}/delete/")
    assert response["Location"] == "/manage/events/"
    assert not Event.objects.filter(pk=draft.pk).exists()

    refused = organizer_client.post(f"/manage/events/{event.slug}/delete/")
    assert refused.status_code == 409
    assert Event.objects.filter(pk=event.pk).exists()


def test_event_list_shows_only_the_users_organizations_with_filters(organizer_client, organization):
    EventFactory(organization=organization, title="Diễn đàn Du lịch", kind="forum")
    EventFactory(organization=organization, title="Bản nháp hội thảo", status=EventStatus.DRAFT)
    EventFactory(title="Sự kiện của người khác")
    past = EventFactory(
        organization=organization,
        title="Họp báo năm ngoái",
        starts_at=datetime(2020, 1, 1, 2, 0, tzinfo=UTC),
        ends_at=datetime(2020, 1, 1, 4, 0, tzinfo=UTC),
    )

    html = organizer_client.get("/manage/events/").content.decode()
    assert "Diễn đàn Du lịch" in html
    assert "Bản nháp hội thảo" in html
    assert "Sự kiện của người khác" not in html
    assert past.title not in html

    html = organizer_client.get("/manage/events/?status=draft").content.decode()
    assert "Bản nháp hội thảo" in html
    assert "Diễn đàn Du lịch" not in html
    html = organizer_client.get("/manage/events/?search=du+lịch").content.decode()
    assert "Diễn đàn Du lịch" in html
    assert "Bản nháp hội thảo" not in html
    html = organizer_client.get("/manage/events/?period=past").content.decode()
    assert past.title in html
    assert "Diễn đàn Du lịch" not in html


def test_event_list_refuses_unknown_filters_and_other_organizations(
    organizer_client, other_organization
):
    assert organizer_client.get("/manage/events/?colour=red").status_code == 400
    response = organizer_client.get(f"/manage/events/?organization={other_organization.pk}")
    assert response.status_code == 400


def test_event_list_query_count_is_constant(
    organizer_client, organization, django_assert_max_num_queries
):
    from tests.factories import AccreditationFactory

    def add(n):
        for event in EventFactory.create_batch(n, organization=organization):
            AccreditationFactory(event=event)

    add(2)
    with django_assert_max_num_queries(20) as small:
        organizer_client.get("/manage/events/")
    add(15)
    with django_assert_max_num_queries(len(small.captured_queries)):
        organizer_client.get("/manage/events/")
