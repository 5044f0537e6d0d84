"""HTML forms: they check the shape of input; the services decide."""

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import PasswordResetForm
from django.template import loader
from django.utils.translation import gettext_lazy as _

from accreditation.models import JournalistProfile, JournalistRole, MediaOutlet
from accreditation.services import PROFILE_FIELDS
from common.mail import send_prepared_email

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SignUpForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name (exactly as on your ID)"), max_length=200, strip=True
    )
    email = forms.EmailField(label=_("E-mail"))
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput, strip=False)
    preferred_language = forms.ChoiceField(
        label=_("Language for e-mails"), choices=settings.LANGUAGES
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the press center processes my personal data (including my photo and "
            "press card number) to handle my accreditation, and deletes it when no longer needed."
        )
    )

    def clean(self):
        data = super().clean()
        one, two = data.get("password1"), data.get("password2")
        if one and two and one != two:
            self.add_error("password2", _("The two passwords differ."))
        elif one:
            try:
                password_validation.validate_password(one)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data


class ProfileForm(forms.ModelForm):
    photo_upload = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_(
            "JPEG or PNG, colour, plain background, full face; at least 354×472 px. "
            "We keep a resized copy without its metadata."
        ),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png"}),
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)
    outlet = forms.ModelChoiceField(
        label=_("Media outlet"),
        queryset=MediaOutlet.objects.all(),
        required=False,
        empty_label=_("— none / not listed —"),
    )
    new_outlet_name = forms.CharField(
        label=_("Outlet not listed? Its name"), max_length=200, required=False
    )

    class Meta:
        model = JournalistProfile
        fields = list(PROFILE_FIELDS)
        widgets = {"press_card_expiry": DATE_INPUT}

    def clean_nationality(self):
        return self.cleaned_data["nationality"].strip().upper()


class RequestForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=JournalistRole.choices)
    note = forms.CharField(
        label=_("Note to the organizers"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    assignment_letter = forms.FileField(
        label=_("Assignment letter (PDF, JPEG or PNG)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000, required=False)


class BulkForm(forms.Form):
    ACTIONS = [
        ("approve", _("Approve")),
        ("waitlist", _("Waitlist")),
        ("reject", _("Reject")),
    ]
    action = forms.ChoiceField(choices=ACTIONS)
    ids = forms.TypedMultipleChoiceField(coerce=int, choices=[])
    reason = forms.CharField(max_length=2000, required=False)
    waitlist_if_full = forms.BooleanField(required=False)

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ids"].choices = [(pk, pk) for pk in choices]


class QuotaForm(forms.Form):
    """One optional number per category: at most that many approved per outlet."""

    def __init__(self, *args, quotas=None, **kwargs):
        super().__init__(*args, **kwargs)
        quotas = quotas or {}
        for value, label in JournalistRole.choices:
            self.fields[value] = forms.IntegerField(
                label=label, min_value=0, required=False, initial=quotas.get(value)
            )


class BackgroundPasswordResetForm(PasswordResetForm):
    """Django's password reset, with the e-mail rendered now and sent by a background task."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        html = (
            loader.render_to_string(html_email_template_name, context)
            if html_email_template_name
            else ""
        )
        send_prepared_email.enqueue(subject, body, [to_email], html)


class BadgePrintForm(forms.Form):
    """Which badges to print and how: all of the event's, or the ticked ones."""

    LAYOUTS = [
        ("card", _("Cards (CR80, one per page)")),
        ("a4", _("A4 sheets (ten per sheet, with cut marks)")),
    ]
    SORTS = [("name", _("By name")), ("outlet", _("By outlet"))]
    SCOPES = [("all", _("Print all")), ("selected", _("Print selected"))]
    layout = forms.ChoiceField(label=_("Layout"), choices=LAYOUTS, initial="card")
    sort = forms.ChoiceField(label=_("Order"), choices=SORTS, initial="name")
    scope = forms.ChoiceField(choices=SCOPES, initial="all")
    ids = forms.TypedMultipleChoiceField(coerce=int, choices=[], required=False)

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ids"].choices = [(pk, pk) for pk in choices]

    def clean(self):
        data = super().clean()
        if data.get("scope") == "selected" and not data.get("ids"):
            raise forms.ValidationError(_("Tick the badges to print first."))
        return data


class ReprintForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the badge reprinted?"),
        max_length=2000,
        help_text=_("For example: lost, damaged, name misspelt. It goes into the audit log."),
    )


class WalkInForm(forms.Form):
    """A journalist registered at the desk; the service registers, requests and approves."""

    full_name = forms.CharField(label=_("Full name (as on ID)"), max_length=200)
    outlet_name = forms.CharField(label=_("Media outlet"), max_length=200, required=False)
    category = forms.ChoiceField(label=_("Category"), choices=JournalistRole.choices)
    email = forms.EmailField(
        label=_("E-mail"), help_text=_("The approval and the badge link go there.")
    )
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    press_card_number = forms.CharField(label=_("Press card number"), max_length=40, required=False)

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["role"] = data["category"]
        return data
