"""Who may do what with organizations and events. Used by pages and the API alike."""

from organizations.permissions import (
    can_manage_organization,
    is_front_desk_anywhere,
    is_organizer,
    is_superuser,
    staff_organization_ids,
)


def can_manage_event(user, event) -> bool:
    return can_manage_organization(user, event.organization_id)


def can_check_in(user, event) -> bool:
    """Front-desk staff and organizers of the event's organization."""
    return is_superuser(user) or event.organization_id in staff_organization_ids(user)


def can_manage_speaker(user, speaker) -> bool:
    return can_manage_organization(user, speaker.organization_id)


def can_use_console(user) -> bool:
    """The organizer console (/manage/): organizers and superusers, never front desk alone."""
    return is_organizer(user)


def can_use_desk_pages(user) -> bool:
    """The parts of /manage/ front-desk staff reach: the desk list and attendance figures."""
    return is_front_desk_anywhere(user)


def can_see_attendance(user, event) -> bool:
    """Live figures of an event: its front-desk staff and organizers."""
    return can_check_in(user, event)


def can_export_attendance(user, event) -> bool:
    """The list of names (CSV) is personal data: organizers of the event only."""
    return can_manage_event(user, event)


def can_see_event_details(user, event) -> bool:
    """Public events, and any event of an organization the user organizes (drafts included).

    Used where another organization's booking shows up (a room's week, a room conflict): a
    draft of someone else is shown as "booked", without its title.
    """
    from events.models import PUBLIC_STATUSES

    return event.status in PUBLIC_STATUSES or can_manage_event(user, event)
