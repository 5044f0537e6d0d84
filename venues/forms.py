"""Console forms for venues and rooms, and the room picker shared with the event forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import FieldsetsMixin
from venues.models import Room, Venue


def room_label(room: Room) -> str:
    return _("%(room)s (%(capacity)s seats)") % {"room": room.tr("name"), "capacity": room.capacity}


class GroupedRoomIterator(forms.models.ModelChoiceIterator):
    """Rooms as one (venue, [(id, label), ...]) group per venue; read lazily like the default."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[str, list] = {}
        for room in self.queryset.order_by("venue__name", "name"):
            groups.setdefault(room.venue.tr("name"), []).append(self.choice(room))
        yield from groups.items()

    def choice(self, obj):
        return (
            forms.models.ModelChoiceIteratorValue(self.field.prepare_value(obj), obj),
            room_label(obj),
        )


class RoomChoiceField(forms.ModelChoiceField):
    """A room select grouped by venue (one <optgroup> each), showing each room's capacity."""

    iterator = GroupedRoomIterator

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Room.objects.select_related("venue"))
        super().__init__(**kwargs)


class VenueForm(FieldsetsMixin, forms.ModelForm):
    fieldsets = (
        (_("Vietnamese"), ("name", "access_notes"), "lang"),
        (_("English"), ("name_en", "access_notes_en"), "lang"),
        (_("Address and contact"), ("address", "city", "contact_phone", "contact_email")),
        (_("Map"), ("latitude", "longitude", "map_url")),
    )

    class Meta:
        model = Venue
        fields = [
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
        ]
        widgets = {
            "access_notes": forms.Textarea(attrs={"rows": 3}),
            "access_notes_en": forms.Textarea(attrs={"rows": 3}),
        }


class RoomForm(FieldsetsMixin, forms.ModelForm):
    fieldsets = (
        (_("Room"), ("venue", "capacity")),
        (_("Vietnamese"), ("name",), "lang"),
        (_("English"), ("name_en",), "lang"),
        (
            _("Equipment"),
            (
                "has_interpretation",
                "has_livestream",
                "has_projector",
                "has_photo_riser",
                "is_step_free",
            ),
        ),
    )

    class Meta:
        model = Room
        fields = [
            "venue",
            "name",
            "name_en",
            "capacity",
            "has_interpretation",
            "has_livestream",
            "has_projector",
            "has_photo_riser",
            "is_step_free",
        ]
