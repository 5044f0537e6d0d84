"""Public venue pages."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from events import selectors
from venues.models import Venue


def venue_list(request):
    return render(request, "venues/venue_list.html", {"venues": selectors.venue_list()})


def venue_detail(request, slug):
    try:
        venue = selectors.venue_with_upcoming_events(slug, now=timezone.now())
    except Venue.DoesNotExist:
        raise Http404 from None
    return render(request, "venues/venue_detail.html", {"venue": venue})
