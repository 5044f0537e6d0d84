"""Access decorators and small helpers shared by the console's pages."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from console import selectors
from events.models import Event
from events.permissions import can_use_console, can_use_desk_pages


def posted(request, *, files: bool = False) -> tuple:
    """Form arguments: the submitted data on POST (even when empty), nothing on GET."""
    if request.method != "POST":
        return (None, None) if files else (None,)
    return (request.POST, request.FILES) if files else (request.POST,)


def console_view(view):
    """Organizers and superusers only: anonymous visitors log in, everyone else gets 403."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not can_use_console(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def desk_view(view):
    """Front-desk staff, organizers and superusers: the desk list and attendance pages."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not can_use_desk_pages(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _event(request, slug) -> Event:
    """An event of the user's organizations; other organizations' events do not exist here."""
    return get_object_or_404(selectors.managed_events(request.user), slug=slug)
