"""Writes for venues and rooms."""

from django.db import transaction

from common.text import unique_slug
from venues.models import Room, Venue


@transaction.atomic
def venue_create(**fields) -> Venue:
    """Add a venue; its slug comes from its name when none is given."""
    venue = Venue(**fields)
    if not venue.slug:
        venue.slug = unique_slug(Venue, venue.name, max_length=120)
    venue.full_clean()
    venue.save()
    return venue


@transaction.atomic
def venue_update(*, venue: Venue, **fields) -> Venue:
    """Change a venue's details."""
    for name, value in fields.items():
        setattr(venue, name, value)
    venue.full_clean()
    venue.save()
    return venue


@transaction.atomic
def room_create(**fields) -> Room:
    """Add a room to a venue."""
    room = Room(**fields)
    room.full_clean()
    room.save()
    return room


@transaction.atomic
def room_update(*, room: Room, **fields) -> Room:
    """Change a room's details."""
    for name, value in fields.items():
        setattr(room, name, value)
    room.full_clean()
    room.save()
    return room
