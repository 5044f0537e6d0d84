"""Site-wide routes no app owns: language switch, public media, log-in."""

from django.urls import path

from common import auth_views, views

urlpatterns = [
    path("language/", views.set_language, name="set-language"),
    path("media/<path:path>", views.public_media, name="public-media"),
]

# Mounted under accounts/ before Django's own auth URLs, so this log-in view wins.
account_patterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
]
