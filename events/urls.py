"""Public event pages and calendars."""

from django.urls import path

from events import calendar_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("events/", views.event_list, name="event-list"),
    path("events/<slug:slug>/", views.event_detail, name="event-detail"),
    path("events/<slug:slug>/calendar.ics", calendar_views.event_calendar, name="event-calendar"),
    path("venues/<slug:slug>/", views.venue_detail, name="venue-detail"),
    path("calendar.ics", calendar_views.public_calendar, name="calendar-feed"),
]
