from rest_framework import serializers

from venues.models import Room, RoomFeature, Venue


class RoomSerializer(serializers.ModelSerializer):
    features = serializers.MultipleChoiceField(choices=RoomFeature.choices, required=False)

    class Meta:
        model = Room
        fields = ["id", "venue", "name", "name_en", "capacity", "features"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["features"] = instance.features
        return data

    def to_internal_value(self, data):
        values = super().to_internal_value(data)
        features = values.pop("features", None)
        if features is not None:
            for feature, field in Room.FEATURE_FIELDS.items():
                values[field] = feature in features
        return values


class RoomBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Room
        fields = ["id", "name", "name_en", "capacity"]


class VenueSerializer(serializers.ModelSerializer):
    rooms = RoomBriefSerializer(many=True, read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Venue
        fields = [
            "id",
            "slug",
            "name",
            "name_en",
            "address",
            "city",
            "latitude",
            "longitude",
            "map_url",
            "contact_phone",
            "contact_email",
            "access_notes",
            "access_notes_en",
            "rooms",
            "url",
        ]
        extra_kwargs = {"slug": {"required": False}}

    def get_url(self, venue) -> str:
        return self.context["request"].build_absolute_uri(venue.get_absolute_url())
