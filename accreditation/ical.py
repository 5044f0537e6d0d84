"""A journalist's personal calendar feed: plain functions returning text, no queries."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from accreditation.models import AccreditationStatus
from accreditation.selectors import personal_calendar_accreditations
from events.ical import EVENT_STATUS, _Writer
from events.models import PUBLIC_STATUSES, EventStatus

# How a request shows in the personal feed; other statuses never reach it (see the selector).
PERSONAL_FEED_STATUS = {
    AccreditationStatus.APPROVED: "CONFIRMED",
    AccreditationStatus.PENDING: "TENTATIVE",
    AccreditationStatus.WAITLISTED: "TENTATIVE",
}


def personal_feed(profile, *, language: str | None = None, accreditations=None) -> str:
    """A journalist's own feed: approved events confirmed, pending/waitlisted ones tentative."""
    if accreditations is None:
        accreditations = personal_calendar_accreditations(profile)
    language = language or profile.preferred_language or settings.LANGUAGE_CODE
    writer = _Writer(language)
    for accreditation in accreditations:
        event = accreditation.event
        status = PERSONAL_FEED_STATUS.get(accreditation.status)
        if status is None or event.status not in PUBLIC_STATUSES:
            continue
        if event.status != EventStatus.PUBLISHED:
            status = EVENT_STATUS[event.status]
        approved = accreditation.status == AccreditationStatus.APPROVED
        writer.add_event(
            event,
            status=status,
            # Approval changes STATUS, which RFC 5545 counts as a revision: one step more.
            sequence=event.sequence + (1 if approved else 0),
            last_modified=max(event.updated_at, accreditation.updated_at),
        )
    with translation.override(language):
        name = _("Press Center: my accreditations")
    return writer.calendar(name=name)
