"""API authentication under /api/v1/."""

from django.urls import path

from common.auth_views import TokenView

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
]
