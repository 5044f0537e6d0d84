"""Writes for venues and rooms."""

from django.db import transaction

from common.services import model_update
from common.text import unique_slug
from venues.models import Room, Venue

VENUE_EDITABLE_FIELDS = (
    "slug",
    "name",
    "name_en",
    "address",
    "city",
    "latitude",
    "longitude",
    "map_url",
    "contact_phone",
    "contact_email",
    "access_notes",
    "access_notes_en",
)
ROOM_EDITABLE_FIELDS = ("venue", "name", "name_en", "capacity", *Room.FEATURE_FIELDS.values())


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
    venue = Venue.objects.select_for_update().get(pk=venue.pk)
    venue, _changed = model_update(instance=venue, fields=VENUE_EDITABLE_FIELDS, data=fields)
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
    room = Room.objects.select_for_update().get(pk=room.pk)
    room, _changed = model_update(instance=room, fields=ROOM_EDITABLE_FIELDS, data=fields)
    return room
