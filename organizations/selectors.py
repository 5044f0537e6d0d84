"""Reads for organizations and their members, limited to what the user may see."""

from django.db.models import (
    QuerySet,
)

from organizations.models import Membership, Organization
from organizations.permissions import (
    is_superuser,
    organizer_organization_ids,
)


def organizations_list() -> QuerySet[Organization]:
    return Organization.objects.all()


def managed_organizations(user) -> QuerySet[Organization]:
    """Organizations whose events the user may change (every one for a superuser)."""
    if is_superuser(user):
        return Organization.objects.all()
    return Organization.objects.filter(pk__in=organizer_organization_ids(user))


def team_memberships(user) -> QuerySet[Membership]:
    """Members of the organizations the user organizes, by organization then name."""
    return (
        Membership.objects.filter(organization__in=managed_organizations(user))
        .select_related("organization", "user")
        .order_by("organization__name", "user__last_name", "user__first_name", "user__username")
    )
