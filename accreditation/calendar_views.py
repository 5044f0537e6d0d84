"""The personal calendar feed at a secret URL."""

from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from accreditation import ical, selectors
from accreditation.models import JournalistProfile
from events.calendar_views import _calendar_response, _language_error


@require_safe
def personal_calendar(request, token):
    """A journalist's own feed at a secret URL; a wrong or reset token answers 404."""
    if error := _language_error(request):
        return error
    profile = get_object_or_404(JournalistProfile, calendar_token=token)
    language = request.GET.get("lang") or profile.preferred_language
    accreditations = selectors.personal_calendar_accreditations(profile)
    body = ical.personal_feed(profile, language=language, accreditations=accreditations)
    return _calendar_response(
        request,
        body,
        last_modified=selectors.personal_calendar_last_change(profile),
        filename="my-calendar.ics",
        private=True,
    )
