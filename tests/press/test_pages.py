"""Press pages: releases on the event page, a release's page, the organizer's press desk."""

from datetime import timedelta

import pytest
from django.utils import timezone

from press.models import MediaContact, PressRelease, PressReleaseAttachment
from tests.factories import MediaContactFactory, PressReleaseFactory
from tests.press.support import Clock, fake_file, pdf_file


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(timezone, "now", clock)
    return clock


@pytest.fixture
def embargoed(event, clock):
    return PressReleaseFactory(
        event=event,
        title="Tin cấm đăng <b>sớm</b>",
        body="Bí mật **đến giờ**.\n<script>alert(1)</script>",
        embargo_until=clock.now + timedelta(hours=2),
    )


@pytest.mark.parametrize("role", ["anonymous", "journalist", "front_desk", "other_organizer"])
def test_the_event_page_hides_an_embargoed_release_from_the_public(
    role, event, embargoed, client_for
):
    PressReleaseFactory(event=event, title="Thông cáo công khai")
    html = client_for(role).get(event.get_absolute_url()).content.decode()
    assert "Thông cáo công khai" in html
    assert "Tin cấm đăng" not in html
    assert "CẤM CÔNG BỐ" not in html
    assert f"/events/{event.slug}/press-kit.pdf?lang=vi" in html


def test_the_event_page_lists_the_embargoed_release_labelled_for_an_approved_journalist(
    event, embargoed, journalist, approve, client_for
):
    approve(journalist, event)
    html = client_for("journalist").get(event.get_absolute_url()).content.decode()
    assert "Tin cấm đăng &lt;b&gt;sớm&lt;/b&gt;" in html
    assert embargoed.embargo_label("vi") in html
    assert "Quản lý tài liệu báo chí" not in html


def test_the_event_page_offers_organizers_the_press_desk(event, client_for):
    html = client_for("organizer").get(event.get_absolute_url()).content.decode()
    assert f"/events/{event.slug}/press/" in html


def test_the_event_page_runs_a_constant_number_of_queries_with_releases(
    event, client_for, django_assert_max_num_queries
):
    client = client_for("anonymous")
    PressReleaseFactory(event=event)
    MediaContactFactory(event=event)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as baseline:
        client.get(event.get_absolute_url())
    for _ in range(8):
        PressReleaseFactory(event=event)
        MediaContactFactory(event=event)
    with django_assert_max_num_queries(len(baseline)):
        client.get(event.get_absolute_url())


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 404),
        ("journalist", 404),
        ("front_desk", 404),
        ("other_organizer", 404),
        ("organizer", 200),
        ("superuser", 200),
    ],
)
def test_a_release_page_before_the_lift(role, expected, event, embargoed, client_for):
    response = client_for(role).get(embargoed.get_absolute_url())
    assert response.status_code == expected
    if expected == 200:
        html = response.content.decode()
        assert embargoed.embargo_label("vi") in html
        assert "Bí mật <strong>đến giờ</strong>.<br>&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_release_page_after_the_lift_is_public_without_the_label(embargoed, clock, client):
    clock.advance(hours=2)
    response = client.get(embargoed.get_absolute_url())
    assert response.status_code == 200
    assert embargoed.embargo_label("vi") not in response.content.decode()


# --- the organizer's press desk -------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),
        ("journalist", 403),
        ("front_desk", 403),
        ("other_organizer", 403),
        ("organizer", 200),
        ("superuser", 200),
    ],
)
def test_only_the_events_organizers_open_the_press_desk(role, expected, event, client_for):
    client = client_for(role)
    assert client.get(f"/events/{event.slug}/press/").status_code == expected
    assert client.get(f"/events/{event.slug}/press/new/").status_code == expected


def test_the_desk_lists_embargoed_releases_with_their_label(event, embargoed, client_for):
    html = client_for("organizer").get(f"/events/{event.slug}/press/").content.decode()
    assert embargoed.embargo_label("vi") in html


def test_writing_a_release_with_an_attachment(event, organizer, client_for, clock):
    lift = timezone.localtime(clock.now + timedelta(days=1))
    response = client_for("organizer").post(
        f"/events/{event.slug}/press/new/",
        {
            "title": "Thông cáo mới",
            "language": "vi",
            "audience": "accredited",
            "embargo_until": lift.strftime("%Y-%m-%dT%H:%M"),
            "body": "Nội dung.",
            "attachments": [pdf_file()],
        },
    )
    assert response.status_code == 302
    release = PressRelease.objects.get()
    assert release.title == "Thông cáo mới"
    assert release.created_by == organizer
    assert release.embargo_until == lift.replace(second=0)
    assert release.attachments.get().kind == "pdf"


def test_a_refused_form_shows_errors_next_to_fields_and_keeps_what_was_typed(event, client_for):
    response = client_for("organizer").post(
        f"/events/{event.slug}/press/new/",
        {
            "title": "Tiêu đề đã gõ",
            "language": "vi",
            "audience": "public",
            "body": "Nội dung đã gõ.",
            "attachments": [fake_file()],
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Tiêu đề đã gõ"' in html
    assert "Nội dung đã gõ." in html
    assert "errorlist" in html
    assert not PressRelease.objects.exists()
    assert not PressReleaseAttachment.objects.exists()


def test_editing_a_release_changes_it_and_removes_a_chosen_attachment(event, embargoed, client_for):
    client = client_for("organizer")
    client.post(
        f"/events/{event.slug}/press/{embargoed.pk}/edit/",
        {
            "title": embargoed.title,
            "language": "vi",
            "audience": "public",
            "body": "x",
            "attachments": [pdf_file()],
        },
    )
    attachment = embargoed.attachments.get()
    response = client.post(
        f"/events/{event.slug}/press/{embargoed.pk}/edit/",
        {
            "title": "Đã sửa",
            "language": "en",
            "audience": "public",
            "body": "Changed.",
            "remove_attachments": [attachment.pk],
        },
    )
    assert response.status_code == 302
    embargoed.refresh_from_db()
    assert (embargoed.title, embargoed.language, embargoed.embargo_until) == ("Đã sửa", "en", None)
    assert not embargoed.attachments.exists()


@pytest.mark.parametrize(("role", "expected"), [("journalist", 403), ("organizer", 302)])
def test_only_organizers_delete_a_release_from_the_desk(
    role, expected, event, embargoed, client_for, assert_unchanged
):
    with assert_unchanged(embargoed, unless=expected == 302):
        response = client_for(role).post(f"/events/{event.slug}/press/{embargoed.pk}/delete/")
    assert response.status_code == expected
    assert PressRelease.objects.exists() == (expected != 302)


def test_adding_and_removing_a_media_contact(event, client_for):
    client = client_for("organizer")
    response = client.post(
        f"/events/{event.slug}/press/",
        {
            "contact-name": "Vũ Minh Châu",
            "contact-role": "Thư ký báo chí",
            "contact-phone": "0901",
            "contact-position": 0,
        },
    )
    assert response.status_code == 302
    contact = MediaContact.objects.get()
    assert (contact.name, contact.event) == ("Vũ Minh Châu", event)
    assert "Vũ Minh Châu" in client.get(event.get_absolute_url()).content.decode()
    client.post(f"/events/{event.slug}/press/contacts/{contact.pk}/delete/")
    assert not MediaContact.objects.exists()


def test_a_contact_without_phone_or_email_is_refused_next_to_the_field(event, client_for):
    response = client_for("organizer").post(
        f"/events/{event.slug}/press/", {"contact-name": "Không có số", "contact-position": 0}
    )
    assert response.status_code == 400
    assert 'value="Không có số"' in response.content.decode()
    assert not MediaContact.objects.exists()


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 404), ("journalist", 404), ("other_organizer", 404), ("organizer", 200)],
)
def test_the_attachment_page_link_checks_who_asks(role, expected, event, embargoed, client_for):
    client_for("organizer").post(
        f"/events/{event.slug}/press/{embargoed.pk}/edit/",
        {
            "title": "t",
            "language": "vi",
            "audience": "public",
            "body": "x",
            "embargo_until": timezone.localtime(embargoed.embargo_until).strftime("%Y-%m-%dT%H:%M"),
            "attachments": [pdf_file()],
        },
    )
    attachment = embargoed.attachments.get()
    response = client_for(role).get(attachment.get_absolute_url())
    assert response.status_code == expected
