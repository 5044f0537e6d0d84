"""Site-wide pages: the language switch."""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django.views.static import serve

from common.middleware import SUPPORTED


@require_POST
def set_language(request):
    """Remember the chosen language in a cookie and go back to the page the visitor was on."""
    language = request.POST.get("language", "")
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    if language in SUPPORTED:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response


# Uploads anyone may see; everything else under MEDIA_ROOT (private/…) goes only through
# permission-checked views.
PUBLIC_MEDIA_PREFIXES = ("events/covers/", "speakers/")


def public_media(request, path):
    """Serve event covers and speaker photos; never the private uploads beside them."""
    if not path.startswith(PUBLIC_MEDIA_PREFIXES) or ".." in path.split("/"):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    return response
