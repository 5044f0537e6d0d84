"""Template helpers for the organizer console."""

from django import template

from events.permissions import can_use_console as _can_use_console

register = template.Library()


@register.filter
def can_use_console(user) -> bool:
    """`{% if user|can_use_console %}`: whether to show the way into /manage/."""
    return _can_use_console(user)
