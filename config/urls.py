"""The site's routes: each app owns its own urls.py; this module only includes them."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accreditation.urls import account_patterns as accreditation_account_patterns
from common.urls import account_patterns as common_account_patterns

urlpatterns = [
    path("", include("events.urls")),
    path("", include("press.urls")),
    path("", include("venues.urls")),
    path("manage/", include("console.urls")),
    path("", include("common.urls")),
    path("accounts/", include(accreditation_account_patterns)),
    path("accounts/", include(common_account_patterns)),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("config.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include("accreditation.urls")),
    path("", include("checkin.urls")),
]
