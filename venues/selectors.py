"""Reads for venues and rooms (public information)."""

from django.db.models import Prefetch, QuerySet

from events.models import Event
from venues.models import Room, Venue


def venue_list() -> QuerySet[Venue]:
    return Venue.objects.prefetch_related("rooms")


def room_list() -> QuerySet[Room]:
    return Room.objects.select_related("venue")


def venue_with_upcoming_events(slug: str, *, now) -> Venue:
    """A venue with its rooms and, on each room, its upcoming public events."""
    upcoming = (
        Event.objects.public().upcoming(now).select_related("organization").order_by("starts_at")
    )
    return Venue.objects.prefetch_related(
        Prefetch(
            "rooms",
            queryset=Room.objects.prefetch_related(
                Prefetch("events", queryset=upcoming, to_attr="upcoming_events")
            ),
        )
    ).get(slug=slug)
