"""Role predicates: who is organizer or front desk of which organization. Pages and API alike."""

from organizations.models import MembershipRole


def _roles(user) -> dict[int, str]:
    """The user's role per organization id, read once per request and kept on the user."""
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, "_press_roles", None)
    if cached is None:
        cached = dict(user.memberships.values_list("organization_id", "role"))
        user._press_roles = cached
    return cached


def is_superuser(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_superuser)


def organizer_organization_ids(user) -> set[int]:
    return {org for org, role in _roles(user).items() if role == MembershipRole.ORGANIZER}


def staff_organization_ids(user) -> set[int]:
    """Organizations where the user is organizer or front desk."""
    return set(_roles(user))


def is_organizer(user) -> bool:
    """Organizer of at least one organization (or superuser): may use the back office."""
    return is_superuser(user) or bool(organizer_organization_ids(user))


def is_front_desk_anywhere(user) -> bool:
    return is_superuser(user) or bool(staff_organization_ids(user))


def can_manage_organization(user, organization_id: int | None) -> bool:
    return is_superuser(user) or organization_id in organizer_organization_ids(user)


def can_manage_team(user, organization_id: int) -> bool:
    """Organizers add, change and remove the members of their own organization."""
    return can_manage_organization(user, organization_id)
