"""Language selection: Vietnamese unless the visitor chose otherwise."""

from django.conf import settings
from django.utils import translation

SUPPORTED = {code for code, _name in settings.LANGUAGES}


def requested_language(request) -> str:
    """`?lang=` wins, then the language cookie set by the switch, then the default (vi).

    The browser's Accept-Language is deliberately ignored: the press center publishes in
    Vietnamese first, and English is a choice the visitor makes with the switch.
    """
    for candidate in (
        request.GET.get("lang"),
        request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME),
    ):
        if candidate in SUPPORTED:
            return candidate
    if request.path.startswith("/api/"):
        # Programs talking to the API say what they want in the standard header.
        header = translation.get_language_from_request(request, check_path=False)
        if request.headers.get("Accept-Language") and header[:2] in SUPPORTED:
            return header[:2]
    return settings.LANGUAGE_CODE


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = requested_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary = response.headers.get("Vary", "")
        if "Cookie" not in patch_vary:
            response.headers["Vary"] = f"{patch_vary}, Cookie" if patch_vary else "Cookie"
        translation.deactivate()
        return response


# Everything is served by us: no CDN, no inline script or style (so injected markup cannot run).
# 'wasm-unsafe-eval' lets the desk page compile its vendored QR decoder; media/blob for the camera.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    """Adds the Content-Security-Policy and a camera-only Permissions-Policy to every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(self), microphone=(), geolocation=(), payment=()"
        )
        return response
