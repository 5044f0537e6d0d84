import django_filters
from django.utils.translation import gettext_lazy as _

from accreditation.models import (
    Accreditation,
    AccreditationStatus,
    JournalistProfile,
    JournalistRole,
    MediaOutlet,
)
from common.filters import StrictFilterSet
from events.models import Event


class AccreditationFilter(StrictFilterSet):
    """Used by the API list and by the organizer's review page."""

    event = django_filters.ModelChoiceFilter(queryset=Event.objects.all(), label=_("Event"))
    status = django_filters.ChoiceFilter(
        choices=AccreditationStatus.choices, label=_("State"), empty_label=_("all")
    )
    category = django_filters.ChoiceFilter(
        choices=JournalistRole.choices, label=_("Category"), empty_label=_("all")
    )
    outlet = django_filters.ModelChoiceFilter(
        field_name="journalist__outlet",
        queryset=MediaOutlet.objects.all(),
        label=_("Outlet"),
        empty_label=_("all"),
    )

    class Meta:
        model = Accreditation
        fields = ["event", "status", "category", "outlet"]


class ReviewFilter(AccreditationFilter):
    """The review page is already one event's: the event filter would only confuse."""

    class Meta(AccreditationFilter.Meta):
        fields = ["status", "category", "outlet"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters.pop("event")


class JournalistFilter(StrictFilterSet):
    outlet = django_filters.ModelChoiceFilter(queryset=MediaOutlet.objects.all())
    role = django_filters.ChoiceFilter(choices=JournalistRole.choices)
    event = django_filters.ModelChoiceFilter(
        field_name="accreditations__event", queryset=Event.objects.all(), distinct=True
    )

    class Meta:
        model = JournalistProfile
        fields = ["outlet", "role", "event"]
