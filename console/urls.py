"""The organizer console, mounted at /manage/ by config/urls.py.

Other parts of the console (accreditation review, badges, attendance, press releases) keep
their own routes under /manage/events/<slug>/...; events/manage_views.EVENT_TABS links them.
"""

from django.urls import path

from console import badge_views as desk
from console import event_views as events
from console import review_views
from console import team_views as team
from console import venue_views as venues

urlpatterns = [
    path("", events.dashboard, name="manage-dashboard"),
    path("events/", events.event_list, name="manage-event-list"),
    path("events/new/", events.event_create, name="manage-event-create"),
    path("events/<slug:slug>/", events.event_detail, name="manage-event-detail"),
    path("events/<slug:slug>/edit/", events.event_edit, name="manage-event-edit"),
    path(
        "events/<slug:slug>/status/<str:action>/", events.event_status, name="manage-event-status"
    ),
    path("events/<slug:slug>/duplicate/", events.event_duplicate, name="manage-event-duplicate"),
    path("events/<slug:slug>/delete/", events.event_delete, name="manage-event-delete"),
    path("events/<slug:slug>/agenda/new/", events.agenda_create, name="manage-agenda-create"),
    path("events/<slug:slug>/agenda/<int:pk>/edit/", events.agenda_edit, name="manage-agenda-edit"),
    path(
        "events/<slug:slug>/agenda/<int:pk>/delete/",
        events.agenda_delete,
        name="manage-agenda-delete",
    ),
    path("events/<slug:slug>/speakers/new/", events.speaker_create, name="manage-speaker-create"),
    path("events/<slug:slug>/speakers/add/", events.speaker_attach, name="manage-speaker-attach"),
    path(
        "events/<slug:slug>/speakers/<int:pk>/edit/",
        events.speaker_edit,
        name="manage-speaker-edit",
    ),
    path(
        "events/<slug:slug>/speakers/<int:pk>/remove/",
        events.speaker_remove,
        name="manage-speaker-remove",
    ),
    path("venues/", venues.venue_list, name="manage-venue-list"),
    path("venues/new/", venues.venue_create, name="manage-venue-create"),
    path("venues/<int:pk>/edit/", venues.venue_edit, name="manage-venue-edit"),
    path("rooms/new/", venues.room_create, name="manage-room-create"),
    path("rooms/availability/", venues.room_availability, name="manage-room-availability"),
    path("rooms/<int:pk>/edit/", venues.room_edit, name="manage-room-edit"),
    path("rooms/<int:pk>/week/", venues.room_week, name="manage-room-week"),
    path("team/", team.team, name="manage-team"),
    path("team/<int:pk>/role/", team.team_role, name="manage-team-role"),
    path("team/<int:pk>/remove/", team.team_remove, name="manage-team-remove"),
    path("desk/", desk.desk_home, name="manage-desk-home"),
    path("events/<slug:slug>/badges/", desk.badges, name="manage-event-badges"),
    path("events/<slug:slug>/badges.pdf", desk.badges_pdf, name="manage-event-badges-pdf"),
    path(
        "events/<slug:slug>/badges/<int:pk>/reprint/",
        desk.badge_reprint_view,
        name="manage-badge-reprint",
    ),
    path("events/<slug:slug>/attendance/", desk.attendance, name="manage-event-attendance"),
    path(
        "events/<slug:slug>/attendance.json",
        desk.attendance_json,
        name="manage-event-attendance-json",
    ),
    path(
        "events/<slug:slug>/attendance.csv",
        desk.attendance_export,
        name="manage-event-attendance-csv",
    ),
    path("events/<slug:slug>/accreditations/", review_views.review, name="accreditation-review"),
    path(
        "events/<slug:slug>/accreditations/bulk/",
        review_views.review_bulk,
        name="accreditation-review-bulk",
    ),
    path(
        "events/<slug:slug>/accreditations/promote/",
        review_views.review_promote,
        name="accreditation-review-promote",
    ),
    path(
        "events/<slug:slug>/accreditations/quotas/",
        review_views.review_quotas,
        name="accreditation-review-quotas",
    ),
    path(
        "events/<slug:slug>/accreditations/<int:pk>/<str:action>/",
        review_views.review_action,
        name="accreditation-review-action",
    ),
]
