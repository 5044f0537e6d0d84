"""The organizer console's venues and rooms: list, create, edit, a room's week, availability."""

import math
from datetime import date, datetime, timedelta

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from common.dates import format_datetime
from common.errors import SERVICE_ERRORS
from common.forms import add_service_error
from console.decorators import console_view, posted
from events.forms import AvailabilityForm
from events.permissions import can_see_event_details
from events.selectors import room_bookings, room_conflict
from organizations.permissions import organizer_organization_ids
from venues import selectors, services
from venues.forms import RoomForm, VenueForm
from venues.models import Room, Venue

# The week view draws 06:00–23:00 in half-hour rows; anything outside is pinned to the edge.
DAY_FIRST_HOUR = 6
DAY_LAST_HOUR = 23
SLOT_MINUTES = 30
SLOTS = (DAY_LAST_HOUR - DAY_FIRST_HOUR) * 60 // SLOT_MINUTES


@console_view
def venue_list(request):
    return render(request, "console/venue_list.html", {"venues": selectors.venues_with_rooms()})


@console_view
def venue_create(request):
    return _venue_form(request, None)


@console_view
def venue_edit(request, pk):
    return _venue_form(request, get_object_or_404(Venue, pk=pk))


def _venue_form(request, venue):
    form = VenueForm(*posted(request), instance=venue)
    if request.method == "POST" and form.is_valid():
        try:
            if venue is None:
                venue = services.venue_create(**form.cleaned_data)
            else:
                services.venue_update(venue=venue, **form.cleaned_data)
        except SERVICE_ERRORS as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Venue saved."))
            return redirect("manage-venue-list")
    return render(
        request,
        "console/venue_form.html",
        {"form": form, "venue": venue if venue and venue.pk else None},
        status=400 if form.errors else 200,
    )


@console_view
def room_create(request):
    initial = {}
    if request.GET.get("venue", "").isdigit():
        initial["venue"] = int(request.GET["venue"])
    return _room_form(request, None, initial)


@console_view
def room_edit(request, pk):
    return _room_form(request, get_object_or_404(Room.objects.select_related("venue"), pk=pk), {})


def _room_form(request, room, initial):
    form = RoomForm(*posted(request), instance=room, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if room is None:
                room = services.room_create(**form.cleaned_data)
            else:
                services.room_update(room=room, **form.cleaned_data)
        except SERVICE_ERRORS as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Room saved."))
            return redirect("manage-venue-list")
    return render(
        request,
        "console/room_form.html",
        {"form": form, "room": room if room and room.pk else None},
        status=400 if form.errors else 200,
    )


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _slot(moment: datetime, day_start: datetime, *, round_up: bool = False) -> int:
    """Half-hour row of `moment` on the day starting at `day_start`, within the drawn hours."""
    minutes = (moment - day_start).total_seconds() / 60 - DAY_FIRST_HOUR * 60
    slot = math.ceil(minutes / SLOT_MINUTES) if round_up else math.floor(minutes / SLOT_MINUTES)
    return max(0, min(SLOTS, slot))


def week_days(user, monday: date, bookings) -> list[dict]:
    """Seven day columns with each booking's piece of that day, placed by half-hour rows."""
    today = timezone.localdate()
    days = []
    for offset in range(7):
        day = monday + timedelta(days=offset)
        day_start = timezone.make_aware(datetime.combine(day, datetime.min.time()))
        day_end = day_start + timedelta(days=1)
        pieces = []
        for event in bookings:
            if event.ends_at <= day_start or event.starts_at >= day_end:
                continue
            start, end = max(event.starts_at, day_start), min(event.ends_at, day_end)
            first = min(_slot(start, day_start), SLOTS - 1)
            last = max(first + 1, _slot(end, day_start, round_up=True))
            pieces.append(
                {
                    "event": event,
                    "visible": can_see_event_details(user, event),
                    "starts_at": start,
                    "ends_at": end,
                    "row": first + 1,
                    "span": last - first,
                }
            )
        days.append({"date": day, "is_today": day == today, "bookings": pieces})
    return days


@console_view
def room_week(request, pk):
    room = get_object_or_404(Room.objects.select_related("venue"), pk=pk)
    status, error = 200, None
    raw = request.GET.get("start")
    start = timezone.localdate()
    if raw:
        try:
            parsed = parse_date(raw)
        except ValueError:
            parsed = None
        if parsed is None:
            status, error = 400, _("Give the week as a date: YYYY-MM-DD.")
        else:
            start = parsed
    monday = _monday(start)
    week_start = timezone.make_aware(datetime.combine(monday, datetime.min.time()))
    week_end = week_start + timedelta(days=7)
    bookings = room_bookings(room, starts_at=week_start, ends_at=week_end)
    return render(
        request,
        "console/room_week.html",
        {
            "room": room,
            "monday": monday,
            "sunday": monday + timedelta(days=6),
            "previous": monday - timedelta(days=7),
            "next": monday + timedelta(days=7),
            "this_week": _monday(timezone.localdate()),
            "days": week_days(request.user, monday, bookings),
            "hours": [
                {"label": f"{hour:02d}:00", "row": (hour - DAY_FIRST_HOUR) * 2 + 1}
                for hour in range(DAY_FIRST_HOUR, DAY_LAST_HOUR)
            ],
            "error": error,
            "managed_ids": organizer_organization_ids(request.user),
        },
        status=status,
    )


@console_view
def room_availability(request):
    """JSON for the room picker: {"available": bool, "message": str} or 400 {field: [msgs]}."""
    form = AvailabilityForm(request.GET)
    if not form.is_valid():
        return JsonResponse(
            {field: [str(m) for m in msgs] for field, msgs in form.errors.items()}, status=400
        )
    data = form.cleaned_data
    clash = room_conflict(
        room=data["room"],
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        exclude_event_id=data["exclude"],
    )
    if clash is None:
        message = _("%(room)s is free at that time.") % {"room": data["room"].tr("name")}
        return JsonResponse({"available": True, "message": message})
    start, end = format_datetime(clash.starts_at), format_datetime(clash.ends_at)
    if can_see_event_details(request.user, clash):
        message = _("%(room)s is already booked for “%(event)s” from %(start)s to %(end)s.") % {
            "room": data["room"].tr("name"),
            "event": clash.tr("title"),
            "start": start,
            "end": end,
        }
    else:
        message = _("%(room)s is already booked from %(start)s to %(end)s.") % {
            "room": data["room"].tr("name"),
            "start": start,
            "end": end,
        }
    week = reverse("manage-room-week", kwargs={"pk": data["room"].pk})
    day = timezone.localdate(clash.starts_at).isoformat()
    return JsonResponse({"available": False, "message": message, "week_url": f"{week}?start={day}"})
