"""Organizations under /api/v1/."""

from django.urls import path

from organizations import api

urlpatterns = [
    path("organizations/", api.OrganizationListApi.as_view(), name="api-organization-list"),
    path(
        "organizations/<int:pk>/",
        api.OrganizationDetailApi.as_view(),
        name="api-organization-detail",
    ),
]
