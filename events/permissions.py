"""Who may do what with organizations and events. Used by pages and the API alike."""

from events.models import MembershipRole


def _roles(user) -> dict[int, str]:
    """The user's role per organization id, read once per request and kept on the user."""
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, "_press_roles", None)
    if cached is None:
        cached = dict(user.memberships.values_list("organization_id", "role"))
        user._press_roles = cached
    return cached


def is_superuser(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_superuser)


def organizer_organization_ids(user) -> set[int]:
    return {org for org, role in _roles(user).items() if role == MembershipRole.ORGANIZER}


def staff_organization_ids(user) -> set[int]:
    """Organizations where the user is organizer or front desk."""
    return set(_roles(user))


def is_organizer(user) -> bool:
    """Organizer of at least one organization (or superuser): may use the back office."""
    return is_superuser(user) or bool(organizer_organization_ids(user))


def is_front_desk_anywhere(user) -> bool:
    return is_superuser(user) or bool(staff_organization_ids(user))


def can_manage_organization(user, organization_id: int | None) -> bool:
    return is_superuser(user) or organization_id in organizer_organization_ids(user)


def can_manage_event(user, event) -> bool:
    return can_manage_organization(user, event.organization_id)


def can_check_in(user, event) -> bool:
    """Front-desk staff and organizers of the event's organization."""
    return is_superuser(user) or event.organization_id in staff_organization_ids(user)


def can_manage_venues(user) -> bool:
    """Venues and rooms are shared by all organizers of the press center."""
    return is_organizer(user)


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


def can_manage_team(user, organization_id: int) -> bool:
    """Organizers add, change and remove the members of their own organization."""
    return can_manage_organization(user, organization_id)


def can_see_event_details(user, event) -> bool:
    """Public events, and any event of an organization the user organizes (drafts included).

    Used where another organization's booking shows up (a room's week, a room conflict): a
    draft of someone else is shown as "booked", without its title.
    """
    from events.models import PUBLIC_STATUSES

    return event.status in PUBLIC_STATUSES or can_manage_event(user, event)
