"""Writes for organizations and memberships: create, add or invite, change role, remove."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from common.errors import DomainError
from common.text import slugify_vi, unique_slug
from organizations.models import Membership, MembershipRole, Organization


class MembershipError(DomainError):
    """A rule about an organization's members refused the change (e.g. code="last_organizer")."""


def _find_user(login: str):
    """The user whose username or e-mail is `login` (case ignored), or None."""
    User = get_user_model()
    by_username = User.objects.filter(username__iexact=login).first()
    if by_username is not None:
        return by_username
    matches = list(User.objects.filter(email__iexact=login)[:2])
    if len(matches) > 1:
        raise MembershipError(
            "ambiguous_email",
            _("Several accounts use this e-mail address; enter the username instead."),
            field="login",
        )
    return matches[0] if matches else None


def _username_from_email(email: str) -> str:
    """The e-mail itself (as journalists' accounts do), or a name made from it if taken."""
    User = get_user_model()
    email = email.lower()
    if len(email) <= 150 and not User.objects.filter(username__iexact=email).exists():
        return email
    base = (slugify_vi(email.split("@", 1)[0], max_length=30) or "member").replace("-", ".")
    candidate, n = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate


def _invite(user, organization: Organization) -> None:
    """Queue the invitation: Django's password-reset link, so the new member sets a password."""
    from common.mail import send_prepared_email

    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {
        "organization": organization.tr("name"),
        "link": f"{settings.SITE_URL}{path}",
        "login_url": f"{settings.SITE_URL}{reverse('login')}",
        "username": user.get_username(),
    }
    subject = _("You are invited to the Press Center: %(organization)s") % context
    body = render_to_string("organizations/email/invitation.txt", context)
    to = [user.email]
    transaction.on_commit(lambda: send_prepared_email.enqueue(subject, body, to))


def _check_role(role: str) -> None:
    if role not in MembershipRole.values:
        raise ValidationError({"role": _("Choose organizer or front desk.")})


def _lock_organizers(organization_id: int) -> list[int]:
    # Every change that could drop an organizer locks the organization's organizer rows, so two
    # organizers demoting each other at once cannot leave the organization without one.
    return list(
        Membership.objects.select_for_update()
        .filter(organization_id=organization_id, role=MembershipRole.ORGANIZER)
        .values_list("pk", flat=True)
    )


def _refuse_last_organizer(membership: Membership) -> None:
    organizers = _lock_organizers(membership.organization_id)
    if organizers == [membership.pk]:
        raise MembershipError(
            "last_organizer",
            _("An organization keeps at least one organizer; add another one first."),
        )


@transaction.atomic
def membership_add(
    *, organization: Organization, login: str, role: str, by
) -> tuple[Membership, bool]:
    """Add a user (username or e-mail) to `organization`; an unknown e-mail gets an invitation.

    Returns the membership and whether a new account was created and invited.
    """
    _check_role(role)
    login = (login or "").strip()
    if not login:
        raise ValidationError({"login": _("Enter a username or an e-mail address.")})
    user = _find_user(login)
    invited = False
    if user is None:
        try:
            validate_email(login)
        except ValidationError:
            raise MembershipError(
                "user_not_found",
                _("Nobody has this username. To invite someone new, enter their e-mail address."),
                field="login",
            ) from None
        user = get_user_model()(username=_username_from_email(login), email=login.lower())
        user.set_unusable_password()  # they choose one through the invitation link
        user.full_clean()
        user.save()
        invited = True
    if Membership.objects.filter(user=user, organization=organization).exists():
        raise MembershipError(
            "already_member",
            _("%(user)s is already a member of this organization.") % {"user": user},
            field="login",
        )
    membership = Membership(user=user, organization=organization, role=role)
    membership.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError:  # added by someone else at the same moment
        raise MembershipError(
            "already_member",
            _("%(user)s is already a member of this organization.") % {"user": user},
            field="login",
        ) from None
    if invited:
        _invite(user, organization)
    return membership, invited


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str, by) -> Membership:
    """Make a member organizer or front desk; the last organizer stays an organizer."""
    _check_role(role)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == role:
        return membership
    if membership.role == MembershipRole.ORGANIZER:
        _refuse_last_organizer(membership)
    membership.role = role
    membership.full_clean(validate_constraints=False)
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, by) -> None:
    """Take a member out of the organization; never its last organizer."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role == MembershipRole.ORGANIZER:
        _refuse_last_organizer(membership)
    membership.delete()


@transaction.atomic
def organization_create(**fields) -> Organization:
    """Add an organization; its slug comes from its name when none is given."""
    organization = Organization(**fields)
    if not organization.slug:
        organization.slug = unique_slug(Organization, organization.name, max_length=120)
    organization.full_clean()
    organization.save()
    return organization
