"""Reads for venues and rooms (public information)."""

from django.db.models import Prefetch, QuerySet

from venues.models import Room, Venue


def venue_list() -> QuerySet[Venue]:
    return Venue.objects.prefetch_related("rooms")


def room_list() -> QuerySet[Room]:
    return Room.objects.select_related("venue")


def venues_with_rooms() -> QuerySet[Venue]:
    """Every venue with its rooms, for the console's venue list."""
    return Venue.objects.prefetch_related(
        Prefetch("rooms", queryset=Room.objects.order_by("name", "id"))
    ).order_by("name", "id")
