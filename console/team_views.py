"""The console's team page (/manage/team/): organizers and front-desk staff of an organization."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from common.errors import SERVICE_ERRORS, DomainError
from common.forms import add_service_error, service_error_message
from console.decorators import console_view
from organizations import selectors, services
from organizations.forms import MembershipRoleForm, TeamAddForm
from organizations.models import Membership, MembershipRole
from organizations.permissions import can_manage_team


def _team_page(request, form, status=200):
    memberships = list(selectors.team_memberships(request.user))
    for membership in memberships:
        membership.role_form = MembershipRoleForm(
            initial={"role": membership.role}, auto_id=f"role_{membership.pk}_%s"
        )
    return render(
        request,
        "console/team.html",
        {"form": form, "memberships": memberships, "roles": MembershipRole.choices},
        status=status,
    )


@console_view
def team(request):
    """Members of the organizations the user organizes; add or invite someone."""
    organizations = selectors.managed_organizations(request.user).order_by("name")
    form = TeamAddForm(
        request.POST if request.method == "POST" else None, organizations=organizations
    )
    if request.method == "POST" and form.is_valid():
        organization = form.cleaned_data["organization"]
        if not can_manage_team(request.user, organization.pk):
            raise PermissionDenied
        try:
            membership, invited = services.membership_add(
                organization=organization,
                login=form.cleaned_data["login"],
                role=form.cleaned_data["role"],
                by=request.user,
            )
        except SERVICE_ERRORS as error:
            add_service_error(form, error)
        else:
            message = (
                _("Invitation sent to %(email)s; they choose a password from the e-mail.")
                if invited
                else _("%(email)s added.")
            )
            messages.success(request, message % {"email": membership.user.email or membership.user})
            return redirect("manage-team")
    return _team_page(request, form, status=400 if form.errors else 200)


def _membership(request, pk) -> Membership:
    return get_object_or_404(selectors.team_memberships(request.user), pk=pk)


@console_view
def team_role(request, pk):
    """Change a member's role (POST from the team page)."""
    membership = _membership(request, pk)
    if request.method != "POST":
        return redirect("manage-team")
    form = MembershipRoleForm(request.POST)
    if form.is_valid():
        try:
            services.membership_change_role(
                membership=membership, role=form.cleaned_data["role"], by=request.user
            )
        except SERVICE_ERRORS as error:
            messages.error(request, service_error_message(error))
        else:
            messages.success(request, _("Role changed."))
    else:
        messages.error(request, _("Choose organizer or front desk."))
    return redirect(reverse("manage-team") + f"#member-{membership.pk}")


@console_view
def team_remove(request, pk):
    """Confirmation (GET), then removal (POST); the last organizer cannot be removed."""
    membership = _membership(request, pk)
    error = None
    if request.method == "POST":
        try:
            services.membership_remove(membership=membership, by=request.user)
        except DomainError as exc:
            error = service_error_message(exc)
        else:
            messages.success(
                request, _("%(user)s removed from %(organization)s.") % _names(membership)
            )
            if membership.user_id == request.user.pk:
                return redirect("home")
            return redirect("manage-team")
    yourself = membership.user_id == request.user.pk
    return render(
        request,
        "console/confirm.html",
        {
            "question": (
                _("Leave %(organization)s? You will lose access to its events.")
                if yourself
                else _("Remove %(user)s from %(organization)s?")
            )
            % _names(membership),
            "button": _("Leave") if yourself else _("Remove"),
            "error": error,
            "back": reverse("manage-team"),
        },
        status=409 if error else 200,
    )


def _names(membership: Membership) -> dict:
    user = membership.user
    return {
        "user": user.get_full_name() or user.get_username(),
        "organization": membership.organization.tr("name"),
    }
