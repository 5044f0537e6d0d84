"""E-mails to journalists, in each journalist's own language.

Services call `notify_*`: the mail is queued only once the transaction commits (a rolled-back
decision sends nothing), and it is sent by a background task (see TASKS in settings), so no
request ever waits on the mail server. Rendering is kept apart from sending so tests and the
later .ics attachment can reach it.
"""

import logging
from email import encoders
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.message import SafeMIMEText
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from accreditation.models import Accreditation, JournalistProfile
from common.mail import send_prepared_email
from events.ical import single_event_calendar

logger = logging.getLogger(__name__)

SUBJECTS = {
    "received": _("Accreditation request received: %(event)s"),
    "approved": _("Accreditation approved: %(event)s"),
    "waitlisted": _("You are on the waiting list: %(event)s"),
    "rejected": _("Accreditation not approved: %(event)s"),
    "revoked": _("Accreditation revoked: %(event)s"),
    "event_postponed": _("Event postponed: %(event)s"),
    "event_cancelled": _("Event cancelled: %(event)s"),
}
ICS_CONTENT_TYPE = "text/calendar; method=PUBLISH; charset=utf-8"
ACCREDITATION_KINDS = ("received", "approved", "waitlisted", "rejected", "revoked")


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def badge_link(accreditation: Accreditation) -> str:
    """Where the approved journalist finds the badge (the portal lists it with the request)."""
    return absolute(reverse("my-accreditations")) + f"#accreditation-{accreditation.pk}"


def email_attachments(accreditation: Accreditation, kind: str) -> list[tuple[str, bytes, str]]:
    """Files attached to an accreditation e-mail, as (filename, content, mimetype).

    The single place to attach things: the approval e-mail carries the event's .ics, in the
    journalist's language, so one tap puts the event in their calendar.
    """
    attachments: list[tuple[str, bytes, str]] = []
    if kind == "approved":
        event = accreditation.event
        language = accreditation.journalist.preferred_language
        text = single_event_calendar(event, language=language)
        attachments.append((f"{event.slug}.ics", text.encode("utf-8"), ICS_CONTENT_TYPE))
    return attachments


def render_accreditation_email(accreditation: Accreditation, kind: str) -> EmailMessage:
    """The e-mail about `accreditation` for `kind`, in the journalist's language."""
    profile = accreditation.journalist
    event = accreditation.event
    with translation.override(profile.preferred_language):
        context = {
            "kind": kind,
            "profile": profile,
            "accreditation": accreditation,
            "event": event,
            "event_title": event.tr("title"),
            "event_url": absolute(event.get_absolute_url()),
            "portal_url": absolute(reverse("my-accreditations")),
            "badge_url": badge_link(accreditation),
            "reason": (
                event.cancellation_reason
                if kind.startswith("event_")
                else accreditation.status_reason
            ),
        }
        subject = str(SUBJECTS[kind]) % {"event": context["event_title"]}
        body = render_to_string(f"accreditation/email/{kind}.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[profile.email])
    for filename, content, mimetype in email_attachments(accreditation, kind):
        if ";" in mimetype:  # parameters (method=PUBLISH) need a part of our own
            message.attach(_mime_part(filename, content, mimetype))
        else:
            message.attach(filename, content, mimetype)
    return message


def _mime_part(filename: str, content: bytes, mimetype: str) -> MIMEBase:
    """An attachment whose content type keeps its parameters (``method=PUBLISH`` for .ics).

    Django's attach(filename, content, mimetype) would add a second charset to a text type.
    """
    main, *params = (piece.strip() for piece in mimetype.split(";"))
    maintype, subtype = main.split("/", 1)
    if maintype == "text":
        part = SafeMIMEText(content.decode("utf-8"), subtype, "utf-8")
    else:
        part = MIMEBase(maintype, subtype)
        part.set_payload(content)
        encoders.encode_base64(part)
    for param in params:
        name, _sep, value = param.partition("=")
        if name.lower() != "charset":
            part.set_param(name, value)
    part.add_header("Content-Disposition", "attachment", filename=filename)
    return part


@task()
def send_accreditation_email(accreditation_id: int, kind: str) -> None:
    """Background task: render and send one accreditation e-mail."""
    accreditation = (
        Accreditation.objects.select_related("journalist", "event").filter(pk=accreditation_id)
    ).first()
    if accreditation is None or not accreditation.journalist.email:
        return  # deleted meanwhile (the journalist erased their data): nothing to say
    render_accreditation_email(accreditation, kind).send()


@task()
def send_event_change_emails(event_id: int, kind: str) -> None:
    """Background task: tell every journalist still expecting to attend that the event changed."""
    recipients = (
        Accreditation.objects.live().filter(event_id=event_id).select_related("journalist", "event")
    )
    for accreditation in recipients:
        if accreditation.journalist.email:
            render_accreditation_email(accreditation, kind).send()


def notify_accreditation(accreditation: Accreditation, kind: str) -> None:
    """Queue the `kind` e-mail about `accreditation` once the transaction commits."""
    pk = accreditation.pk
    transaction.on_commit(lambda: send_accreditation_email.enqueue(pk, kind))


def notify_event_status_change(*, event) -> None:
    """Queue e-mails about a postponed or cancelled event once the change commits."""
    kind = {"postponed": "event_postponed", "cancelled": "event_cancelled"}.get(event.status)
    if kind is None:
        return
    pk = event.pk
    transaction.on_commit(lambda: send_event_change_emails.enqueue(pk, kind))


def send_verification_email(profile: JournalistProfile, *, token: str) -> None:
    """Queue the e-mail with the verification link, in the journalist's language."""
    with translation.override(profile.preferred_language):
        link = absolute(reverse("verify-email", kwargs={"token": token}))
        subject = str(_("Confirm your e-mail address"))
        body = render_to_string(
            "accreditation/email/verify_email.txt", {"profile": profile, "link": link}
        )
    to = [profile.email]
    transaction.on_commit(lambda: send_prepared_email.enqueue(subject, body, to))
