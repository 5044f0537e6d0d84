"""Who may do what with journalists and accreditations. Used by pages and the API alike."""

from accreditation.models import Accreditation, AccreditationStatus
from events.permissions import can_check_in, can_manage_event
from organizations.permissions import (
    is_organizer,
    is_superuser,
    organizer_organization_ids,
    staff_organization_ids,
)


def own_profile(user):
    """The user's journalist profile, or None (read once per request and kept on the user)."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_press_profile"):
        from accreditation.models import JournalistProfile

        user._press_profile = JournalistProfile.objects.filter(user=user).first()
    return user._press_profile


def can_review(user, event) -> bool:
    """Organizers of the event's organization decide on its accreditation requests."""
    return can_manage_event(user, event)


def is_own_accreditation(user, accreditation) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and accreditation.journalist.user_id is not None
        and accreditation.journalist.user_id == user.pk
    )


def can_view_accreditation(user, accreditation) -> bool:
    return is_own_accreditation(user, accreditation) or can_review(user, accreditation.event)


def can_cancel(user, accreditation) -> bool:
    """Only the journalist cancels their own request; organizers reject or revoke instead."""
    return is_own_accreditation(user, accreditation)


def can_request_for_others(user, event) -> bool:
    """Organizers may file a request on a journalist's behalf (walk-ins at the desk)."""
    return can_review(user, event)


def can_register_journalists(user) -> bool:
    return is_organizer(user)


def can_merge_outlets(user) -> bool:
    return is_organizer(user)


def can_view_journalist(user, profile) -> bool:
    """The journalist, organizers of an event they asked for (or who registered them), and
    the front desk of an event they are accredited for (to compare the photo with the face)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if is_superuser(user) or (profile.user_id is not None and profile.user_id == user.pk):
        return True
    own = organizer_organization_ids(user)
    if own and profile.registered_by_organization_id in own:
        return True
    accreditations = Accreditation.objects.filter(journalist=profile)
    if own and accreditations.filter(event__organization_id__in=own).exists():
        return True
    desk_only = staff_organization_ids(user) - own
    return (
        bool(desk_only)
        and accreditations.filter(
            event__organization_id__in=desk_only, status=AccreditationStatus.APPROVED
        ).exists()
    )


def can_view_letter(user, accreditation) -> bool:
    return can_view_accreditation(user, accreditation)


def can_see_accreditation_at_desk(user, accreditation) -> bool:
    """The journalist it belongs to, and desk staff and organizers of the event's organization."""
    return is_own_accreditation(user, accreditation) or can_check_in(user, accreditation.event)


def can_download_badge(user, accreditation) -> bool:
    """The badge (and its code) go to the journalist it belongs to and the event's organizers."""
    return is_own_accreditation(user, accreditation) or can_manage_event(user, accreditation.event)


def can_reprint_badge(user, accreditation) -> bool:
    return can_manage_event(user, accreditation.event)


def can_print_event_badges(user, event) -> bool:
    return can_manage_event(user, event)
