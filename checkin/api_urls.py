"""Scans, the scan list and desk search under /api/v1/."""

from django.urls import path

from checkin import api

urlpatterns = [
    path(
        "events/<int:pk>/desk-search/",
        api.DeskSearchApi.as_view(),
        name="api-event-desk-search",
    ),
    path("checkins/", api.CheckInListApi.as_view(), name="api-checkin-list"),
]
