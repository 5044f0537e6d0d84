"""Public pages: home, event list, event detail and a venue with its upcoming events."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from events import selectors
from events.filters import EventPageFilter
from events.models import EventStatus
from venues.models import Venue


def home(request):
    return render(
        request,
        "events/home.html",
        {
            "upcoming": selectors.upcoming_public_events(limit=6),
        },
    )


def event_list(request):
    events = selectors.events_visible_to(request.user)
    if not request.GET.get("starts_after") and "past" not in request.GET:
        events = events.upcoming(timezone.now())
    data = request.GET.copy()
    data.pop("past", None)
    event_filter = EventPageFilter(data, queryset=events.order_by("starts_at", "id"))
    status = 200
    if event_filter.is_valid():
        results = event_filter.qs
    else:
        results, status = events.none(), 400
    page = Paginator(results, 20).get_page(request.GET.get("page"))
    query = data.copy()
    query.pop("page", None)
    return render(
        request,
        "events/event_list.html",
        {
            "filter": event_filter,
            "page": page,
            "query_string": query.urlencode(),
            "show_past": "past" in request.GET,
        },
        status=status,
    )


def event_detail(request, slug):
    event = get_object_or_404(selectors.event_detail_queryset(request.user), slug=slug)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "agenda": list(event.agenda_items.all()),
            "speakers": list(event.speakers.all()),
            "is_draft": event.status == EventStatus.DRAFT,
        },
    )


def venue_detail(request, slug):
    """A venue with its rooms and the public events coming up there."""
    try:
        venue = selectors.venue_with_upcoming_events(slug, now=timezone.now())
    except Venue.DoesNotExist:
        raise Http404 from None
    return render(request, "venues/venue_detail.html", {"venue": venue})
