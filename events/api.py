from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from common.permissions import ReadOnlyOr
from events import selectors, services
from events.filters import EventFilter
from events.models import AgendaItem
from events.permissions import can_manage_event, can_manage_speaker
from events.serializers import (
    AgendaItemSerializer,
    AgendaItemWriteSerializer,
    EventDetailSerializer,
    EventListSerializer,
    EventSerializer,
    EventStatusSerializer,
    SpeakerSerializer,
)
from organizations.permissions import can_manage_organization, is_organizer


class OrganizerWrites(ReadOnlyOr):
    can_write = staticmethod(is_organizer)
    can_write_object = staticmethod(can_manage_event)


class SpeakerWrites(ReadOnlyOr):
    can_write = staticmethod(is_organizer)
    can_write_object = staticmethod(can_manage_speaker)


def _require_organization(user, organization) -> None:
    if organization is not None and not can_manage_organization(user, organization.pk):
        raise PermissionDenied("You are not an organizer of this organization.")


class EventListApi(generics.ListCreateAPIView):
    permission_classes = [OrganizerWrites]
    filterset_class = EventFilter
    ordering_fields = ["starts_at", "ends_at", "title", "created_at"]
    ordering = ["starts_at", "id"]

    def get_serializer_class(self):
        return EventSerializer if self.request.method == "POST" else EventListSerializer

    def get_queryset(self):
        return selectors.events_visible_to(self.request.user)

    def perform_create(self, serializer):
        _require_organization(self.request.user, serializer.validated_data.get("organization"))
        serializer.instance = services.event_create(**serializer.validated_data)

    def create(self, request, *args, **kwargs):
        response = super().create(request, *args, **kwargs)
        response.data = EventDetailSerializer(
            selectors.event_detail_queryset(request.user).get(pk=response.data["id"]),
            context=self.get_serializer_context(),
        ).data
        return response


class EventDetailApi(generics.RetrieveUpdateDestroyAPIView):
    permission_classes = [OrganizerWrites]

    def get_serializer_class(self):
        return EventDetailSerializer if self.request.method == "GET" else EventSerializer

    def get_queryset(self):
        return selectors.event_detail_queryset(self.request.user)

    def perform_update(self, serializer):
        _require_organization(self.request.user, serializer.validated_data.get("organization"))
        serializer.instance = services.event_update(
            event=serializer.instance, **serializer.validated_data
        )

    def update(self, request, *args, **kwargs):
        response = super().update(request, *args, **kwargs)
        response.data = EventDetailSerializer(
            self.get_queryset().get(pk=response.data["id"]), context=self.get_serializer_context()
        ).data
        return response

    def perform_destroy(self, instance):
        services.event_delete(event=instance)


class EventStatusApi(APIView):
    """Publish, postpone or cancel an event (postpone and cancel need a reason)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=EventStatusSerializer, responses=EventDetailSerializer)
    def post(self, request, pk):
        event = get_object_or_404(selectors.events_visible_to(request.user), pk=pk)
        if not can_manage_event(request.user, event):
            raise PermissionDenied()
        body = EventStatusSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.event_change_status(
            event=event,
            status=body.validated_data["status"],
            reason=body.validated_data.get("reason", ""),
        )
        event = selectors.event_detail_queryset(request.user).get(pk=pk)
        return Response(EventDetailSerializer(event, context={"request": request}).data)


class AgendaListApi(generics.ListCreateAPIView):
    """An event's agenda; organizers of the event add items."""

    permission_classes = [OrganizerWrites]
    pagination_class = None

    def get_event(self):
        event = get_object_or_404(
            selectors.events_visible_to(self.request.user), pk=self.kwargs["pk"]
        )
        if self.request.method == "POST" and not can_manage_event(self.request.user, event):
            raise PermissionDenied()
        return event

    def get_serializer_class(self):
        return AgendaItemWriteSerializer if self.request.method == "POST" else AgendaItemSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return AgendaItem.objects.none()
        return self.get_event().agenda_items.select_related("room").prefetch_related("speakers")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        speakers = data.pop("speakers", None)
        serializer.instance = services.agenda_item_create(
            event=self.get_event(), speakers=speakers, **data
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform_create(serializer)
        return Response(AgendaItemSerializer(serializer.instance).data, status=201)


class AgendaItemDetailApi(generics.RetrieveUpdateDestroyAPIView):
    permission_classes = [OrganizerWrites]

    def get_serializer_class(self):
        return AgendaItemSerializer if self.request.method == "GET" else AgendaItemWriteSerializer

    def get_queryset(self):
        visible = selectors.events_visible_to(self.request.user)
        return (
            AgendaItem.objects.filter(event__in=visible)
            .select_related("event")
            .prefetch_related("speakers")
        )

    def check_object_permissions(self, request, obj):
        super().check_object_permissions(request, obj.event)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        speakers = data.pop("speakers", None)
        serializer.instance = services.agenda_item_update(
            item=serializer.instance, speakers=speakers, **data
        )

    def update(self, request, *args, **kwargs):
        response = super().update(request, *args, **kwargs)
        response.data = AgendaItemSerializer(self.get_object()).data
        return response

    def perform_destroy(self, instance):
        services.agenda_item_delete(item=instance)


class SpeakerListApi(generics.ListCreateAPIView):
    serializer_class = SpeakerSerializer
    permission_classes = [SpeakerWrites]
    ordering_fields = ["name"]
    filterset_fields = ["organization"]

    def get_queryset(self):
        return selectors.speakers_visible_to(self.request.user)

    def perform_create(self, serializer):
        _require_organization(self.request.user, serializer.validated_data.get("organization"))
        serializer.instance = services.speaker_create(**serializer.validated_data)


class SpeakerDetailApi(generics.RetrieveUpdateAPIView):
    serializer_class = SpeakerSerializer
    permission_classes = [SpeakerWrites]

    def get_queryset(self):
        return selectors.speakers_visible_to(self.request.user)

    def perform_update(self, serializer):
        _require_organization(self.request.user, serializer.validated_data.get("organization"))
        serializer.instance = services.speaker_update(
            speaker=serializer.instance, **serializer.validated_data
        )
