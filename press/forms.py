"""Forms for the organizer's press pages: a release (with attachments) and a media contact."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.dates import DATETIME_FORMAT, DATETIME_LOCAL_FORMAT
from common.forms import ICTDateTimeField
from press.models import MediaContact, PressRelease


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; what they contain is checked by the service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class PressReleaseForm(forms.ModelForm):
    embargo_until = ICTDateTimeField(
        label=_("Embargoed until (ICT)"),
        required=False,
        input_formats=[DATETIME_LOCAL_FORMAT, "%Y-%m-%d %H:%M", DATETIME_FORMAT],
        help_text=_("Leave empty to publish at once."),
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        help_text=_("PDF, images or office documents."),
    )

    class Meta:
        model = PressRelease
        fields = ["title", "language", "audience", "embargo_until", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 14})}

    def __init__(self, *args, release: PressRelease | None = None, **kwargs):
        super().__init__(*args, instance=release, **kwargs)
        self.fields["title"].widget.attrs["autofocus"] = True
        if release is not None and release.pk:
            choices = [(a.pk, a.original_name) for a in release.attachments.all()]
            if choices:
                self.fields["remove_attachments"] = forms.TypedMultipleChoiceField(
                    label=_("Remove attachments"),
                    choices=choices,
                    coerce=int,
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                )


class MediaContactForm(forms.ModelForm):
    class Meta:
        model = MediaContact
        fields = ["name", "role", "role_en", "phone", "email", "position"]
