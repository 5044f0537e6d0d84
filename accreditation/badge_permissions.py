"""Who may do what with badges and check-in; used by the pages and the API alike."""

from accreditation.models import Accreditation, JournalistProfile
from events.permissions import can_check_in, can_manage_event


def _owns(user, accreditation: Accreditation) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and accreditation.journalist.user_id is not None
        and accreditation.journalist.user_id == user.pk
    )


def can_see_accreditation(user, accreditation: Accreditation) -> bool:
    """The journalist it belongs to, and desk staff and organizers of the event's organization."""
    return _owns(user, accreditation) or can_check_in(user, accreditation.event)


def can_download_badge(user, accreditation: Accreditation) -> bool:
    """The badge (and its code) go to the journalist it belongs to and the event's organizers."""
    return _owns(user, accreditation) or can_manage_event(user, accreditation.event)


def can_reprint_badge(user, accreditation: Accreditation) -> bool:
    return can_manage_event(user, accreditation.event)


def can_print_event_badges(user, event) -> bool:
    return can_manage_event(user, event)


def photo_url(profile: JournalistProfile) -> str | None:
    """Where the desk loads a journalist's photo from; None when there is none."""
    # Replaced by the accreditation app's protected photo view once it lands.
    return None
