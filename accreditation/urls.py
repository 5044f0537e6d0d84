"""HTML routes: accounts (before Django's own auth URLs), the portal, badges, files, feed."""

from django.contrib.auth import views as auth_views
from django.urls import path

from accreditation import badge_views, calendar_views, views
from accreditation.forms import BackgroundPasswordResetForm

account_patterns = [
    path("signup/", views.sign_up, name="signup"),
    path("verify/<str:token>/", views.verify_email, name="verify-email"),
    path("verify-again/", views.resend_verification, name="resend-verification"),
    # Django's view, with the e-mail sent in the background instead of during the request.
    path(
        "password_reset/",
        auth_views.PasswordResetView.as_view(form_class=BackgroundPasswordResetForm),
        name="password_reset",
    ),
]

urlpatterns = [
    path("me/", views.my_profile, name="my-profile"),
    path("me/accreditations/", views.my_accreditations, name="my-accreditations"),
    path(
        "me/accreditations/<int:pk>/cancel/",
        views.cancel_accreditation,
        name="accreditation-cancel",
    ),
    path("me/data.json", views.my_data_export, name="my-data-export"),
    path("me/delete/", views.my_delete, name="my-delete"),
    path("me/calendar-token/", views.my_calendar_token_reset, name="my-calendar-token"),
    path(
        "events/<slug:slug>/accreditation/",
        views.request_accreditation,
        name="accreditation-request",
    ),
    path("accreditation/photos/<int:pk>/", views.journalist_photo, name="journalist-photo"),
    path(
        "accreditation/letters/<int:pk>/", views.accreditation_letter, name="accreditation-letter"
    ),
    path("me/accreditations/<int:pk>/badge/", badge_views.my_badge, name="my-badge"),
    path("me/accreditations/<int:pk>/badge.pdf", badge_views.my_badge_pdf, name="my-badge-pdf"),
    path("calendar/<str:token>.ics", calendar_views.personal_calendar, name="personal-calendar"),
]
