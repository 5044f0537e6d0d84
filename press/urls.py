"""Press releases, attachments and press kits (pages)."""

from django.urls import path

from press import views

urlpatterns = [
    path("events/<slug:slug>/press-kit.pdf", views.press_kit_pdf, name="press-kit-pdf"),
    path("events/<slug:slug>/press/", views.press_desk, name="press-desk"),
    path("events/<slug:slug>/press/new/", views.press_release_edit, name="press-release-create"),
    path(
        "events/<slug:slug>/press/<int:pk>/",
        views.press_release_detail,
        name="press-release-detail",
    ),
    path(
        "events/<slug:slug>/press/<int:pk>/edit/",
        views.press_release_edit,
        name="press-release-edit",
    ),
    path(
        "events/<slug:slug>/press/<int:pk>/delete/",
        views.press_release_delete,
        name="press-release-delete",
    ),
    path(
        "events/<slug:slug>/press/contacts/<int:pk>/delete/",
        views.media_contact_delete,
        name="media-contact-delete",
    ),
    path(
        "press/attachments/<int:pk>/",
        views.press_attachment_download,
        name="press-attachment-download",
    ),
]
