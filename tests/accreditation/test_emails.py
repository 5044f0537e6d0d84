"""E-mails to journalists: after commit, in the background, in the journalist's language."""

import threading

import pytest
from django.core import mail
from django_tasks import task

from accreditation import notifications, services
from accreditation.models import AccreditationStatus
from common.dates import ICT
from common.tasks import ThreadPoolBackend
from events.services import event_change_status
from tests.factories import AccreditationFactory, JournalistProfileFactory

S = AccreditationStatus
pytestmark = pytest.mark.django_db


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run the after-commit callbacks (the test's own transaction never commits)."""

    def run(func, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return func(**kwargs)

    return run


def profile_in(language, **kwargs):
    return JournalistProfileFactory(
        preferred_language=language, full_name="Nguyễn Thị Mai Hương", **kwargs
    )


def test_nothing_is_sent_before_the_transaction_commits(
    event, organizer, django_capture_on_commit_callbacks
):
    accreditation = AccreditationFactory(event=event, journalist=profile_in("en"))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.accreditation_approve(accreditation=accreditation, by=organizer)
    assert mail.outbox == []
    assert len(callbacks) == 1


def test_rolled_back_decision_sends_nothing(event, organizer, django_capture_on_commit_callbacks):
    accreditation = AccreditationFactory(
        event=event, status=S.REJECTED, journalist=profile_in("en")
    )
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(services.AccreditationError):
            services.accreditation_approve(accreditation=accreditation, by=organizer)
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("language", "subject", "phrases"),
    [
        ("en", "Accreditation request received", ["Dear Nguyễn Thị Mai Hương", "We have received"]),
        (
            "vi",
            "Đã nhận yêu cầu cấp thẻ tác nghiệp",
            ["Kính gửi Nguyễn Thị Mai Hương", "Chúng tôi đã nhận"],
        ),
    ],
)
def test_request_received_email(event, run_on_commit, language, subject, phrases):
    profile = profile_in(language)
    run_on_commit(services.accreditation_request, journalist=profile, event=event, by=profile.user)
    [message] = mail.outbox
    assert message.to == [profile.email]
    assert message.subject.startswith(subject)
    assert event.tr("title", language) in message.subject
    for phrase in phrases:
        assert phrase in message.body


@pytest.mark.parametrize(
    ("language", "subject", "phrases"),
    [
        (
            "en",
            "Accreditation approved",
            ["is approved", "Your badge: http://", "/me/accreditations/#accreditation-"],
        ),
        ("vi", "Đã duyệt thẻ tác nghiệp", ["đã được duyệt", "Thẻ của bạn: http://"]),
    ],
)
def test_approved_email_carries_the_badge_link(
    event, organizer, run_on_commit, language, subject, phrases
):
    accreditation = AccreditationFactory(event=event, journalist=profile_in(language))
    run_on_commit(services.accreditation_approve, accreditation=accreditation, by=organizer)
    [message] = mail.outbox
    assert message.subject.startswith(subject)
    for phrase in phrases:
        assert phrase in message.body
    local_start = event.starts_at.astimezone(ICT)
    assert local_start.strftime("%d/%m/%Y %H:%M") in message.body


@pytest.mark.parametrize(
    ("language", "subject", "phrase"),
    [
        ("en", "You are on the waiting list", "waiting list"),
        ("vi", "Bạn đang trong danh sách chờ", "danh sách chờ"),
    ],
)
def test_waitlisted_email(event, organizer, run_on_commit, language, subject, phrase):
    accreditation = AccreditationFactory(event=event, journalist=profile_in(language))
    run_on_commit(services.accreditation_waitlist, accreditation=accreditation, by=organizer)
    [message] = mail.outbox
    assert message.subject.startswith(subject)
    assert phrase in message.body


@pytest.mark.parametrize(
    ("language", "action", "subject", "phrases"),
    [
        (
            "en",
            "reject",
            "Accreditation not approved",
            ["was not approved", "Reason: Hết chỗ & <đủ>"],
        ),
        (
            "vi",
            "reject",
            "Không duyệt thẻ tác nghiệp",
            ["không được duyệt", "Lý do: Hết chỗ & <đủ>"],
        ),
        ("en", "revoke", "Accreditation revoked", ["has been revoked", "Reason: Hết chỗ & <đủ>"]),
        ("vi", "revoke", "Thu hồi thẻ tác nghiệp", ["đã bị thu hồi", "Lý do: Hết chỗ & <đủ>"]),
    ],
)
def test_rejected_and_revoked_emails_carry_the_reason_unescaped(
    event, organizer, run_on_commit, language, action, subject, phrases
):
    start = S.APPROVED if action == "revoke" else S.PENDING
    accreditation = AccreditationFactory(event=event, status=start, journalist=profile_in(language))
    run_on_commit(
        getattr(services, f"accreditation_{action}"),
        accreditation=accreditation,
        by=organizer,
        reason="Hết chỗ & <đủ>",
    )
    [message] = mail.outbox
    assert message.subject.startswith(subject)
    for phrase in phrases:
        assert phrase in message.body


def test_cancelling_sends_no_email(event, run_on_commit, journalist_profile):
    accreditation = AccreditationFactory(event=event, journalist=journalist_profile)
    run_on_commit(
        services.accreditation_cancel, accreditation=accreditation, by=journalist_profile.user
    )
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("status", "subjects", "phrases"),
    [
        (
            "postponed",
            {"en": "Event postponed", "vi": "Sự kiện hoãn"},
            {"en": "has been postponed", "vi": "đã được hoãn"},
        ),
        (
            "cancelled",
            {"en": "Event cancelled", "vi": "Sự kiện bị hủy"},
            {"en": "has been cancelled", "vi": "đã bị hủy"},
        ),
    ],
)
def test_event_postponed_or_cancelled_reaches_everyone_expecting_to_attend(
    event, run_on_commit, status, subjects, phrases
):
    english = AccreditationFactory(event=event, status=S.APPROVED, journalist=profile_in("en"))
    vietnamese = AccreditationFactory(event=event, status=S.WAITLISTED, journalist=profile_in("vi"))
    AccreditationFactory(event=event, status=S.REJECTED, journalist=profile_in("en"))
    AccreditationFactory(event=event, status=S.CANCELLED, journalist=profile_in("en"))

    run_on_commit(event_change_status, event=event, status=status, reason="Bão số 3")

    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {english.journalist.email, vietnamese.journalist.email}
    for accreditation, language in ((english, "en"), (vietnamese, "vi")):
        message = by_address[accreditation.journalist.email]
        assert message.subject.startswith(subjects[language])
        assert phrases[language] in message.body
        assert "Bão số 3" in message.body


def test_approval_email_attachments_come_from_the_single_hook(
    event, organizer, run_on_commit, monkeypatch
):
    monkeypatch.setattr(
        notifications,
        "email_attachments",
        lambda accreditation, kind: [("event.ics", b"BEGIN:VCALENDAR", "text/calendar")],
    )
    accreditation = AccreditationFactory(event=event, journalist=profile_in("en"))
    run_on_commit(services.accreditation_approve, accreditation=accreditation, by=organizer)
    [message] = mail.outbox
    [(filename, content, mimetype)] = message.attachments
    assert (filename, content, mimetype) == ("event.ics", "BEGIN:VCALENDAR", "text/calendar")


RELEASE, FINISHED = threading.Event(), threading.Event()


@task()
def blocked_task() -> None:
    """Stands in for a slow mail server: waits until the test lets it go."""
    RELEASE.wait(5)
    FINISHED.set()


def test_thread_pool_backend_returns_before_the_task_finishes():
    """The default backend hands the work to a thread: enqueue never waits for a mail server."""
    backend = ThreadPoolBackend("threads", {"OPTIONS": {"max_workers": 1}})
    RELEASE.clear()
    FINISHED.clear()

    result = backend.enqueue(blocked_task, (), {})

    assert not FINISHED.is_set()  # enqueue came back while the task is still blocked
    RELEASE.set()
    backend.executor.shutdown(wait=True)
    assert FINISHED.is_set()
    assert result.status == "SUCCESSFUL"
