"""HTML pages: sign-up and verification, password reset, portal, review page, private files."""

import json
import re

import pytest
from django.core import mail
from django.test import Client

from accreditation import services
from accreditation.models import (
    Accreditation,
    AccreditationLog,
    AccreditationStatus,
    Badge,
    JournalistProfile,
)
from tests.factories import AccreditationFactory, JournalistProfileFactory, OutletQuotaFactory
from tests.images import PDF, jpeg_bytes, upload

S = AccreditationStatus
pytestmark = pytest.mark.django_db


@pytest.fixture
def client_for(client_for, journalist_profile, other_journalist):
    """Pages in English unless a test says otherwise; the journalist has a profile, and so does
    a second journalist."""

    def make(role: str, language: str = "en") -> Client:
        return client_for(role, language=language)

    return make


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(func, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return func(*args, **kwargs)

    return run


# ---------------------------------------------------------------- sign-up and verification


SIGN_UP = {
    "full_name": "Nguyễn Thị Mai Hương",
    "email": "Huong@Tuoitre.example",
    "password1": "a-long-Passphrase-93",
    "password2": "a-long-Passphrase-93",
    "preferred_language": "vi",
    "consent": "on",
}


@pytest.mark.parametrize(
    ("language", "subject", "phrase"),
    [
        ("vi", "Xác nhận địa chỉ e-mail của bạn", "Vui lòng xác nhận địa chỉ e-mail"),
        ("en", "Confirm your e-mail address", "Please confirm your e-mail address"),
    ],
)
def test_sign_up_then_verify_email_by_the_link(db, run_on_commit, language, subject, phrase):
    client = Client()
    response = run_on_commit(
        client.post, "/accounts/signup/", {**SIGN_UP, "preferred_language": language}
    )
    assert response.status_code == 302
    profile = JournalistProfile.objects.get(email="huong@tuoitre.example")
    assert profile.full_name == "Nguyễn Thị Mai Hương"
    assert profile.consent_at is not None
    assert profile.email_verified_at is None
    [message] = mail.outbox
    assert message.subject == subject
    assert phrase in message.body
    link = re.search(r"http://\S+/accounts/verify/\S+/", message.body).group(0)

    client.get(link.split("8000", 1)[1] if "8000" in link else link)

    profile.refresh_from_db()
    assert profile.email_verified_at is not None


def test_sign_up_errors_are_shown_next_to_fields_and_input_kept(db):
    response = Client().post(
        "/accounts/signup/?lang=en",
        {**SIGN_UP, "password2": "different", "consent": ""},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "password2" in form.errors
    assert "consent" in form.errors
    assert "Nguyễn Thị Mai Hương" in response.content.decode()
    assert not JournalistProfile.objects.exists()


def test_sign_up_refuses_an_address_already_used(db, journalist_profile):
    response = Client().post("/accounts/signup/", {**SIGN_UP, "email": journalist_profile.email})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors


def test_forged_or_stale_verification_link_confirms_nothing(journalist_profile):
    journalist_profile.email_verified_at = None
    journalist_profile.save()
    token = services.make_verification_token(journalist_profile)
    Client().get(f"/accounts/verify/{token}x/")
    journalist_profile.refresh_from_db()
    assert journalist_profile.email_verified_at is None
    services.journalist_update(profile=journalist_profile, email="changed@example.org")
    Client().get(f"/accounts/verify/{token}/")  # issued for the old address
    journalist_profile.refresh_from_db()
    assert journalist_profile.email_verified_at is None


@pytest.mark.parametrize(
    ("language", "subject", "phrase"),
    [
        ("vi", "Đặt lại mật khẩu Trung tâm Báo chí", "Chọn mật khẩu mới tại đây"),
        ("en", "Reset your Press Center password", "Choose a new password here"),
    ],
)
def test_password_reset_mail_in_the_visitors_language(
    journalist_profile, language, subject, phrase
):
    client = Client()
    client.cookies["django_language"] = language
    page = client.get("/accounts/password_reset/")
    assert page.status_code == 200
    response = client.post("/accounts/password_reset/", {"email": journalist_profile.user.email})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.subject == subject
    assert phrase in message.body
    assert "/accounts/reset/" in message.body


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(
    "url",
    [
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password_reset/",
        "/accounts/password_reset/done/",
    ],
)
def test_account_pages_render_in_both_languages(db, url, language):
    client = Client()
    client.cookies["django_language"] = language
    response = client.get(url)
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()


# ---------------------------------------------------------------- portal


def test_portal_requires_login(db):
    for url in ["/me/", "/me/accreditations/", "/me/data.json", "/me/delete/"]:
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_profile_page_shows_photo_preview_and_press_card_warning(client_for, journalist_profile):
    journalist_profile.press_card_expiry = None
    journalist_profile.save()
    services.journalist_update(profile=journalist_profile, photo=upload("me.jpg", jpeg_bytes()))
    response = client_for("journalist").get("/me/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'src="/accreditation/photos/{journalist_profile.pk}/"' in html
    assert "Press card expiry date missing." in html
    assert journalist_profile.calendar_token in html


def test_profile_form_saves_corrections_and_photo(client_for, journalist_profile):
    data = {
        "full_name": "Lê Văn Tám",
        "email": journalist_profile.email,
        "phone": "0900000000",
        "nationality": "vn",
        "outlet": journalist_profile.outlet_id,
        "role": "photographer",
        "press_card_number": "654321",
        "press_card_expiry": "2031-05-01",
        "foreign_permit_number": "",
        "preferred_language": "en",
        "photo_upload": upload("me.png", jpeg_bytes()),
    }
    response = client_for("journalist").post("/me/", data)
    assert response.status_code == 302
    journalist_profile.refresh_from_db()
    assert (journalist_profile.full_name, journalist_profile.nationality) == ("Lê Văn Tám", "VN")
    assert journalist_profile.photo.name.startswith("private/photos/")


def test_profile_form_with_bad_photo_keeps_typed_input_and_saves_nothing(
    client_for, journalist_profile
):
    data = {
        "full_name": "Lê Văn Tám",
        "email": journalist_profile.email,
        "nationality": "VN",
        "role": "writer",
        "preferred_language": "en",
        "photo_upload": upload("me.jpg", b"GIF89a not really"),
    }
    response = client_for("journalist").post("/me/", data)
    assert response.status_code == 200
    assert "photo_upload" in response.context["form"].errors or response.context["form"].errors
    assert "Lê Văn Tám" in response.content.decode()
    journalist_profile.refresh_from_db()
    assert journalist_profile.full_name != "Lê Văn Tám"


def test_new_outlet_proposed_from_the_profile_form(client_for, journalist_profile):
    data = {
        "full_name": journalist_profile.full_name,
        "email": journalist_profile.email,
        "nationality": "VN",
        "role": "writer",
        "preferred_language": "vi",
        "outlet": "",
        "new_outlet_name": "Báo Lao Động",
    }
    client_for("journalist").post("/me/", data)
    journalist_profile.refresh_from_db()
    assert journalist_profile.outlet.name == "Báo Lao Động"
    assert journalist_profile.outlet.verified is False


def test_calendar_token_button_changes_the_token(client_for, journalist_profile):
    old = journalist_profile.calendar_token
    client_for("journalist").post("/me/calendar-token/")
    journalist_profile.refresh_from_db()
    assert journalist_profile.calendar_token != old


def test_my_accreditations_lists_own_requests_with_reason(client_for, event, journalist_profile):
    AccreditationFactory(
        event=event, journalist=journalist_profile, status=S.REJECTED, status_reason="Hết chỗ"
    )
    AccreditationFactory(event=event)  # someone else's
    response = client_for("journalist").get("/me/accreditations/")
    assert len(response.context["accreditations"]) == 1
    assert "Hết chỗ" in response.content.decode()


def test_data_download_and_deletion(client_for, journalist_profile, event):
    AccreditationFactory(event=event, journalist=journalist_profile)
    client = client_for("journalist")
    download = client.get("/me/data.json")
    assert download["Content-Disposition"].startswith("attachment")
    data = json.loads(download.content)
    assert data["profile"]["email"] == journalist_profile.email
    assert len(data["accreditations"]) == 1

    client.post("/me/delete/", {"confirm": "yes"})
    assert not JournalistProfile.objects.filter(pk=journalist_profile.pk).exists()
    assert not type(journalist_profile.user).objects.filter(pk=journalist_profile.user_id).exists()


# ---------------------------------------------------------------- event page request box


def test_event_page_offers_login_to_anonymous_and_the_form_to_a_journalist(
    client_for, event, journalist_profile
):
    anonymous = client_for("anonymous").get(event.get_absolute_url()).content.decode()
    assert "/accounts/signup/" in anonymous
    mine = client_for("journalist").get(event.get_absolute_url()).content.decode()
    assert f'action="/events/{event.slug}/accreditation/"' in mine


def test_requesting_from_the_event_page_with_a_letter(client_for, event, journalist_profile):
    response = client_for("journalist").post(
        f"/events/{event.slug}/accreditation/",
        {"category": "photographer", "note": "", "assignment_letter": upload("l.pdf", PDF)},
    )
    assert response.status_code == 302
    accreditation = Accreditation.objects.get(journalist=journalist_profile)
    assert accreditation.category == "photographer"
    assert accreditation.assignment_letter
    page = client_for("journalist").get(event.get_absolute_url()).content.decode()
    assert "Cancel my request" in page


def test_unverified_journalist_is_told_to_confirm_first(client_for, event, journalist_profile):
    journalist_profile.email_verified_at = None
    journalist_profile.save()
    page = client_for("journalist").get(event.get_absolute_url()).content.decode()
    assert "Confirm your e-mail address first" in page
    client_for("journalist").post(f"/events/{event.slug}/accreditation/", {"category": "writer"})
    assert not Accreditation.objects.exists()


# ---------------------------------------------------------------- private files


@pytest.fixture
def photographed(event, journalist_profile):
    services.journalist_update(profile=journalist_profile, photo=upload("me.jpg", jpeg_bytes()))
    journalist_profile.refresh_from_db()
    return AccreditationFactory(event=event, journalist=journalist_profile, status=S.APPROVED)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),
        ("journalist", 200),
        ("other_journalist", 404),
        ("front_desk", 200),  # compares the face at the desk of an event they work
        ("organizer", 200),
        ("other_organizer", 404),
        ("superuser", 200),
    ],
)
def test_photo_is_served_only_to_permitted_roles(client_for, photographed, role, expected):
    from accreditation.selectors import photo_url

    url = photo_url(photographed.journalist)
    response = client_for(role).get(url)
    assert response.status_code == expected
    if expected == 200:
        assert response["Content-Type"] == "image/jpeg"
        assert response["Cache-Control"] == "private, no-store"
        assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"


def test_front_desk_cannot_see_the_photo_of_a_merely_pending_journalist(client_for, photographed):
    Accreditation.objects.filter(pk=photographed.pk).update(status=S.PENDING)
    url = f"/accreditation/photos/{photographed.journalist_id}/"
    assert client_for("front_desk").get(url).status_code == 404
    assert client_for("organizer").get(url).status_code == 200


def test_photos_are_not_under_a_public_url(photographed, client):
    name = photographed.journalist.photo.name
    assert client.get(f"/media/{name}").status_code == 404
    assert client.get("/media/private/photos/").status_code == 404


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),
        ("journalist", 200),
        ("other_journalist", 404),
        ("front_desk", 404),
        ("organizer", 200),
        ("other_organizer", 404),
        ("superuser", 200),
    ],
)
def test_assignment_letter_is_served_only_to_its_journalist_and_organizers(
    client_for, event, journalist_profile, role, expected
):
    accreditation = services.accreditation_request(
        journalist=journalist_profile,
        event=event,
        assignment_letter=upload("l.pdf", PDF),
        by=journalist_profile.user,
    )
    response = client_for(role).get(f"/accreditation/letters/{accreditation.pk}/")
    assert response.status_code == expected
    if expected == 200:
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Disposition"].startswith("attachment")


# ---------------------------------------------------------------- review page


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),
        ("journalist", 404),
        ("other_journalist", 404),
        ("front_desk", 404),
        ("organizer", 200),
        ("other_organizer", 404),
        ("superuser", 200),
    ],
)
def test_review_page_is_for_the_events_organizers(client_for, event, role, expected):
    AccreditationFactory(event=event)
    response = client_for(role).get(f"/manage/events/{event.slug}/accreditations/")
    assert response.status_code == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [("journalist", 404), ("front_desk", 404), ("other_organizer", 404), ("organizer", 302)],
)
def test_review_actions_are_for_the_events_organizers(
    client_for, assert_unchanged, event, role, expected
):
    pending = AccreditationFactory(event=event)
    with assert_unchanged(pending, AccreditationLog, Badge, unless=expected == 302):
        response = client_for(role).post(
            f"/manage/events/{event.slug}/accreditations/{pending.pk}/approve/"
        )
    assert response.status_code == expected
    pending.refresh_from_db()
    assert pending.status == (S.APPROVED if expected == 302 else S.PENDING)


def test_review_page_shows_counters_warnings_and_audit_trail(client_for, event, organizer):
    outlet_quota = OutletQuotaFactory(event=event, category="writer", limit=1)
    approved = AccreditationFactory(event=event)
    services.accreditation_approve(accreditation=approved, by=organizer)
    expiring = JournalistProfileFactory(
        press_card_expiry=event.starts_at.date() - __import__("datetime").timedelta(days=1)
    )
    AccreditationFactory(event=event, journalist=expiring)
    JournalistProfileFactory(full_name=expiring.full_name.upper(), outlet=expiring.outlet)

    response = client_for("organizer").get(f"/manage/events/{event.slug}/accreditations/")
    html = response.content.decode()
    counters = response.context["counters"]
    assert (counters.approved, counters.capacity) == (1, event.press_capacity)
    assert [(u.outlet, u.used, u.limit) for u in counters.quota_usage] == [
        (approved.journalist.outlet.name, 1, outlet_quota.limit)
    ]
    assert "Press card expires on" in html
    assert "No photo." in html
    assert "Another profile has the same name and outlet." in html
    assert organizer.username in html  # the audit trail names who decided


def test_review_page_filters(client_for, event):
    AccreditationFactory(event=event, status=S.APPROVED)
    AccreditationFactory(event=event, category="video")
    client = client_for("organizer")
    url = f"/manage/events/{event.slug}/accreditations/"
    assert len(client.get(url, {"status": "approved"}).context["rows"]) == 1
    assert len(client.get(url, {"category": "video"}).context["rows"]) == 1
    assert client.get(url, {"nonsense": "1"}).status_code == 400


def test_review_page_query_count_is_constant(
    client_for, event, django_assert_num_queries, django_assert_max_num_queries
):
    client = client_for("organizer")
    url = f"/manage/events/{event.slug}/accreditations/"
    AccreditationFactory.create_batch(2, event=event)
    client.get(url)
    with django_assert_max_num_queries(50) as small:
        client.get(url)
    AccreditationFactory.create_batch(10, event=event)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url)


def test_bulk_from_the_review_page_reports_refusals(client_for, organization):
    from tests.factories import EventFactory

    event = EventFactory(organization=organization, press_capacity=1)
    first, second = AccreditationFactory.create_batch(2, event=event)
    response = client_for("organizer").post(
        f"/manage/events/{event.slug}/accreditations/bulk/",
        {"action": "approve", "ids": [first.pk, second.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "1 of 2 done." in html
    assert f"{second.journalist.full_name}: All 1 press seats are taken." in html


def test_quotas_are_set_from_the_review_page(client_for, event):
    client_for("organizer").post(
        f"/manage/events/{event.slug}/accreditations/quotas/", {"writer": "2", "photographer": "1"}
    )
    assert dict(event.outlet_quotas.values_list("category", "limit")) == {
        "writer": 2,
        "photographer": 1,
    }


def test_profile_warns_when_the_press_card_expires_before_an_event_asked_for(
    client_for, event, journalist_profile
):
    journalist_profile.press_card_expiry = event.starts_at.date() - __import__(
        "datetime"
    ).timedelta(days=1)
    journalist_profile.save()
    assert "Press card expires on" not in client_for("journalist").get("/me/").content.decode()
    AccreditationFactory(event=event, journalist=journalist_profile)
    assert "Press card expires on" in client_for("journalist").get("/me/").content.decode()
