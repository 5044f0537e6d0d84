"""Press releases, attachments and press kits under /api/v1/."""

from django.urls import path

from press import api

urlpatterns = [
    path("press-releases/", api.PressReleaseListApi.as_view(), name="api-press-release-list"),
    path(
        "press-releases/<int:pk>/",
        api.PressReleaseDetailApi.as_view(),
        name="api-press-release-detail",
    ),
    path(
        "press-releases/<int:pk>/attachments/",
        api.PressReleaseAttachmentsApi.as_view(),
        name="api-press-release-attachments",
    ),
    path(
        "press-attachments/<int:pk>/",
        api.PressAttachmentApi.as_view(),
        name="api-press-attachment",
    ),
    path("events/<int:pk>/press-kit/", api.PressKitApi.as_view(), name="api-event-press-kit"),
]
