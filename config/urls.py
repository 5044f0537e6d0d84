from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accreditation import badge_views
from config import auth_views
from config import views as config_views
from events import calendar_views
from events import views as event_views
from venues import views as venue_views

urlpatterns = [
    path("", event_views.home, name="home"),
    path("events/", event_views.event_list, name="event-list"),
    path("events/<slug:slug>/", event_views.event_detail, name="event-detail"),
    path("venues/", venue_views.venue_list, name="venue-list"),
    path("venues/<slug:slug>/", venue_views.venue_detail, name="venue-detail"),
    path("language/", config_views.set_language, name="set-language"),
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
]

# Badges and check-in pages (accreditation/badge_views.py).
urlpatterns += [
    path("desk/<slug:slug>/", badge_views.desk, name="desk"),
    path("me/accreditations/<int:pk>/badge/", badge_views.my_badge, name="my-badge"),
    path("me/accreditations/<int:pk>/badge.pdf", badge_views.my_badge_pdf, name="my-badge-pdf"),
]
