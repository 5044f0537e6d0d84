"""model_update: the one way update services write a row."""

import pytest
from django.core.exceptions import ValidationError

from common.services import model_update
from events.models import Event
from tests.factories import EventFactory, RoomFactory, VenueFactory
from venues.models import Venue

pytestmark = pytest.mark.django_db


def test_only_the_listed_fields_that_changed_are_written():
    venue = VenueFactory(city="Hà Nội")
    stale = Venue.objects.get(pk=venue.pk)
    Venue.objects.filter(pk=venue.pk).update(address="Someone else's edit")

    updated, has_updated = model_update(
        instance=stale, fields=("name", "city"), data={"name": "Nhà hát Lớn", "city": "Hà Nội"}
    )

    assert (updated, has_updated) == (stale, True)
    venue.refresh_from_db()
    assert (venue.name, venue.city) == ("Nhà hát Lớn", "Hà Nội")
    assert venue.address == "Someone else's edit"  # not in update_fields: left alone


def test_nothing_is_written_when_nothing_changed(django_assert_num_queries):
    event = EventFactory()
    event = Event.objects.get(pk=event.pk)
    same = {"title": event.title, "room": event.room}

    with django_assert_num_queries(0):
        _, has_updated = model_update(instance=event, fields=("title", "room"), data=same)

    assert has_updated is False


def test_a_foreign_key_change_is_saved_with_updated_at():
    event = EventFactory()
    before = Event.objects.get(pk=event.pk)
    room = RoomFactory()

    _, has_updated = model_update(instance=before, fields=("room",), data={"room": room})

    event.refresh_from_db()
    assert has_updated is True
    assert event.room == room
    assert event.updated_at > before.created_at


def test_invalid_values_are_refused_before_anything_is_saved():
    venue = VenueFactory()

    with pytest.raises(ValidationError) as error:
        model_update(instance=venue, fields=("contact_email",), data={"contact_email": "nope"})

    assert "contact_email" in error.value.message_dict
    assert Venue.objects.get(pk=venue.pk).contact_email == ""


def test_a_field_the_service_does_not_offer_is_a_programming_error():
    venue = VenueFactory()

    with pytest.raises(TypeError):
        model_update(instance=venue, fields=("name",), data={"slug": "elsewhere"})
