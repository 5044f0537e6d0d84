"""Every endpoint under /api/v1/."""

from django.urls import path

from accreditation import badge_api
from config.auth_views import TokenView
from events import api as events_api
from venues import api as venues_api

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("organizations/", events_api.OrganizationListApi.as_view(), name="api-organization-list"),
    path(
        "organizations/<int:pk>/",
        events_api.OrganizationDetailApi.as_view(),
        name="api-organization-detail",
    ),
    path("venues/", venues_api.VenueListApi.as_view(), name="api-venue-list"),
    path("venues/<int:pk>/", venues_api.VenueDetailApi.as_view(), name="api-venue-detail"),
    path("rooms/", venues_api.RoomListApi.as_view(), name="api-room-list"),
    path("rooms/<int:pk>/", venues_api.RoomDetailApi.as_view(), name="api-room-detail"),
    path("events/", events_api.EventListApi.as_view(), name="api-event-list"),
    path("events/<int:pk>/", events_api.EventDetailApi.as_view(), name="api-event-detail"),
    path("events/<int:pk>/status/", events_api.EventStatusApi.as_view(), name="api-event-status"),
    path("events/<int:pk>/agenda/", events_api.AgendaListApi.as_view(), name="api-event-agenda"),
    path(
        "agenda-items/<int:pk>/",
        events_api.AgendaItemDetailApi.as_view(),
        name="api-agenda-item-detail",
    ),
    path("speakers/", events_api.SpeakerListApi.as_view(), name="api-speaker-list"),
    path("speakers/<int:pk>/", events_api.SpeakerDetailApi.as_view(), name="api-speaker-detail"),
]

# Badges and check-in (accreditation/badge_api.py).
urlpatterns += [
    path(
        "accreditations/<int:pk>/badge/",
        badge_api.AccreditationBadgeApi.as_view(),
        name="api-accreditation-badge",
    ),
    path(
        "accreditations/<int:pk>/reprint/",
        badge_api.AccreditationReprintApi.as_view(),
        name="api-accreditation-reprint",
    ),
    path("events/<int:pk>/badges/", badge_api.EventBadgesApi.as_view(), name="api-event-badges"),
    path(
        "events/<int:pk>/desk-search/",
        badge_api.DeskSearchApi.as_view(),
        name="api-event-desk-search",
    ),
    path("checkins/", badge_api.CheckInListApi.as_view(), name="api-checkin-list"),
]
