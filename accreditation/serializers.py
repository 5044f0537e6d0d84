from rest_framework import serializers

from accreditation import selectors
from accreditation.models import (
    Accreditation,
    JournalistProfile,
    JournalistRole,
    MediaOutlet,
)
from accreditation.permissions import can_download_badge
from accreditation.services import PROFILE_FIELDS
from events.models import Event


class OutletSerializer(serializers.ModelSerializer):
    class Meta:
        model = MediaOutlet
        fields = ["id", "name", "kind", "country", "website", "verified"]
        read_only_fields = ["verified"]


class OutletMergeSerializer(serializers.Serializer):
    into = serializers.PrimaryKeyRelatedField(queryset=MediaOutlet.objects.all())


class JournalistSerializer(serializers.ModelSerializer):
    outlet_name = serializers.CharField(
        source="outlet.name", default=None, read_only=True, allow_null=True
    )
    photo_url = serializers.SerializerMethodField()
    email_verified = serializers.SerializerMethodField()

    class Meta:
        model = JournalistProfile
        fields = [
            "id",
            "full_name",
            "email",
            "phone",
            "nationality",
            "outlet",
            "outlet_name",
            "role",
            "press_card_number",
            "press_card_expiry",
            "foreign_permit_number",
            "preferred_language",
            "photo_url",
            "email_verified",
        ]
        read_only_fields = fields

    def get_photo_url(self, profile) -> str:
        url = selectors.photo_url(profile)
        request = self.context.get("request")
        return request.build_absolute_uri(url) if url and request else url

    def get_email_verified(self, profile) -> bool:
        return profile.email_verified_at is not None


class JournalistMeSerializer(JournalistSerializer):
    calendar_url = serializers.SerializerMethodField()

    class Meta(JournalistSerializer.Meta):
        fields = [*JournalistSerializer.Meta.fields, "calendar_url"]
        read_only_fields = fields

    def get_calendar_url(self, profile) -> str:
        return selectors.personal_calendar_url(profile)


class JournalistUpdateSerializer(serializers.ModelSerializer):
    """What a journalist may correct about themselves (PATCH; all fields optional)."""

    photo = serializers.FileField(required=False, write_only=True)
    remove_photo = serializers.BooleanField(required=False, write_only=True)
    outlet = serializers.PrimaryKeyRelatedField(
        queryset=MediaOutlet.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = JournalistProfile
        fields = [
            *PROFILE_FIELDS,
            "photo",
            "remove_photo",
        ]


class JournalistRegisterSerializer(serializers.Serializer):
    """An organizer registers a walk-in: `outlet` (id) or `outlet_name` for an unknown one."""

    full_name = serializers.CharField(max_length=200)
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    nationality = serializers.CharField(max_length=2, required=False, default="VN")
    outlet = serializers.PrimaryKeyRelatedField(
        queryset=MediaOutlet.objects.all(), required=False, allow_null=True
    )
    outlet_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    role = serializers.ChoiceField(choices=JournalistRole.choices, default=JournalistRole.WRITER)
    press_card_number = serializers.CharField(
        max_length=40, required=False, allow_blank=True, default=""
    )
    press_card_expiry = serializers.DateField(required=False, allow_null=True, default=None)
    foreign_permit_number = serializers.CharField(
        max_length=40, required=False, allow_blank=True, default=""
    )
    organization = serializers.IntegerField(required=False, min_value=1, max_value=2**63 - 1)

    def validate_nationality(self, value):
        return value.strip().upper()


class AccreditationSerializer(serializers.ModelSerializer):
    event_title = serializers.CharField(source="event.title", read_only=True)
    journalist_name = serializers.CharField(source="journalist.full_name", read_only=True)
    outlet = serializers.IntegerField(
        source="journalist.outlet_id", read_only=True, allow_null=True
    )
    outlet_name = serializers.CharField(
        source="journalist.outlet.name", default=None, read_only=True, allow_null=True
    )
    letter_url = serializers.SerializerMethodField()
    code = serializers.SerializerMethodField(
        help_text="The badge's QR code content; only for the journalist and the event's organizers."
    )

    class Meta:
        model = Accreditation
        fields = [
            "id",
            "event",
            "event_title",
            "journalist",
            "journalist_name",
            "outlet",
            "outlet_name",
            "category",
            "status",
            "status_reason",
            "note",
            "letter_url",
            "decided_at",
            "created_at",
            "code",
        ]
        read_only_fields = fields

    def get_code(self, accreditation) -> str | None:
        request = self.context.get("request")
        if request is None or not can_download_badge(request.user, accreditation):
            return None
        badge = selectors.active_badge(accreditation)
        return badge.code if badge else None

    def get_letter_url(self, accreditation) -> str:
        url = selectors.letter_url(accreditation)
        request = self.context.get("request")
        return request.build_absolute_uri(url) if url and request else url


class AccreditationCreateSerializer(serializers.Serializer):
    event = serializers.PrimaryKeyRelatedField(queryset=Event.objects.all())
    category = serializers.ChoiceField(choices=JournalistRole.choices, required=False)
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    assignment_letter = serializers.FileField(required=False)
    journalist = serializers.PrimaryKeyRelatedField(
        queryset=JournalistProfile.objects.all(), required=False
    )


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class ApproveSerializer(serializers.Serializer):
    waitlist_if_full = serializers.BooleanField(required=False, default=False)


class BulkSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=["approve", "waitlist", "reject"])
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1),
        min_length=1,
        max_length=500,
    )
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")
    waitlist_if_full = serializers.BooleanField(required=False, default=False)


class BulkResultSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    ok = serializers.BooleanField()
    status = serializers.CharField()
    code = serializers.CharField()
    detail = serializers.CharField()


class BulkResponseSerializer(serializers.Serializer):
    results = BulkResultSerializer(many=True)
