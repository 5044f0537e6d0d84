import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from common.filters import StrictFilterSet
from events.models import Event
from press.models import PressAudience, PressRelease


class PressReleaseFilter(StrictFilterSet):
    event = django_filters.ModelChoiceFilter(queryset=Event.objects.all(), label=_("Event"))
    language = django_filters.ChoiceFilter(choices=settings.LANGUAGES, label=_("Language"))
    audience = django_filters.ChoiceFilter(choices=PressAudience.choices, label=_("Audience"))

    class Meta:
        model = PressRelease
        fields = ["event", "language", "audience"]
