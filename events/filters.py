import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from config.filters import StrictFilterSet
from events.models import Event, EventKind, EventStatus, Organization
from venues.models import Room, Venue


class EventFilter(StrictFilterSet):
    kind = django_filters.ChoiceFilter(choices=EventKind.choices, label=_("Kind"))
    status = django_filters.ChoiceFilter(choices=EventStatus.choices, label=_("Status"))
    venue = django_filters.ModelChoiceFilter(
        field_name="room__venue", queryset=Venue.objects.all(), label=_("Venue")
    )
    room = django_filters.ModelChoiceFilter(
        queryset=Room.objects.select_related("venue"), label=_("Room")
    )
    organization = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.all(), label=_("Organization")
    )
    starts_after = django_filters.IsoDateTimeFilter(
        field_name="starts_at", lookup_expr="gte", label=_("Starts after")
    )
    starts_before = django_filters.IsoDateTimeFilter(
        field_name="starts_at", lookup_expr="lt", label=_("Starts before")
    )
    search = django_filters.CharFilter(method="filter_search", label=_("Search"))

    class Meta:
        model = Event
        fields = [
            "kind",
            "status",
            "venue",
            "room",
            "organization",
            "starts_after",
            "starts_before",
            "search",
        ]

    def filter_search(self, queryset, name, value):
        """Words in the title, summary or organizer name, in either language."""
        for word in value.split():
            queryset = queryset.filter(
                Q(title__icontains=word)
                | Q(title_en__icontains=word)
                | Q(summary__icontains=word)
                | Q(summary_en__icontains=word)
                | Q(organization__name__icontains=word)
            )
        return queryset


class EventPageFilter(EventFilter):
    """The public list page: dates from date pickers rather than full timestamps."""

    starts_after = django_filters.DateFilter(
        field_name="starts_at",
        lookup_expr="date__gte",
        label=_("From"),
        widget=django_filters.widgets.forms.DateInput(attrs={"type": "date"}),
    )
    starts_before = django_filters.DateFilter(
        field_name="starts_at",
        lookup_expr="date__lte",
        label=_("To"),
        widget=django_filters.widgets.forms.DateInput(attrs={"type": "date"}),
    )
