"""Template helpers for the organizer console."""

from django import template

from accreditation.permissions import own_profile
from events.permissions import can_use_console as _can_use_console
from events.permissions import can_use_desk_pages

register = template.Library()


@register.filter
def can_use_console(user) -> bool:
    """`{% if user|can_use_console %}`: whether to show the way into /manage/."""
    return _can_use_console(user)


@register.filter
def desk_only(user) -> bool:
    """`{% if user|desk_only %}`: front-desk staff without the console get a "Desk" link."""
    return can_use_desk_pages(user) and not _can_use_console(user)


@register.filter
def uses_portal(user) -> bool:
    """`{% if user|uses_portal %}`: journalists (a profile, or no staff role) get portal links."""
    if not getattr(user, "is_authenticated", False):
        return False
    return own_profile(user) is not None or not can_use_desk_pages(user)
