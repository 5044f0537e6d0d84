from django.utils import timezone
from rest_framework import serializers

from common.richtext import to_html
from events.models import Event
from press.models import PressRelease, PressReleaseAttachment


class PressAttachmentSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="original_name", read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = PressReleaseAttachment
        fields = ["id", "name", "kind", "content_type", "size", "url", "created_at"]
        read_only_fields = fields

    def get_url(self, attachment) -> str:
        return self.context["request"].build_absolute_uri(attachment.get_absolute_url())


class PressReleaseSerializer(serializers.ModelSerializer):
    """A release as its reader sees it; `embargoed` is computed at the time of the request."""

    body_html = serializers.SerializerMethodField()
    embargoed = serializers.SerializerMethodField()
    embargo_label = serializers.SerializerMethodField()
    attachments = PressAttachmentSerializer(many=True, read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = PressRelease
        fields = [
            "id",
            "event",
            "title",
            "body",
            "body_html",
            "language",
            "audience",
            "embargo_until",
            "embargoed",
            "embargo_label",
            "attachments",
            "url",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def _now(self):
        return self.context.get("now") or timezone.now()

    def get_body_html(self, release) -> str:
        return to_html(release.body)

    def get_embargoed(self, release) -> bool:
        return release.is_embargoed(self._now())

    def get_embargo_label(self, release) -> str:
        return release.embargo_label() if release.is_embargoed(self._now()) else ""

    def get_url(self, release) -> str:
        return self.context["request"].build_absolute_uri(release.get_absolute_url())


class PressReleaseWriteSerializer(serializers.ModelSerializer):
    event = serializers.PrimaryKeyRelatedField(queryset=Event.objects.all())
    attachments = serializers.ListField(
        child=serializers.FileField(allow_empty_file=True), required=False, write_only=True
    )

    class Meta:
        model = PressRelease
        fields = ["event", "title", "body", "language", "audience", "embargo_until", "attachments"]


class PressReleaseUpdateSerializer(serializers.ModelSerializer):
    """Changes to a release; its event stays what it was."""

    class Meta:
        model = PressRelease
        fields = ["title", "body", "language", "audience", "embargo_until"]


class PressAttachmentUploadSerializer(serializers.Serializer):
    files = serializers.ListField(
        child=serializers.FileField(allow_empty_file=True), allow_empty=False
    )
