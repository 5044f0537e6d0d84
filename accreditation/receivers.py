"""What accreditation does when a lower app tells it something (see events/signals.py)."""

from accreditation.notifications import notify_event_status_change


def mail_journalists_about_status_change(sender, *, event, previous, status, **kwargs) -> None:
    """A postponed or cancelled event: every journalist still expecting to attend hears of it."""
    notify_event_status_change(event=event)
