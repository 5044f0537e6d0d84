"""Header links per role, the two-click request, the .ics on approval, cancel e-mails."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accreditation import services
from accreditation.models import Accreditation, AccreditationStatus
from tests.conftest import ROLES
from tests.factories import AccreditationFactory, JournalistProfileFactory

pytestmark = pytest.mark.django_db

# Which header links each role sees on the home page.
HEADER = {
    "anonymous": set(),
    "journalist": {"portal"},
    "front_desk": {"desk"},
    "organizer": {"manage"},
    "other_organizer": {"manage"},
    "superuser": {"manage"},
}


def _header(content: str) -> str:
    return re.search(r'<nav class="main-nav".*?</nav>', content, re.S).group(0)


@pytest.mark.parametrize("role", ROLES)
def test_header_links_match_the_role(role, client_for, journalist_profile):
    header = _header(client_for(role).get("/?lang=en").content.decode())

    seen = set()
    if 'href="/me/accreditations/"' in header and 'href="/me/"' in header:
        seen.add("portal")
    if 'href="/manage/desk/"' in header:
        seen.add("desk")
    if 'href="/manage/"' in header:
        seen.add("manage")
    assert seen == HEADER[role]


def test_an_organizer_with_a_journalist_profile_also_gets_the_portal_links(client_for, organizer):
    JournalistProfileFactory(user=organizer)

    header = _header(client_for("organizer").get("/").content.decode())

    assert 'href="/manage/"' in header
    assert 'href="/me/accreditations/"' in header


def test_requesting_accreditation_takes_two_clicks_from_the_event_list(
    client_for, event, journalist_profile
):
    client = client_for("journalist")
    listing = client.get(reverse("event-list")).content.decode()
    assert event.get_absolute_url() in listing  # click 1: the event
    page = client.get(event.get_absolute_url()).content.decode()
    action = reverse("accreditation-request", args=[event.slug])
    assert f'action="{action}"' in page
    selected = re.search(r'<option value="(\w+)" selected>', page)
    assert selected.group(1) == journalist_profile.role  # category already chosen

    client.post(action, {"category": selected.group(1)})  # click 2: the button

    accreditation = Accreditation.objects.get(event=event, journalist=journalist_profile)
    assert accreditation.status == AccreditationStatus.PENDING


@pytest.mark.parametrize(("language", "summary_field"), [("vi", "title"), ("en", "title_en")])
def test_approval_email_carries_the_events_ics_in_the_journalists_language(
    event, organizer, django_capture_on_commit_callbacks, language, summary_field
):
    event.title_en = "Ao Dai Festival press conference"
    event.save()
    accreditation = AccreditationFactory(
        event=event, journalist=JournalistProfileFactory(preferred_language=language)
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.accreditation_approve(accreditation=accreditation, by=organizer)

    [message] = mail.outbox
    parts = [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]
    [ics] = parts
    assert ics.get_param("method") == "PUBLISH"
    assert ics.get_content_charset() == "utf-8"
    assert ics.get_filename() == f"{event.slug}.ics"
    text = ics.get_payload(decode=True).decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR")
    assert f"UID:event-{event.pk}@" in text  # the same UID as the public feed
    unfolded = text.replace("\r\n ", "")
    assert getattr(event, summary_field) in unfolded
    assert "DTSTART;TZID=Asia/Ho_Chi_Minh:" in unfolded


def test_other_accreditation_emails_carry_no_calendar(
    event, organizer, django_capture_on_commit_callbacks
):
    accreditation = AccreditationFactory(event=event)
    with django_capture_on_commit_callbacks(execute=True):
        services.accreditation_waitlist(accreditation=accreditation, by=organizer)

    [message] = mail.outbox
    assert not [p for p in message.message().walk() if p.get_content_type() == "text/calendar"]


@pytest.mark.parametrize(
    ("action", "subject"), [("cancel", "Event cancelled"), ("postpone", "Event postponed")]
)
def test_cancelling_from_the_console_emails_everyone_expecting_to_attend(
    client_for, event, django_capture_on_commit_callbacks, action, subject
):
    approved = AccreditationFactory(
        event=event,
        status=AccreditationStatus.APPROVED,
        journalist__preferred_language="en",
        journalist__email="mai@example.org",
    )
    AccreditationFactory(
        event=event,
        status=AccreditationStatus.PENDING,
        journalist__preferred_language="vi",
        journalist__email="lam@example.org",
    )
    AccreditationFactory(
        event=event, status=AccreditationStatus.REJECTED, journalist__email="no@example.org"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("organizer").post(
            reverse("manage-event-status", args=[event.slug, action]),
            {"reason": "Bão số 3 đổ bộ vào Hà Nội"},
        )

    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["lam@example.org", "mai@example.org"]
    english = next(m for m in mail.outbox if m.to == [approved.journalist.email])
    assert english.subject.startswith(subject)
    assert "Bão số 3 đổ bộ vào Hà Nội" in english.body


def test_cancel_form_without_a_reason_sends_nothing(
    client_for, event, django_capture_on_commit_callbacks
):
    AccreditationFactory(event=event, status=AccreditationStatus.APPROVED)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("organizer").post(
            reverse("manage-event-status", args=[event.slug, "cancel"]), {"reason": ""}
        )

    assert response.status_code == 400
    assert mail.outbox == []
    event.refresh_from_db()
    assert event.status == "published"
