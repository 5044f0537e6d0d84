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


def room_bookings(room: Room, *, starts_at, ends_at) -> list[Event]:
    """Events (not cancelled) that hold `room` at some moment between the two times."""
    return list(
        Event.objects.holding_rooms()
        .filter(room=room)
        .overlapping(starts_at, ends_at)
        .select_related("organization")
        .order_by("starts_at", "id")
    )


def venues_with_rooms() -> QuerySet[Venue]:
    """Every venue with its rooms, for the console's venue list."""
    return Venue.objects.prefetch_related(
        Prefetch("rooms", queryset=Room.objects.order_by("name", "id"))
    ).order_by("name", "id")
