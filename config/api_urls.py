"""Every endpoint under /api/v1/, one include per app."""

from django.urls import include, path

urlpatterns = [
    path("", include("common.api_urls")),
    path("", include("organizations.api_urls")),
    path("", include("venues.api_urls")),
    path("", include("events.api_urls")),
    path("", include("accreditation.api_urls")),
    path("", include("press.api_urls")),
    path("", include("checkin.api_urls")),
]
