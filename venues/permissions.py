"""Who may change venues and rooms: the press center's organizers, shared by all of them."""

from events.permissions import can_manage_venues

__all__ = ["can_manage_venues"]
