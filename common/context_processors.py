from django.conf import settings


def navigation(request):
    """Values every page needs for its header: the languages offered and the current path."""
    return {
        "available_languages": settings.LANGUAGES,
        "current_path": request.get_full_path(),
    }
