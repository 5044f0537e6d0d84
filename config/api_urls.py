"""Every endpoint under /api/v1/."""

from django.urls import path

from accreditation import api as accreditation_api
from checkin import api as badge_api
from common.auth_views import TokenView
from events import api as events_api
from press import api as press_api
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
    path(
        "journalists/me/", accreditation_api.JournalistMeApi.as_view(), name="api-journalist-me"
    ),
    path(
        "journalists/me/export/",
        accreditation_api.JournalistMeExportApi.as_view(),
        name="api-journalist-me-export",
    ),
    path(
        "journalists/me/calendar-token/",
        accreditation_api.JournalistCalendarTokenApi.as_view(),
        name="api-journalist-calendar-token",
    ),
    path("journalists/", accreditation_api.JournalistListApi.as_view(), name="api-journalist-list"),
    path(
        "journalists/<int:pk>/",
        accreditation_api.JournalistDetailApi.as_view(),
        name="api-journalist-detail",
    ),
    path("outlets/", accreditation_api.OutletListApi.as_view(), name="api-outlet-list"),
    path(
        "outlets/<int:pk>/merge/",
        accreditation_api.OutletMergeApi.as_view(),
        name="api-outlet-merge",
    ),
    path(
        "accreditations/",
        accreditation_api.AccreditationListApi.as_view(),
        name="api-accreditation-list",
    ),
    path(
        "accreditations/bulk/",
        accreditation_api.AccreditationBulkApi.as_view(),
        name="api-accreditation-bulk",
    ),
    path(
        "accreditations/<int:pk>/",
        accreditation_api.AccreditationDetailApi.as_view(),
        name="api-accreditation-detail",
    ),
    path(
        "accreditations/<int:pk>/approve/",
        accreditation_api.AccreditationApproveApi.as_view(),
        name="api-accreditation-approve",
    ),
    path(
        "accreditations/<int:pk>/waitlist/",
        accreditation_api.AccreditationWaitlistApi.as_view(),
        name="api-accreditation-waitlist",
    ),
    path(
        "accreditations/<int:pk>/reject/",
        accreditation_api.AccreditationRejectApi.as_view(),
        name="api-accreditation-reject",
    ),
    path(
        "accreditations/<int:pk>/revoke/",
        accreditation_api.AccreditationRevokeApi.as_view(),
        name="api-accreditation-revoke",
    ),
    path(
        "accreditations/<int:pk>/cancel/",
        accreditation_api.AccreditationCancelApi.as_view(),
        name="api-accreditation-cancel",
    ),
    path(
        "events/<int:pk>/accreditations/promote/",
        accreditation_api.EventPromoteApi.as_view(),
        name="api-event-accreditation-promote",
    ),
    path("press-releases/", press_api.PressReleaseListApi.as_view(), name="api-press-release-list"),
    path(
        "press-releases/<int:pk>/",
        press_api.PressReleaseDetailApi.as_view(),
        name="api-press-release-detail",
    ),
    path(
        "press-releases/<int:pk>/attachments/",
        press_api.PressReleaseAttachmentsApi.as_view(),
        name="api-press-release-attachments",
    ),
    path(
        "press-attachments/<int:pk>/",
        press_api.PressAttachmentApi.as_view(),
        name="api-press-attachment",
    ),
    path("events/<int:pk>/press-kit/", press_api.PressKitApi.as_view(), name="api-event-press-kit"),
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
