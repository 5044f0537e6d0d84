"""Public pages: home, list with filters, detail, venues, language switch."""

import pytest
from django.core.management import call_command

from events.models import Event, EventStatus
from tests.factories import AgendaItemFactory, EventFactory, RoomFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def test_home_lists_upcoming_public_events_only(client, organization):
    public = EventFactory(organization=organization, title="Họp báo công khai")
    EventFactory(organization=organization, title="Bản nháp bí mật", status=EventStatus.DRAFT)
    html = client.get("/").content.decode()
    assert public.title in html
    assert "Bản nháp bí mật" not in html


def test_event_list_filters_by_kind_and_text(client, organization):
    EventFactory(organization=organization, kind="forum", title="Diễn đàn Du lịch")
    EventFactory(organization=organization, kind="seminar", title="Hội thảo Báo chí")
    html = client.get("/events/?kind=forum").content.decode()
    assert "Diễn đàn Du lịch" in html
    assert "Hội thảo Báo chí" not in html
    html = client.get("/events/?search=Báo+chí").content.decode()
    assert "Hội thảo Báo chí" in html
    assert "Diễn đàn Du lịch" not in html


def test_event_list_with_a_bad_filter_says_so_and_keeps_the_input(client, db):
    response = client.get("/events/?kind=concert&search=áo+dài")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="áo dài"' in html
    assert 'class="errorlist' in html


def test_event_list_is_paginated(client, organization):
    EventFactory.create_batch(25, organization=organization)
    first = client.get("/events/")
    assert len(first.context["page"].object_list) == 20
    second = client.get("/events/?page=2")
    assert len(second.context["page"].object_list) == 5


def test_event_list_query_count_is_constant(client, organization, django_assert_max_num_queries):
    EventFactory.create_batch(2, organization=organization)
    with django_assert_max_num_queries(12) as small:
        client.get("/events/")
    EventFactory.create_batch(15, organization=organization)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/events/")


def test_event_detail_shows_agenda_speakers_and_venue(client, event):
    speaker = SpeakerFactory(organization=event.organization, name="Nguyễn Thị Mai Hương")
    item = AgendaItemFactory(event=event, title="Phát biểu <khai mạc> & chào mừng")
    item.speakers.add(speaker)
    event.speakers.add(speaker)
    html = client.get(event.get_absolute_url()).content.decode()
    assert event.title in html
    assert "Phát biểu &lt;khai mạc&gt; &amp; chào mừng" in html
    assert "Nguyễn Thị Mai Hương" in html
    assert event.room.venue.name in html


def test_cancelled_event_shows_a_banner(client, organization):
    event = EventFactory(
        organization=organization, status=EventStatus.CANCELLED, cancellation_reason="Thời tiết xấu"
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert "banner cancelled" in html
    assert "Thời tiết xấu" in html


def test_draft_detail_is_404_for_the_public_and_visible_to_its_organizer(
    client, organizer, organization
):
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(organizer)
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_language_switch_shows_english_content_and_interface(client, event):
    response = client.post("/language/", {"language": "en", "next": event.get_absolute_url()})
    assert response.status_code == 302
    html = client.get(event.get_absolute_url()).content.decode()
    assert event.title_en in html
    assert "Agenda" in html or "When" in html
    assert '<html lang="en">' in html


def test_vietnamese_is_the_default_whatever_the_browser_says(client, event):
    html = client.get(event.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert '<html lang="vi">' in html
    assert "Thời gian" in html


def test_language_switch_refuses_foreign_redirects(client, db):
    response = client.post("/language/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_venue_pages(client, event):
    venue = event.room.venue
    assert venue.name in client.get("/venues/").content.decode()
    html = client.get(venue.get_absolute_url()).content.decode()
    assert event.room.name in html
    assert event.title in html
    assert client.get("/venues/no-such-venue/").status_code == 404


def test_load_demo_creates_a_month_of_bilingual_events_once(db):
    call_command("load_demo")
    count = Event.objects.count()
    assert count >= 10
    assert Event.objects.filter(kind="exhibition").exists()
    assert all(e.title_en for e in Event.objects.all())
    from accreditation.models import Accreditation, Badge

    assert Accreditation.objects.filter(status="approved").count() >= 4
    assert Badge.objects.count() == Accreditation.objects.filter(status="approved").count()
    call_command("load_demo", "--if-empty")
    assert Event.objects.count() == count


def test_room_conflict_is_refused_in_the_admin_with_a_message(client, superuser, organization):
    room = RoomFactory()
    existing = EventFactory(organization=organization, room=room)
    client.force_login(superuser)
    start = existing.starts_at.astimezone()
    response = client.post(
        "/admin/events/event/add/",
        {
            "organization": organization.pk,
            "title": "Trùng phòng",
            "slug": "trung-phong",
            "kind": "forum",
            "status": "published",
            "room": room.pk,
            "starts_at_0": start.strftime("%Y-%m-%d"),
            "starts_at_1": start.strftime("%H:%M:%S"),
            "ends_at_0": start.strftime("%Y-%m-%d"),
            "ends_at_1": "23:00:00",
            "press_capacity": 10,
            "agenda_items-TOTAL_FORMS": 0,
            "agenda_items-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert not Event.objects.filter(slug="trung-phong").exists()
