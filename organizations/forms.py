"""Forms for an organization's team: add a member, change a role."""

from django import forms
from django.utils.translation import gettext_lazy as _

from organizations.models import MembershipRole


class TeamAddForm(forms.Form):
    """Add someone to an organization by username or e-mail (a new e-mail is invited)."""

    organization = forms.ModelChoiceField(label=_("Organization"), queryset=None)
    login = forms.CharField(
        label=_("Username or e-mail"),
        max_length=254,
        help_text=_("Someone without an account gets an invitation at this address."),
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=MembershipRole.choices, initial=MembershipRole.FRONT_DESK
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        if len(organizations) == 1:
            self.fields["organization"].initial = organizations[0].pk
            self.fields["organization"].widget = forms.HiddenInput()


class MembershipRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=MembershipRole.choices)
