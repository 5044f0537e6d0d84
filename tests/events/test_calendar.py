"""Calendar export: per-event .ics, public and personal feeds, parsed back with icalendar."""

import random
from datetime import UTC, timedelta
from decimal import Decimal

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from accreditation.models import AccreditationStatus
from events import ical
from events.models import EventKind, EventStatus
from events.services import event_change_status, event_update
from tests.conftest import ROLES
from tests.factories import (
    AccreditationFactory,
    AgendaItemFactory,
    EventFactory,
    JournalistProfileFactory,
    OrganizationFactory,
    RoomFactory,
    SpeakerFactory,
    VenueFactory,
    in_days,
)

FEED = "/calendar.ics"


@pytest.fixture(autouse=True)
def _calendar_settings(settings):
    settings.SITE_URL = "https://baochi.example.vn"
    settings.CALENDAR_UID_DOMAIN = "lich.baochi.example.vn"


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content.decode())


def vevents(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(component["UID"]): component for component in calendar.walk("VEVENT")}


def uid(event) -> str:
    return f"event-{event.pk}@lich.baochi.example.vn"


def event_calendar_url(event, query: str = "") -> str:
    return reverse("event-calendar", kwargs={"slug": event.slug}) + query


def personal_url(profile) -> str:
    return reverse("personal-calendar", kwargs={"token": profile.calendar_token})


@pytest.fixture
def venue(db):
    return VenueFactory(
        name="Trung tâm Báo chí Thủ đô Hà Nội",
        name_en="Hanoi Press Center",
        address="2 Lê Thạch, Hoàn Kiếm",
        city="Hà Nội",
        latitude=Decimal("21.025460"),
        longitude=Decimal("105.855430"),
    )


@pytest.fixture
def full_event(organization, venue):
    """A published press conference with every field a VEVENT reads filled in."""
    organization.email = "bao-chi@hanoi.gov.vn"
    organization.save()
    return EventFactory(
        organization=organization,
        title="Họp báo Lễ hội Áo dài",
        title_en="Ao Dai Festival press conference",
        summary="Chương trình lễ hội năm nay.",
        summary_en="This year's festival programme.",
        kind=EventKind.PRESS_CONFERENCE,
        room=RoomFactory(venue=venue, name="Phòng Hội nghị 1", name_en="Conference Room 1"),
        contact_email="lien-he@hanoi.gov.vn",
    )


# --- one event -------------------------------------------------------------------------------


def test_event_ics_carries_every_field_a_calendar_needs(client, full_event):
    response = client.get(event_calendar_url(full_event))

    calendar = parse(response)
    assert response["Content-Disposition"] == f'attachment; filename="{full_event.slug}.ics"'
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Ho_Chi_Minh"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    (vevent,) = calendar.walk("VEVENT")
    full_event.refresh_from_db()
    assert str(vevent["UID"]) == uid(full_event)
    assert vevent.decoded("DTSTAMP") == full_event.updated_at.replace(microsecond=0)
    assert vevent.decoded("LAST-MODIFIED") == full_event.updated_at.replace(microsecond=0)
    assert vevent.decoded("CREATED") == full_event.created_at.replace(microsecond=0)
    assert vevent["SEQUENCE"] == 0
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert str(vevent["SUMMARY"]) == "Họp báo Lễ hội Áo dài"
    url = f"https://baochi.example.vn/events/{full_event.slug}/"
    assert str(vevent["URL"]) == url
    assert str(vevent["DESCRIPTION"]) == f"Chương trình lễ hội năm nay.\n\n{url}"
    assert str(vevent["LOCATION"]) == (
        "Phòng Hội nghị 1, Trung tâm Báo chí Thủ đô Hà Nội, 2 Lê Thạch, Hoàn Kiếm, Hà Nội"
    )
    assert (vevent["GEO"].latitude, vevent["GEO"].longitude) == (21.02546, 105.85543)
    assert vevent["CATEGORIES"].cats == ["Họp báo"]
    assert str(vevent["ORGANIZER"]) == "mailto:lien-he@hanoi.gov.vn"
    assert vevent["ORGANIZER"].params["CN"] == full_event.organization.name
    assert vevent["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert vevent.decoded("DTSTART") == full_event.starts_at
    assert vevent.decoded("DTEND") == full_event.ends_at
    assert vevent.decoded("DTSTART").utcoffset() == timedelta(hours=7)


def test_event_ics_speaks_english_when_asked(client, full_event):
    vevent = parse(client.get(event_calendar_url(full_event, "?lang=en"))).walk("VEVENT")[0]

    assert str(vevent["SUMMARY"]) == "Ao Dai Festival press conference"
    assert str(vevent["DESCRIPTION"]).startswith("This year's festival programme.")
    assert str(vevent["LOCATION"]).startswith("Conference Room 1, Hanoi Press Center")
    assert vevent["CATEGORIES"].cats == ["Press conference"]
    assert vevent["ORGANIZER"].params["CN"] == full_event.organization.name_en


def test_event_ics_answers_400_to_an_unknown_language(client, full_event):
    response = client.get(event_calendar_url(full_event, "?lang=fr"))

    assert response.status_code == 400
    assert "fr" in response.content.decode()


def test_uid_stays_the_same_across_edits_and_host_names(client, full_event):
    first = parse(client.get(event_calendar_url(full_event), HTTP_HOST="localhost"))
    event_update(
        event=full_event, title="Tên mới", starts_at=full_event.starts_at + timedelta(hours=1)
    )
    second = parse(client.get(event_calendar_url(full_event), HTTP_HOST="127.0.0.1"))

    assert list(vevents(first)) == list(vevents(second)) == [uid(full_event)]


def test_sequence_rises_when_the_service_moves_the_event(client, full_event):
    new_start = full_event.starts_at + timedelta(hours=1)
    event_update(
        event=full_event, starts_at=new_start, ends_at=full_event.ends_at + timedelta(hours=1)
    )

    vevent = parse(client.get(event_calendar_url(full_event))).walk("VEVENT")[0]
    assert vevent["SEQUENCE"] == 1
    assert vevent.decoded("DTSTART") == new_start


def test_sequence_rises_when_the_room_changes_but_not_for_a_new_title(client, full_event):
    event_update(event=full_event, title="Chỉ đổi tên")
    assert parse(client.get(event_calendar_url(full_event))).walk("VEVENT")[0]["SEQUENCE"] == 0

    event_update(event=full_event, room=RoomFactory())
    assert parse(client.get(event_calendar_url(full_event))).walk("VEVENT")[0]["SEQUENCE"] == 1


def test_cancelled_event_stays_in_the_feed_as_cancelled_with_the_reason(client, full_event):
    event_change_status(event=full_event, status=EventStatus.CANCELLED, reason="Mưa bão, lũ lụt")

    vevent = vevents(parse(client.get(FEED)))[uid(full_event)]
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert vevent["SEQUENCE"] == 1
    assert str(vevent["DESCRIPTION"]).startswith("Sự kiện này đã bị hủy. Mưa bão, lũ lụt\n\n")


def test_postponed_event_is_tentative(client, full_event):
    event_change_status(event=full_event, status=EventStatus.POSTPONED, reason="Dời lịch")

    vevent = vevents(parse(client.get(FEED)))[uid(full_event)]
    assert str(vevent["STATUS"]) == "TENTATIVE"
    assert vevent["SEQUENCE"] == 1


def test_agenda_items_become_their_own_events_when_asked(client, full_event):
    speaker = SpeakerFactory(organization=full_event.organization, name="Trần Văn Đức")
    item = AgendaItemFactory(
        event=full_event, title="Khai mạc; phát biểu, chào mừng", description="Mở đầu"
    )
    item.speakers.set([speaker])

    without = vevents(parse(client.get(event_calendar_url(full_event))))
    with_agenda = vevents(parse(client.get(event_calendar_url(full_event, "?agenda=1"))))

    assert list(without) == [uid(full_event)]
    agenda_uid = f"agenda-{item.pk}@lich.baochi.example.vn"
    assert list(with_agenda) == [uid(full_event), agenda_uid]
    vevent = with_agenda[agenda_uid]
    assert str(vevent["SUMMARY"]) == "Khai mạc; phát biểu, chào mừng"
    assert str(vevent["RELATED-TO"]) == uid(full_event)
    assert "Trần Văn Đức" in str(vevent["DESCRIPTION"])
    assert vevent.decoded("DTSTART") == item.starts_at
    assert vevent.decoded("DTEND") == item.ends_at
    assert str(vevent["STATUS"]) == "CONFIRMED"


def test_event_ics_query_count_does_not_grow_with_the_agenda(
    client, full_event, django_assert_num_queries
):
    AgendaItemFactory(event=full_event).speakers.set([SpeakerFactory()])
    with django_assert_num_queries(3):  # event, agenda items with rooms, their speakers
        parse(client.get(event_calendar_url(full_event, "?agenda=1")))
    for _ in range(4):
        AgendaItemFactory(event=full_event).speakers.set([SpeakerFactory()])
    with django_assert_num_queries(3):
        parse(client.get(event_calendar_url(full_event, "?agenda=1")))


def test_multi_day_exhibition_is_one_timed_span(client, organization):
    exhibition = EventFactory(
        organization=organization,
        kind=EventKind.EXHIBITION,
        starts_at=in_days(10, hour=8),
        ends_at=in_days(13, hour=17),
    )

    vevent = parse(client.get(event_calendar_url(exhibition))).walk("VEVENT")[0]
    assert vevent.decoded("DTSTART") == exhibition.starts_at
    assert vevent.decoded("DTEND") == exhibition.ends_at
    assert vevent.decoded("DTEND") - vevent.decoded("DTSTART") == timedelta(days=3, hours=9)
    assert vevent["CATEGORIES"].cats == ["Triển lãm"]


def test_online_event_has_its_link_as_location_and_no_geo(client, organization):
    event = EventFactory(organization=organization, room=None, online_url="https://meet.example/x")

    vevent = parse(client.get(event_calendar_url(event))).walk("VEVENT")[0]
    assert "https://meet.example/x" in str(vevent["LOCATION"])
    assert "https://meet.example/x" in str(vevent["DESCRIPTION"])
    assert "GEO" not in vevent


def test_tricky_text_survives_a_round_trip_exactly(client, organization):
    title = 'Hội nghị "Xúc tiến", đầu tư; <b>Hà Nội</b> & Đà Nẵng — 2026 ' + "Ngữ cảnh " * 12
    summary = "Dòng một, có dấu phẩy;\nDòng hai: <script>alert('x')</script>\n\nDòng bốn ẩ ữ ỹ."
    event = EventFactory(organization=organization, title=title, summary=summary)

    response = client.get(event_calendar_url(event))

    vevent = parse(response).walk("VEVENT")[0]
    assert str(vevent["SUMMARY"]) == title
    assert str(vevent["DESCRIPTION"]).startswith(summary + "\n\n")
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))
    assert not response.content.replace(b"\r\n", b"").count(b"\n")


def test_drafts_have_no_ics_for_anyone(client, organizer, superuser, organization):
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)

    assert client.get(event_calendar_url(draft)).status_code == 404
    client.force_login(organizer)
    assert client.get(event_calendar_url(draft)).status_code == 404
    client.force_login(superuser)
    assert client.get(event_calendar_url(draft)).status_code == 404


def test_single_event_calendar_function_returns_text_for_an_email(full_event):
    text = ical.single_event_calendar(full_event, language="en")

    calendar = icalendar.Calendar.from_ical(text)
    assert isinstance(text, str)
    assert "X-WR-CALNAME" not in calendar  # an attachment is one event, not a calendar to add
    assert str(calendar.walk("VEVENT")[0]["SUMMARY"]) == "Ao Dai Festival press conference"


def test_ics_answers_405_to_a_post(client, full_event):
    assert client.post(event_calendar_url(full_event)).status_code == 405


# --- the public feed -------------------------------------------------------------------------


def test_feed_has_calendar_headers(client, full_event):
    response = client.get(FEED)

    calendar = parse(response)
    assert str(calendar["X-WR-CALNAME"]) == "Trung tâm Báo chí: lịch sự kiện"
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Ho_Chi_Minh"
    assert calendar["REFRESH-INTERVAL"].to_ical() == b"PT1H"
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert calendar["X-PUBLISHED-TTL"].to_ical() == b"PT1H"
    assert "METHOD" not in calendar
    assert len(calendar.walk("VTIMEZONE")) == 1
    assert response["ETag"]
    assert response["Last-Modified"] == http_date(full_event.updated_at.timestamp())


def test_feed_name_follows_the_language(client, full_event):
    calendar = parse(client.get(FEED + "?lang=en"))

    assert str(calendar["X-WR-CALNAME"]) == "Press Center: events"
    assert str(calendar.walk("VEVENT")[0]["SUMMARY"]) == "Ao Dai Festival press conference"


@pytest.mark.parametrize("role", ROLES)
def test_feed_holds_public_events_only_whoever_asks(client_for, role, organization):
    published = EventFactory(organization=organization)
    postponed = EventFactory(organization=organization, status=EventStatus.POSTPONED)
    cancelled = EventFactory(organization=organization, status=EventStatus.CANCELLED)
    EventFactory(organization=organization, status=EventStatus.DRAFT)

    events = vevents(parse(client_for(role).get(FEED)))

    assert set(events) == {uid(published), uid(postponed), uid(cancelled)}
    assert [str(events[uid(e)]["STATUS"]) for e in (published, postponed, cancelled)] == [
        "CONFIRMED",
        "TENTATIVE",
        "CANCELLED",
    ]


def test_feed_keeps_recent_past_events_and_drops_old_ones(client, organization):
    recent = EventFactory(
        organization=organization, starts_at=in_days(-30), ends_at=in_days(-30, 11)
    )
    EventFactory(organization=organization, starts_at=in_days(-200), ends_at=in_days(-200, 11))

    assert set(vevents(parse(client.get(FEED)))) == {uid(recent)}


def test_feed_filters_like_the_event_list(client, organization, other_organization, venue):
    forum = EventFactory(organization=organization, kind=EventKind.FORUM, starts_at=in_days(20))
    conference = EventFactory(
        organization=organization, kind=EventKind.PRESS_CONFERENCE, starts_at=in_days(8)
    )
    elsewhere = EventFactory(
        organization=other_organization, room=RoomFactory(venue=venue), starts_at=in_days(9)
    )
    old = EventFactory(
        organization=organization, starts_at=in_days(-300), ends_at=in_days(-300, 11)
    )

    def feed(query):
        return set(vevents(parse(client.get(FEED, query))))

    assert feed({"kind": "forum"}) == {uid(forum)}
    assert feed({"organization": other_organization.pk}) == {uid(elsewhere)}
    assert feed({"venue": venue.pk}) == {uid(elsewhere)}
    assert uid(forum) not in feed({"starts_before": in_days(15).isoformat()})
    assert feed({"starts_after": in_days(15).isoformat()}) == {uid(forum)}
    assert uid(old) in feed({"starts_after": in_days(-400).isoformat()})
    assert uid(conference) in feed({"starts_after": in_days(-400).isoformat()})


@pytest.mark.parametrize(
    ("query", "complaint"),
    [
        ({"knd": "forum"}, "knd"),
        ({"kind": "party"}, "kind"),
        ({"venue": "999999"}, "venue"),
        ({"starts_after": "tomorrow"}, "starts_after"),
        ({"lang": "fr"}, "fr"),
    ],
)
def test_feed_refuses_bad_filters_with_400(client, full_event, query, complaint):
    response = client.get(FEED, query)

    assert response.status_code == 400
    assert complaint in response.content.decode()


def test_feed_answers_304_to_a_client_that_holds_the_current_copy(client, full_event):
    first = client.get(FEED)

    by_etag = client.get(FEED, HTTP_IF_NONE_MATCH=first["ETag"])
    by_date = client.get(FEED, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert by_etag.status_code == by_date.status_code == 304
    assert by_etag.content == b""
    assert by_etag["ETag"] == first["ETag"]


def test_feed_answers_200_with_a_new_etag_after_a_change(client, full_event):
    first = client.get(FEED)
    event_update(event=full_event, starts_at=full_event.starts_at + timedelta(minutes=30))

    again = client.get(FEED, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert vevents(parse(again))[uid(full_event)]["SEQUENCE"] == 1


def test_feed_etag_differs_per_language(client, full_event):
    assert client.get(FEED)["ETag"] != client.get(FEED + "?lang=en")["ETag"]


def test_feed_query_count_does_not_grow_with_the_number_of_events(
    client, organization, django_assert_num_queries
):
    EventFactory.create_batch(2, organization=organization)
    with django_assert_num_queries(4):  # events, then their organizations, rooms and venues
        assert len(parse(client.get(FEED)).walk("VEVENT")) == 2
    EventFactory.create_batch(20, organization=OrganizationFactory())
    with django_assert_num_queries(4):
        assert len(parse(client.get(FEED)).walk("VEVENT")) == 22


def test_empty_feed_is_still_a_valid_calendar(client, db):
    calendar = parse(client.get(FEED))

    assert calendar.walk("VEVENT") == []
    assert str(calendar["X-WR-CALNAME"])


# --- personal feeds --------------------------------------------------------------------------


@pytest.fixture
def profile(journalist):
    return JournalistProfileFactory(user=journalist, preferred_language="vi")


def test_personal_feed_confirms_approved_and_marks_pending_tentative(client, profile, organization):
    approved, pending, waitlisted, rejected, cancelled, revoked = (
        AccreditationFactory(
            journalist=profile, event=EventFactory(organization=organization), status=s
        )
        for s in (
            AccreditationStatus.APPROVED,
            AccreditationStatus.PENDING,
            AccreditationStatus.WAITLISTED,
            AccreditationStatus.REJECTED,
            AccreditationStatus.CANCELLED,
            AccreditationStatus.REVOKED,
        )
    )

    response = client.get(personal_url(profile))

    calendar = parse(response)
    events = vevents(calendar)
    assert set(events) == {uid(approved.event), uid(pending.event), uid(waitlisted.event)}
    assert str(events[uid(approved.event)]["STATUS"]) == "CONFIRMED"
    assert str(events[uid(pending.event)]["STATUS"]) == "TENTATIVE"
    assert str(events[uid(waitlisted.event)]["STATUS"]) == "TENTATIVE"
    assert str(calendar["X-WR-CALNAME"]) == "Trung tâm Báo chí: lịch tác nghiệp của tôi"
    assert response["Cache-Control"] == "private, no-cache"


def test_personal_feed_never_shows_other_journalists_events(client, profile, organization):
    mine = AccreditationFactory(journalist=profile, status=AccreditationStatus.APPROVED)
    AccreditationFactory(status=AccreditationStatus.APPROVED)  # someone else's
    EventFactory(organization=organization)  # public, but not requested

    assert set(vevents(parse(client.get(personal_url(profile))))) == {uid(mine.event)}


def test_personal_feed_shows_a_cancelled_event_as_cancelled(client, profile):
    accreditation = AccreditationFactory(journalist=profile, status=AccreditationStatus.APPROVED)
    event_change_status(event=accreditation.event, status=EventStatus.CANCELLED, reason="Hoãn")

    vevent = vevents(parse(client.get(personal_url(profile))))[uid(accreditation.event)]
    assert str(vevent["STATUS"]) == "CANCELLED"


def test_personal_feed_leaves_out_draft_events(client, profile, organization):
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)
    AccreditationFactory(journalist=profile, event=draft, status=AccreditationStatus.APPROVED)

    assert vevents(parse(client.get(personal_url(profile)))) == {}


def test_approval_raises_the_sequence_in_the_personal_feed(client, profile):
    accreditation = AccreditationFactory(journalist=profile, status=AccreditationStatus.PENDING)
    before = vevents(parse(client.get(personal_url(profile))))[uid(accreditation.event)]

    accreditation.status = AccreditationStatus.APPROVED
    accreditation.save()
    after = vevents(parse(client.get(personal_url(profile))))[uid(accreditation.event)]

    assert (str(before["STATUS"]), str(after["STATUS"])) == ("TENTATIVE", "CONFIRMED")
    assert after["SEQUENCE"] == before["SEQUENCE"] + 1


def test_personal_feed_uses_the_journalists_language_unless_asked(client, profile, full_event):
    AccreditationFactory(journalist=profile, event=full_event, status=AccreditationStatus.APPROVED)
    profile.preferred_language = "en"
    profile.save()

    english = parse(client.get(personal_url(profile))).walk("VEVENT")[0]
    vietnamese = parse(client.get(personal_url(profile) + "?lang=vi")).walk("VEVENT")[0]

    assert str(english["SUMMARY"]) == "Ao Dai Festival press conference"
    assert str(vietnamese["SUMMARY"]) == "Họp báo Lễ hội Áo dài"


def test_wrong_token_answers_404(client, profile):
    assert (
        client.get(reverse("personal-calendar", kwargs={"token": "not-a-token"})).status_code == 404
    )


def test_resetting_the_token_kills_the_old_url(client, profile):
    AccreditationFactory(journalist=profile, status=AccreditationStatus.APPROVED)
    old_url = personal_url(profile)
    assert client.get(old_url).status_code == 200

    profile.calendar_token = "a-brand-new-secret-token"
    profile.save()

    assert client.get(old_url).status_code == 404
    assert len(parse(client.get(personal_url(profile))).walk("VEVENT")) == 1


def test_personal_feed_answers_304_until_a_request_leaves_it(client, profile):
    accreditation = AccreditationFactory(journalist=profile, status=AccreditationStatus.APPROVED)
    first = client.get(personal_url(profile))
    assert client.get(personal_url(profile), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    accreditation.status = AccreditationStatus.REVOKED
    accreditation.save()

    by_etag = client.get(personal_url(profile), HTTP_IF_NONE_MATCH=first["ETag"])
    by_date = client.get(
        personal_url(profile),
        HTTP_IF_MODIFIED_SINCE=http_date((timezone.now() - timedelta(seconds=2)).timestamp()),
    )
    assert by_etag.status_code == by_date.status_code == 200
    assert vevents(parse(by_etag)) == {}


def test_personal_feed_query_count_does_not_grow_with_accreditations(
    client, profile, django_assert_num_queries
):
    AccreditationFactory(journalist=profile, status=AccreditationStatus.APPROVED)
    with django_assert_num_queries(3):  # profile by token, accreditations with events, last change
        parse(client.get(personal_url(profile)))
    AccreditationFactory.create_batch(8, journalist=profile, status=AccreditationStatus.PENDING)
    with django_assert_num_queries(3):
        assert len(parse(client.get(personal_url(profile))).walk("VEVENT")) == 9


# --- links on the pages ----------------------------------------------------------------------


def test_event_page_offers_download_subscribe_and_google_links(client, full_event):
    html = client.get(full_event.get_absolute_url()).content.decode()

    assert f'href="/events/{full_event.slug}/calendar.ics"' in html
    assert f'href="webcal://baochi.example.vn/events/{full_event.slug}/calendar.ics"' in html
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in html
    start = full_event.starts_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"dates={start}%2F" in html
    assert "Thêm vào lịch" in html


def test_event_page_links_keep_the_chosen_language(client, full_event):
    html = client.get(full_event.get_absolute_url() + "?lang=en").content.decode()

    assert f"webcal://baochi.example.vn/events/{full_event.slug}/calendar.ics?lang=en" in html
    assert "Add to calendar" in html


def test_draft_page_offers_no_calendar_links(client, organizer, organization):
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)
    client.force_login(organizer)

    response = client.get(draft.get_absolute_url())

    assert response.status_code == 200
    assert "calendar.ics" not in response.content.decode()


def test_event_list_subscribe_link_carries_the_filters(client, full_event):
    html = client.get("/events/", {"kind": "forum", "starts_before": "2030-01-31"}).content.decode()

    feed_url = "webcal://baochi.example.vn/calendar.ics?kind=forum&amp;starts_before=2030-02-01T00%3A00%3A00%2B07%3A00"
    assert f'href="{feed_url}"' in html
    assert (
        "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fbaochi.example.vn" in html
    )


def test_event_list_feed_link_answers_with_the_same_events(client, organization):
    forum = EventFactory(organization=organization, kind=EventKind.FORUM)
    EventFactory(organization=organization, kind=EventKind.SEMINAR)
    html = client.get("/events/", {"kind": "forum"}).content.decode()
    download = html.split('class="button secondary" href="')[1].split('"')[0].replace("&amp;", "&")

    assert set(vevents(parse(client.get(download)))) == {uid(forum)}


def test_folding_keeps_lines_short_and_unfolds_to_the_same_text():
    rng = random.Random(5545)
    for attempt in range(2000):
        # Every other text has backslashes, which icalendar's own parser misreads before an "n".
        alphabet = 'ab ,;\n\u1ea9\u1ef9\u0110\U0001f600<>&"' + ("\\" if attempt % 2 else "")
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        line = "DESCRIPTION:" + ical._escape(text)

        folded = ical._fold(line)

        pieces = folded.split("\r\n")
        assert all(len(piece.encode()) <= 75 for piece in pieces)
        assert all(piece.startswith(" ") for piece in pieces[1:])
        assert folded.replace("\r\n ", "") == line
        if "\\" not in text:
            parsed = icalendar.Event.from_ical(f"BEGIN:VEVENT\r\n{folded}\r\nEND:VEVENT\r\n")
            assert str(parsed["DESCRIPTION"]) == text


@pytest.mark.parametrize("url", ["/calendar.ics", "/events/{slug}/calendar.ics"])
def test_calendars_answer_head_with_the_same_validators_and_refuse_writes(client, full_event, url):
    url = url.format(slug=full_event.slug)

    head, get = client.head(url), client.get(url)

    assert head.status_code == 200
    assert head.content == b""
    assert (head["ETag"], head["Content-Type"]) == (get["ETag"], get["Content-Type"])
    assert client.post(url).status_code == 405
    assert client.delete(url).status_code == 405
