import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.filters import StrictFilterSet
from events.models import Event, EventKind, EventStatus
from organizations.models import Organization
from organizations.selectors import managed_organizations
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


class ManageEventFilter(StrictFilterSet):
    """The organizer console's event list: every status, by period, only the user's organizations.

    Pass `request`: the organization choices are limited to the organizations the user runs.
    """

    PERIODS = (("upcoming", _("Upcoming")), ("past", _("Past")), ("all", _("All dates")))

    search = django_filters.CharFilter(method="filter_search", label=_("Search"))
    status = django_filters.ChoiceFilter(choices=EventStatus.choices, label=_("Status"))
    kind = django_filters.ChoiceFilter(choices=EventKind.choices, label=_("Kind"))
    organization = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.none(), label=_("Organization")
    )
    period = django_filters.ChoiceFilter(
        choices=PERIODS, method="filter_period", label=_("When"), empty_label=None
    )

    class Meta:
        model = Event
        fields = ["search", "status", "kind", "organization", "period"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self.request, "user", None)
        self.filters["organization"].queryset = managed_organizations(user)

    filter_search = EventFilter.filter_search

    def filter_period(self, queryset, name, value):
        """Upcoming: not ended yet, soonest first; past: ended, latest first."""
        now = timezone.now()
        if value == "upcoming":
            return queryset.filter(ends_at__gte=now).order_by("starts_at", "id")
        if value == "past":
            return queryset.filter(ends_at__lt=now).order_by("-starts_at", "-id")
        return queryset.order_by("-starts_at", "-id")
