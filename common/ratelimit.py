"""Counting attempts in the cache, for limits that DRF's throttles do not cover (HTML forms)."""

from django.core.cache import cache


def count(key: str) -> int:
    """How many attempts `key` has made within its current window."""
    return cache.get(f"ratelimit:{key}", 0)


def hit(key: str, *, window: int) -> int:
    """Record one attempt for `key`; the window starts at the first attempt. Returns the count."""
    full_key = f"ratelimit:{key}"
    if cache.add(full_key, 1, window):
        return 1
    try:
        return cache.incr(full_key)
    except ValueError:  # expired between add and incr
        cache.set(full_key, 1, window)
        return 1


def client_address(request) -> str:
    # REMOTE_ADDR is the proxy's address behind a proxy; the deployment sets it right
    # (e.g. gunicorn --forwarded-allow-ips) rather than trusting a header anyone can send.
    return request.META.get("REMOTE_ADDR", "")
