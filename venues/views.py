"""Public venue pages (a venue's own page, with its upcoming events, is in events/views.py)."""

from django.shortcuts import render

from venues import selectors


def venue_list(request):
    return render(request, "venues/venue_list.html", {"venues": selectors.venue_list()})
