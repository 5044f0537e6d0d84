import django_filters

from venues.models import Room, RoomFeature


class RoomFilter(django_filters.FilterSet):
    venue = django_filters.NumberFilter(field_name="venue_id")
    min_capacity = django_filters.NumberFilter(
        field_name="capacity", lookup_expr="gte", min_value=0
    )
    feature = django_filters.MultipleChoiceFilter(
        choices=RoomFeature.choices, method="filter_feature"
    )

    class Meta:
        model = Room
        fields = ["venue", "min_capacity", "feature"]

    def filter_feature(self, queryset, name, value):
        """Rooms that have every feature asked for."""
        for feature in value:
            queryset = queryset.filter(**{Room.FEATURE_FIELDS[RoomFeature(feature)]: True})
        return queryset
