from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accreditation import badge_views
from accreditation import urls as accreditation_urls
from common import auth_views
from common import views as config_views
from console import badge_views as console_views
from events import calendar_views
from events import views as event_views
from press import views as press_views
from venues import views as venue_views

urlpatterns = [
    path("", event_views.home, name="home"),
    path("events/", event_views.event_list, name="event-list"),
    path("events/<slug:slug>/", event_views.event_detail, name="event-detail"),
    path("events/<slug:slug>/press-kit.pdf", press_views.press_kit_pdf, name="press-kit-pdf"),
    path("events/<slug:slug>/press/", press_views.press_desk, name="press-desk"),
    path(
        "events/<slug:slug>/press/new/",
        press_views.press_release_edit,
        name="press-release-create",
    ),
    path(
        "events/<slug:slug>/press/<int:pk>/",
        press_views.press_release_detail,
        name="press-release-detail",
    ),
    path(
        "events/<slug:slug>/press/<int:pk>/edit/",
        press_views.press_release_edit,
        name="press-release-edit",
    ),
    path(
        "events/<slug:slug>/press/<int:pk>/delete/",
        press_views.press_release_delete,
        name="press-release-delete",
    ),
    path(
        "events/<slug:slug>/press/contacts/<int:pk>/delete/",
        press_views.media_contact_delete,
        name="media-contact-delete",
    ),
    path(
        "press/attachments/<int:pk>/",
        press_views.press_attachment_download,
        name="press-attachment-download",
    ),
    path("venues/", venue_views.venue_list, name="venue-list"),
    path("venues/<slug:slug>/", venue_views.venue_detail, name="venue-detail"),
    path("manage/", include("console.urls")),
    path("language/", config_views.set_language, name="set-language"),
    path("media/<path:path>", config_views.public_media, name="public-media"),
    path("accounts/", include(accreditation_urls.account_patterns)),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("config.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]

urlpatterns += [
    path("events/<slug:slug>/calendar.ics", calendar_views.event_calendar, name="event-calendar"),
    path("calendar.ics", calendar_views.public_calendar, name="calendar-feed"),
    path("calendar/<str:token>.ics", calendar_views.personal_calendar, name="personal-calendar"),
    path("", include(accreditation_urls)),
]

# Badges and check-in pages (accreditation/badge_views.py).
urlpatterns += [
    path("desk/<slug:slug>/", badge_views.desk, name="desk"),
    path("desk/<slug:slug>/walk-in/", console_views.walk_in, name="desk-walk-in"),
    path("me/accreditations/<int:pk>/badge/", badge_views.my_badge, name="my-badge"),
    path("me/accreditations/<int:pk>/badge.pdf", badge_views.my_badge_pdf, name="my-badge-pdf"),
]
