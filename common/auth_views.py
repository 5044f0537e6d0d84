"""Log-in with a limit on failed attempts, for pages and the API token endpoint."""

import hashlib

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render
from django.utils.translation import gettext as _
from rest_framework.authtoken.views import ObtainAuthToken

from common import ratelimit


def _failure_keys(request, username: str) -> list[str]:
    # Hashed: user names are arbitrary text, cache keys must stay short and plain.
    user = hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]
    return [
        f"login-failures:addr:{ratelimit.client_address(request)}",
        f"login-failures:user:{user}",
    ]


def login_blocked(request, username: str) -> bool:
    """Whether this address or this user name used up its failed attempts for now."""
    limit = settings.LOGIN_FAILURE_LIMIT
    return any(ratelimit.count(key) >= limit for key in _failure_keys(request, username))


def record_login_failure(request, username: str) -> None:
    """Count a failed attempt against the address and the user name."""
    for key in _failure_keys(request, username):
        ratelimit.hit(key, window=settings.LOGIN_FAILURE_WINDOW)


class LoginView(auth_views.LoginView):
    """Django's log-in page, answering 429 after too many failures."""

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "")
        if login_blocked(request, username):
            return render(request, "registration/too_many_attempts.html", status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        record_login_failure(self.request, self.request.POST.get("username", ""))
        return super().form_invalid(form)


class TokenView(ObtainAuthToken):
    """`POST /api/v1/auth/token/`: throttled, and locked like the log-in page after failures."""

    throttle_scope = "token"

    def post(self, request, *args, **kwargs):
        from rest_framework.exceptions import Throttled

        username = str(request.data.get("username", "")) if hasattr(request.data, "get") else ""
        if login_blocked(request, username):
            raise Throttled(detail=_("Too many failed log-in attempts. Try again later."))
        serializer = self.get_serializer(data=request.data)
        if not serializer.is_valid():
            record_login_failure(request, username)
        return super().post(request, *args, **kwargs)
