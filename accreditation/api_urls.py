"""Journalists, outlets, accreditation requests and badges under /api/v1/."""

from django.urls import path

from accreditation import api, badge_api

urlpatterns = [
    path("journalists/me/", api.JournalistMeApi.as_view(), name="api-journalist-me"),
    path(
        "journalists/me/export/",
        api.JournalistMeExportApi.as_view(),
        name="api-journalist-me-export",
    ),
    path(
        "journalists/me/calendar-token/",
        api.JournalistCalendarTokenApi.as_view(),
        name="api-journalist-calendar-token",
    ),
    path("journalists/", api.JournalistListApi.as_view(), name="api-journalist-list"),
    path(
        "journalists/<int:pk>/",
        api.JournalistDetailApi.as_view(),
        name="api-journalist-detail",
    ),
    path("outlets/", api.OutletListApi.as_view(), name="api-outlet-list"),
    path(
        "outlets/<int:pk>/merge/",
        api.OutletMergeApi.as_view(),
        name="api-outlet-merge",
    ),
    path(
        "accreditations/",
        api.AccreditationListApi.as_view(),
        name="api-accreditation-list",
    ),
    path(
        "accreditations/bulk/",
        api.AccreditationBulkApi.as_view(),
        name="api-accreditation-bulk",
    ),
    path(
        "accreditations/<int:pk>/",
        api.AccreditationDetailApi.as_view(),
        name="api-accreditation-detail",
    ),
    path(
        "accreditations/<int:pk>/approve/",
        api.AccreditationApproveApi.as_view(),
        name="api-accreditation-approve",
    ),
    path(
        "accreditations/<int:pk>/waitlist/",
        api.AccreditationWaitlistApi.as_view(),
        name="api-accreditation-waitlist",
    ),
    path(
        "accreditations/<int:pk>/reject/",
        api.AccreditationRejectApi.as_view(),
        name="api-accreditation-reject",
    ),
    path(
        "accreditations/<int:pk>/revoke/",
        api.AccreditationRevokeApi.as_view(),
        name="api-accreditation-revoke",
    ),
    path(
        "accreditations/<int:pk>/cancel/",
        api.AccreditationCancelApi.as_view(),
        name="api-accreditation-cancel",
    ),
    path(
        "events/<int:pk>/accreditations/promote/",
        api.EventPromoteApi.as_view(),
        name="api-event-accreditation-promote",
    ),
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
]
