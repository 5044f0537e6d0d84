from rest_framework import serializers

from events.models import AgendaItem, Event, Speaker


class SpeakerSerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = [
            "id",
            "organization",
            "name",
            "position",
            "position_en",
            "affiliation",
            "affiliation_en",
            "bio",
            "bio_en",
            "photo",
        ]
        read_only_fields = ["photo"]


class AgendaItemSerializer(serializers.ModelSerializer):
    speakers = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = AgendaItem
        fields = [
            "id",
            "starts_at",
            "ends_at",
            "title",
            "title_en",
            "description",
            "description_en",
            "room",
            "speakers",
        ]


class AgendaItemWriteSerializer(serializers.ModelSerializer):
    speakers = serializers.PrimaryKeyRelatedField(
        many=True, queryset=Speaker.objects.all(), required=False
    )

    class Meta:
        model = AgendaItem
        fields = [
            "starts_at",
            "ends_at",
            "title",
            "title_en",
            "description",
            "description_en",
            "room",
            "speakers",
        ]


class EventSerializer(serializers.ModelSerializer):
    venue = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    speakers = serializers.PrimaryKeyRelatedField(
        many=True, queryset=Speaker.objects.all(), required=False
    )

    class Meta:
        model = Event
        fields = [
            "id",
            "slug",
            "title",
            "title_en",
            "summary",
            "summary_en",
            "description",
            "description_en",
            "kind",
            "status",
            "starts_at",
            "ends_at",
            "room",
            "venue",
            "organization",
            "online_url",
            "contact_name",
            "contact_phone",
            "contact_email",
            "press_capacity",
            "accreditation_opens_at",
            "accreditation_closes_at",
            "allow_walk_ins",
            "cancellation_reason",
            "speakers",
            "sequence",
            "url",
        ]
        # The status (and its reason) change only through POST .../status/, which follows the
        # state machine and tells journalists; an event is created as a draft.
        read_only_fields = ["sequence", "status", "cancellation_reason"]
        extra_kwargs = {"slug": {"required": False}}

    def get_venue(self, event) -> int | None:
        return event.room.venue_id if event.room_id else None

    def get_url(self, event) -> str:
        return self.context["request"].build_absolute_uri(event.get_absolute_url())


class EventListSerializer(EventSerializer):
    """The list shows speakers only on the detail, keeping the list at a constant query count."""

    class Meta(EventSerializer.Meta):
        fields = [f for f in EventSerializer.Meta.fields if f != "speakers"]


class EventDetailSerializer(EventSerializer):
    agenda = AgendaItemSerializer(source="agenda_items", many=True, read_only=True)
    speakers_detail = SpeakerSerializer(source="speakers", many=True, read_only=True)

    class Meta(EventSerializer.Meta):
        fields = [*EventSerializer.Meta.fields, "agenda", "speakers_detail"]


class EventStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["published", "postponed", "cancelled"])
    reason = serializers.CharField(required=False, allow_blank=True, max_length=2000)
