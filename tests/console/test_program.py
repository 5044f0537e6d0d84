"""Agenda items and speakers, edited on the event's console pages."""

from datetime import UTC, datetime

import pytest

from events.models import AgendaItem, Speaker
from tests.factories import AgendaItemFactory, EventFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def timed_event(organization):
    return EventFactory(
        organization=organization,
        starts_at=datetime(2030, 3, 4, 2, 0, tzinfo=UTC),  # 09:00–12:00 ICT
        ends_at=datetime(2030, 3, 4, 5, 0, tzinfo=UTC),
    )


@pytest.fixture
def organizer_client(client, organizer):
    client.force_login(organizer)
    return client


def test_event_page_lists_agenda_and_speakers_with_edit_links(organizer_client, timed_event):
    speaker = SpeakerFactory(organization=timed_event.organization, name="Lê Văn Tám")
    timed_event.speakers.add(speaker)
    item = AgendaItemFactory(event=timed_event, title="Phát biểu khai mạc")
    html = organizer_client.get(f"/manage/events/{timed_event.slug}/").content.decode()
    assert "Phát biểu khai mạc" in html
    assert f"/manage/events/{timed_event.slug}/agenda/{item.pk}/edit/" in html
    assert "Lê Văn Tám" in html
    assert f"/manage/events/{timed_event.slug}/speakers/{speaker.pk}/edit/" in html
    assert f'action="/manage/events/{timed_event.slug}/agenda/new/"' in html


def test_add_agenda_item_with_speakers(organizer_client, timed_event):
    speaker = SpeakerFactory(organization=timed_event.organization)
    response = organizer_client.post(
        f"/manage/events/{timed_event.slug}/agenda/new/",
        {
            "title": "Hỏi đáp",
            "title_en": "Questions",
            "starts_at": "2030-03-04T10:00",
            "ends_at": "2030-03-04T10:45",
            "speakers": [speaker.pk],
        },
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get(event=timed_event)
    assert (item.title, item.title_en) == ("Hỏi đáp", "Questions")
    assert item.starts_at == datetime(2030, 3, 4, 3, 0, tzinfo=UTC)
    assert list(item.speakers.all()) == [speaker]
    assert list(timed_event.speakers.all()) == [speaker]  # joins the event's speakers too


def test_agenda_item_outside_the_event_is_refused_and_kept_in_the_form(
    organizer_client, timed_event
):
    response = organizer_client.post(
        f"/manage/events/{timed_event.slug}/agenda/new/",
        {"title": "Quá giờ", "starts_at": "2030-03-04T11:30", "ends_at": "2030-03-04T13:00"},
    )
    assert response.status_code == 400
    assert "starts_at" in response.context["form"].errors
    assert not AgendaItem.objects.exists()
    assert 'value="Quá giờ"' in response.content.decode()


def test_agenda_speakers_are_limited_to_the_organizations_speakers(organizer_client, timed_event):
    stranger = SpeakerFactory()  # another organization's
    response = organizer_client.post(
        f"/manage/events/{timed_event.slug}/agenda/new/",
        {
            "title": "Hỏi đáp",
            "starts_at": "2030-03-04T10:00",
            "ends_at": "2030-03-04T10:30",
            "speakers": [stranger.pk],
        },
    )
    assert response.status_code == 400
    assert not AgendaItem.objects.exists()


def test_edit_and_remove_an_agenda_item(organizer_client, timed_event):
    item = AgendaItemFactory(event=timed_event, title="Cũ")
    url = f"/manage/events/{timed_event.slug}/agenda/{item.pk}/"
    response = organizer_client.post(
        url + "edit/",
        {"title": "Mới", "starts_at": "2030-03-04T09:30", "ends_at": "2030-03-04T10:00"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Mới"
    assert item.starts_at == datetime(2030, 3, 4, 2, 30, tzinfo=UTC)

    assert organizer_client.get(url + "delete/").status_code == 200
    assert AgendaItem.objects.filter(pk=item.pk).exists()  # the confirmation page only asks
    organizer_client.post(url + "delete/")
    assert not AgendaItem.objects.filter(pk=item.pk).exists()


def test_agenda_item_of_another_event_is_404(organizer_client, timed_event, organization):
    other = AgendaItemFactory(event=EventFactory(organization=organization))
    url = f"/manage/events/{timed_event.slug}/agenda/{other.pk}/edit/"
    assert organizer_client.get(url).status_code == 404


def test_new_speaker_is_filed_for_the_organization_and_put_on_the_event(
    organizer_client, timed_event
):
    response = organizer_client.post(
        f"/manage/events/{timed_event.slug}/speakers/new/",
        {"name": "Nguyễn Thị Mai Hương", "position": "Giám đốc", "position_en": "Director"},
    )
    assert response.status_code == 302
    speaker = Speaker.objects.get(name="Nguyễn Thị Mai Hương")
    assert speaker.organization == timed_event.organization
    assert speaker.position_en == "Director"
    assert list(timed_event.speakers.all()) == [speaker]


def test_speaker_without_a_name_is_refused(organizer_client, timed_event):
    response = organizer_client.post(
        f"/manage/events/{timed_event.slug}/speakers/new/", {"position": "Giám đốc"}
    )
    assert response.status_code == 400
    assert "name" in response.context["form"].errors
    assert not Speaker.objects.exists()


def test_edit_speaker(organizer_client, timed_event):
    speaker = SpeakerFactory(organization=timed_event.organization, name="Tên cũ")
    timed_event.speakers.add(speaker)
    organizer_client.post(
        f"/manage/events/{timed_event.slug}/speakers/{speaker.pk}/edit/", {"name": "Tên mới"}
    )
    speaker.refresh_from_db()
    assert speaker.name == "Tên mới"


def test_remove_speaker_takes_them_off_the_event_and_its_agenda(organizer_client, timed_event):
    speaker = SpeakerFactory(organization=timed_event.organization)
    timed_event.speakers.add(speaker)
    item = AgendaItemFactory(event=timed_event)
    item.speakers.add(speaker)
    organizer_client.post(f"/manage/events/{timed_event.slug}/speakers/{speaker.pk}/remove/")
    assert not timed_event.speakers.exists()
    assert not item.speakers.exists()
    assert Speaker.objects.filter(pk=speaker.pk).exists()  # still on file


def test_another_organizations_speaker_cannot_be_edited_or_attached(organizer_client, timed_event):
    stranger = SpeakerFactory(name="Người lạ")
    url = f"/manage/events/{timed_event.slug}/speakers/{stranger.pk}/edit/"
    assert organizer_client.post(url, {"name": "Đổi tên"}).status_code == 404
    organizer_client.post(
        f"/manage/events/{timed_event.slug}/speakers/add/", {"speaker": stranger.pk}
    )
    stranger.refresh_from_db()
    assert stranger.name == "Người lạ"
    assert not timed_event.speakers.exists()
