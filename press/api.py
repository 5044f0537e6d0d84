"""Press API: releases (list, write, attachments) and the press kit PDF."""

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.response import Response
from rest_framework.views import APIView

from common.api import validated_query
from common.permissions import ReadOnlyOr
from events import selectors
from events.permissions import can_manage_event
from organizations.permissions import is_organizer
from press import selectors as press_selectors
from press import services as press_services
from press.filters import PressReleaseFilter
from press.models import PressRelease, PressReleaseAttachment
from press.serializers import (
    PressAttachmentSerializer,
    PressAttachmentUploadSerializer,
    PressReleaseSerializer,
    PressReleaseUpdateSerializer,
    PressReleaseWriteSerializer,
)
from press.views import KIT_LANGUAGES, attachment_response, kit_language, kit_response


class ReleaseWrites(ReadOnlyOr):
    can_write = staticmethod(is_organizer)
    can_write_object = staticmethod(lambda user, obj: can_manage_event(user, obj.event))


class FilesNotJson(BaseContentNegotiation):
    """Views that answer with a file: errors still come back as JSON, whatever Accept says."""

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class _ReleaseContext:
    def get_serializer_context(self):
        context = super().get_serializer_context()
        # One clock reading per request, so a list never shows one release both ways.
        context.setdefault("now", getattr(self, "_now", None) or timezone.now())
        return context


class PressReleaseListApi(_ReleaseContext, generics.ListCreateAPIView):
    """Releases the requester may read now (filters: event, language, audience)."""

    permission_classes = [ReleaseWrites]
    filterset_class = PressReleaseFilter
    ordering_fields = ["created_at", "embargo_until", "title"]
    ordering = ["-created_at", "-id"]

    def get_serializer_class(self):
        if self.request.method == "POST":
            return PressReleaseWriteSerializer
        return PressReleaseSerializer

    def get_queryset(self):
        self._now = timezone.now()
        return press_selectors.releases_visible_to(self.request.user, now=self._now)

    @extend_schema(request=PressReleaseWriteSerializer, responses={201: PressReleaseSerializer})
    def post(self, request, *args, **kwargs):
        body = PressReleaseWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        event = data.pop("event")
        if not selectors.events_visible_to(request.user).filter(pk=event.pk).exists():
            raise ValidationError({"event": ["Unknown event."]})
        if not can_manage_event(request.user, event):
            raise PermissionDenied("You are not an organizer of this event.")
        release = press_services.press_release_create(
            event=event,
            author=request.user,
            attachments=data.pop("attachments", []),
            **data,
        )
        release = press_selectors.releases_visible_to(request.user).get(pk=release.pk)
        return Response(
            PressReleaseSerializer(release, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )


class PressReleaseDetailApi(_ReleaseContext, generics.RetrieveUpdateDestroyAPIView):
    """One release (404 unless the requester may read it now); organizers change or delete it."""

    permission_classes = [ReleaseWrites]

    def get_queryset(self):
        self._now = timezone.now()
        return press_selectors.releases_visible_to(self.request.user, now=self._now)

    def get_serializer_class(self):
        if self.request.method in ("PUT", "PATCH"):
            return PressReleaseUpdateSerializer
        return PressReleaseSerializer

    def perform_update(self, serializer):
        serializer.instance = press_services.press_release_update(
            release=serializer.instance, **serializer.validated_data
        )

    def update(self, request, *args, **kwargs):
        super().update(request, *args, **kwargs)
        release = self.get_queryset().get(pk=kwargs["pk"])
        return Response(PressReleaseSerializer(release, context=self.get_serializer_context()).data)

    def perform_destroy(self, instance):
        press_services.press_release_delete(release=instance)


class PressReleaseAttachmentsApi(APIView):
    """Add files to a release (multipart field `files`, repeated)."""

    @extend_schema(
        request=PressAttachmentUploadSerializer,
        responses={201: PressAttachmentSerializer(many=True)},
    )
    def post(self, request, pk):
        release = get_object_or_404(press_selectors.releases_visible_to(request.user), pk=pk)
        if not can_manage_event(request.user, release.event):
            raise PermissionDenied()
        body = PressAttachmentUploadSerializer(data={"files": request.FILES.getlist("files")})
        body.is_valid(raise_exception=True)
        added = press_services.press_attachments_add(
            release=release, uploads=body.validated_data["files"]
        )
        return Response(
            PressAttachmentSerializer(added, many=True, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class PressAttachmentApi(APIView):
    """Download an attachment (if its release is readable now), or delete it (organizers)."""

    content_negotiation_class = FilesNotJson

    def _attachment(self, request, pk) -> PressReleaseAttachment:
        return get_object_or_404(
            PressReleaseAttachment.objects.select_related("release__event"),
            pk=pk,
            release__in=press_selectors.releases_visible_to(request.user),
        )

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request, pk):
        return attachment_response(self._attachment(request, pk))

    @extend_schema(responses={204: None})
    def delete(self, request, pk):
        attachment = self._attachment(request, pk)
        if not can_manage_event(request.user, attachment.release.event):
            raise PermissionDenied()
        with transaction.atomic():
            press_services.press_attachment_delete(attachment=attachment)
        return Response(status=status.HTTP_204_NO_CONTENT)


class KitQuerySerializer(serializers.Serializer):
    lang = serializers.ChoiceField(choices=list(KIT_LANGUAGES), required=False)


class PressKitApi(APIView):
    """The event's press kit PDF as the requester may see it now (`?lang=vi|en`)."""

    content_negotiation_class = FilesNotJson

    @extend_schema(
        parameters=[KitQuerySerializer],
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
    )
    def get(self, request, pk):
        event = get_object_or_404(selectors.events_visible_to(request.user), pk=pk)
        query = validated_query(KitQuerySerializer, request)
        language = query.get("lang") or kit_language(request)
        pdf = press_selectors.press_kit_pdf_for(request.user, event, language=language)
        return kit_response(pdf, event=event, language=language)


__all__ = [
    "PressAttachmentApi",
    "PressKitApi",
    "PressRelease",
    "PressReleaseAttachmentsApi",
    "PressReleaseDetailApi",
    "PressReleaseListApi",
]
