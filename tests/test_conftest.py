"""The shared helpers of tests/conftest.py notice what the tests rely on them to notice."""

import pytest

from events.models import Event
from tests.factories import SpeakerFactory, VenueFactory
from venues.models import Venue

pytestmark = pytest.mark.django_db


def test_assert_unchanged_notices_an_edited_row(assert_unchanged, event):
    with pytest.raises(AssertionError), assert_unchanged(event):
        Event.objects.filter(pk=event.pk).update(title="Tiêu đề khác")


def test_assert_unchanged_notices_a_deleted_row(assert_unchanged, event):
    with pytest.raises(AssertionError), assert_unchanged(event):
        Event.objects.filter(pk=event.pk).delete()


def test_assert_unchanged_notices_a_changed_many_to_many(assert_unchanged, event):
    speaker = SpeakerFactory(organization=event.organization)
    with pytest.raises(AssertionError), assert_unchanged(event):
        event.speakers.add(speaker)


def test_assert_unchanged_notices_a_row_added_to_a_table(assert_unchanged):
    with pytest.raises(AssertionError), assert_unchanged(Venue):
        VenueFactory()


def test_assert_unchanged_passes_when_nothing_changed_or_the_write_was_allowed(
    assert_unchanged, event
):
    with assert_unchanged(event, Venue.objects.all()):
        Event.objects.get(pk=event.pk).save(update_fields=["title"])  # same value
    with assert_unchanged(event, Venue, unless=True):
        VenueFactory()
        Event.objects.filter(pk=event.pk).update(title="Tiêu đề khác")
