"""Log-in limits, token throttling, password hashing, deploy settings."""

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.test import override_settings

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_login_page_answers_429_after_repeated_failures(client, organizer):
    for _ in range(3):
        response = client.post("/accounts/login/", {"username": "organizer", "password": "wrong"})
        assert response.status_code == 200
    blocked = client.post(
        "/accounts/login/", {"username": "organizer", "password": "correct horse battery"}
    )
    assert blocked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_login_page_logs_in_with_the_right_password(client, organizer):
    response = client.post(
        "/accounts/login/", {"username": "organizer", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(organizer.pk)


@override_settings(LOGIN_FAILURE_LIMIT=2)
def test_token_endpoint_locks_after_failures_with_a_clear_429(api_client, organizer):
    for _ in range(2):
        assert (
            api_client.post(
                "/api/v1/auth/token/", {"username": "organizer", "password": "x"}, format="json"
            ).status_code
            == 400
        )
    response = api_client.post(
        "/api/v1/auth/token/",
        {"username": "organizer", "password": "correct horse battery"},
        format="json",
    )
    assert response.status_code == 429
    assert response.json()["code"] == "throttled"


def test_new_passwords_are_hashed_with_argon2(settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    user = UserFactory()
    user.set_password("a long passphrase")
    assert identify_hasher(user.password).algorithm == "argon2"


def test_pages_carry_a_content_security_policy_without_inline_scripts(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_api_docs_page_works_under_the_policy(client):
    html = client.get("/api/docs/").content.decode()
    assert "<script>" not in html.replace(" ", "")


def test_no_template_has_inline_scripts_styles_or_event_handlers():
    """The CSP forbids them, so a page using one would silently break in the browser."""
    import re
    from pathlib import Path

    offenders = []
    for path in Path("templates").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text):
            offenders.append(f"{path}: inline <script>")
        if re.search(r"\sstyle=\"", text) or "<style" in text:
            offenders.append(f"{path}: inline style")
        if re.search(r"\son[a-z]+=\"", text):
            offenders.append(f"{path}: inline event handler")
    assert offenders == []


def test_public_media_serves_covers_but_never_private_uploads(client, settings, tmp_path):
    (tmp_path / "media" / "events" / "covers").mkdir(parents=True)
    (tmp_path / "media" / "events" / "covers" / "a.jpg").write_bytes(b"\xff\xd8cover")
    (tmp_path / "media" / "private" / "photos").mkdir(parents=True)
    (tmp_path / "media" / "private" / "photos" / "p.jpg").write_bytes(b"\xff\xd8secret")
    response = client.get("/media/events/covers/a.jpg")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\xff\xd8cover"
    assert client.get("/media/private/photos/p.jpg").status_code == 404
    assert client.get("/media/events/covers/../../private/photos/p.jpg").status_code == 404
    assert client.get("/media/").status_code == 404


@override_settings(SIGNUP_LIMIT_PER_HOUR=2)
def test_sign_up_answers_429_after_too_many_from_one_address(client):
    for n in range(2):
        client.post("/accounts/signup/", {"email": f"x{n}@example.org"})
    response = client.post("/accounts/signup/", {"email": "x9@example.org"})
    assert response.status_code == 429


def test_check_in_endpoint_is_throttled_per_desk_user(settings, api_client_for, event):
    from rest_framework.settings import api_settings
    from rest_framework.throttling import ScopedRateThrottle

    rates = dict(api_settings.DEFAULT_THROTTLE_RATES, checkin="2/min")
    original = ScopedRateThrottle.THROTTLE_RATES
    ScopedRateThrottle.THROTTLE_RATES = rates
    try:
        client = api_client_for("front_desk")
        body = {"code": "PC1AAAAAAAAAAAAAAAAAAAAAAAAAA", "event": event.pk, "desk": "Bàn 1"}
        statuses = [
            client.post("/api/v1/checkins/", body, format="json").status_code for _ in range(3)
        ]
    finally:
        ScopedRateThrottle.THROTTLE_RATES = original
    assert statuses == [200, 200, 429]
