"""Who may change venues and rooms: the press center's organizers, shared by all of them."""

from organizations.permissions import is_organizer


def can_manage_venues(user) -> bool:
    """Venues and rooms are shared by all organizers of the press center."""
    return is_organizer(user)
