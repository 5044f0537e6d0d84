"""Console forms for events, agenda items and speakers. Rules stay in events/services.py."""

from datetime import datetime, timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from common.forms import FieldsetsMixin, ICTDateTimeField
from events.models import AgendaItem, Event, Speaker
from venues.forms import RoomChoiceField
from venues.models import Room


def _local_datetime_fields(form: forms.BaseForm, *names: str) -> None:
    for name in names:
        if name in form.fields:
            old = form.fields[name]
            form.fields[name] = ICTDateTimeField(
                label=old.label, required=old.required, help_text=old.help_text
            )


class EventForm(FieldsetsMixin, forms.ModelForm):
    """Create or edit an event. The organization choices are the user's own organizations."""

    fieldsets = (
        (_("Event"), ("organization", "kind")),
        (_("Vietnamese"), ("title", "summary", "description"), "lang"),
        (_("English"), ("title_en", "summary_en", "description_en"), "lang"),
        (_("When and where (ICT)"), ("starts_at", "ends_at", "room", "online_url"), "when"),
        (
            _("Accreditation"),
            (
                "press_capacity",
                "accreditation_opens_at",
                "accreditation_closes_at",
                "allow_walk_ins",
            ),
        ),
        (_("Press contact"), ("contact_name", "contact_phone", "contact_email")),
        (_("Image"), ("cover_image",)),
    )

    room = RoomChoiceField(label=_("Room"), required=False)

    class Meta:
        model = Event
        fields = [
            "organization",
            "kind",
            "title",
            "title_en",
            "summary",
            "summary_en",
            "description",
            "description_en",
            "starts_at",
            "ends_at",
            "room",
            "online_url",
            "press_capacity",
            "accreditation_opens_at",
            "accreditation_closes_at",
            "allow_walk_ins",
            "contact_name",
            "contact_phone",
            "contact_email",
            "cover_image",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "summary_en": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "description_en": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        _local_datetime_fields(
            self, "starts_at", "ends_at", "accreditation_opens_at", "accreditation_closes_at"
        )
        field = self.fields["organization"]
        field.queryset = organizations
        field.empty_label = None
        if len(field.queryset) == 1:
            # One organization: nothing to choose, so no select to explain.
            field.widget = forms.HiddenInput()
            if not self.instance.pk:
                self.initial["organization"] = field.queryset[0].pk

    def service_fields(self) -> dict:
        """The cleaned data as keyword arguments for event_create / event_update."""
        data = dict(self.cleaned_data)
        if data.get("cover_image") is False:  # "clear" ticked
            data["cover_image"] = ""
        elif data.get("cover_image") is None:
            data.pop("cover_image", None)
        return data


class StatusChangeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (journalists will read it)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, reason_required: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = reason_required
        if not reason_required:
            del self.fields["reason"]


class DuplicateEventForm(FieldsetsMixin, forms.Form):
    fieldsets = (
        (_("New date and place (ICT)"), ("starts_at", "room"), "when"),
        (_("Title"), ("title", "title_en")),
    )

    starts_at = ICTDateTimeField(
        label=_("Starts at"), help_text=_("The copy keeps the duration; its agenda moves along.")
    )
    room = RoomChoiceField(label=_("Room"), required=False)
    title = forms.CharField(label=_("Title"), max_length=300)
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)


class AgendaItemForm(FieldsetsMixin, forms.ModelForm):
    fieldsets = (
        (_("Time and place (ICT)"), ("starts_at", "ends_at", "room")),
        (_("Vietnamese"), ("title", "description"), "lang"),
        (_("English"), ("title_en", "description_en"), "lang"),
        (_("Speakers"), ("speakers",)),
    )

    room = RoomChoiceField(
        label=_("Room"), required=False, help_text=_("Only if it differs from the event's room.")
    )

    class Meta:
        model = AgendaItem
        fields = [
            "starts_at",
            "ends_at",
            "room",
            "title",
            "title_en",
            "description",
            "description_en",
            "speakers",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "description_en": forms.Textarea(attrs={"rows": 2}),
            "speakers": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, speakers, **kwargs):
        super().__init__(*args, **kwargs)
        _local_datetime_fields(self, "starts_at", "ends_at")
        self.fields["speakers"].queryset = speakers
        self.fields["speakers"].required = False
        self.fields["speakers"].label = _("Who speaks")

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        return {"speakers": list(data.pop("speakers", [])), **data}


class SpeakerForm(FieldsetsMixin, forms.ModelForm):
    fieldsets = (
        (_("Speaker"), ("name", "photo")),
        (_("Vietnamese"), ("position", "affiliation", "bio"), "lang"),
        (_("English"), ("position_en", "affiliation_en", "bio_en"), "lang"),
    )

    class Meta:
        model = Speaker
        fields = [
            "name",
            "photo",
            "position",
            "affiliation",
            "bio",
            "position_en",
            "affiliation_en",
            "bio_en",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 4}),
            "bio_en": forms.Textarea(attrs={"rows": 4}),
        }

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        if data.get("photo") is False:
            data["photo"] = ""
        elif data.get("photo") is None:
            data.pop("photo", None)
        return data


class SpeakerPickForm(forms.Form):
    speaker = forms.ModelChoiceField(queryset=Speaker.objects.none(), label=_("Speaker on file"))

    def __init__(self, *args, speakers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speaker"].queryset = speakers


class AvailabilityForm(forms.Form):
    """Query of the room picker: is `room` free from `starts_at` to `ends_at`?"""

    room = forms.ModelChoiceField(queryset=Room.objects.select_related("venue"))
    starts_at = ICTDateTimeField()
    ends_at = ICTDateTimeField()
    exclude = forms.IntegerField(required=False, min_value=1)

    def clean(self):
        data = super().clean()
        starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The end must be after the start."))
        return data


def default_duplicate_start(event: Event) -> datetime:
    """A week after the original, same time of day: the usual "same again next week"."""
    return event.starts_at + timedelta(days=7)
