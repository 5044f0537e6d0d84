from rest_framework import generics

from common.permissions import ReadOnlyOr
from venues import selectors, services
from venues.filters import RoomFilter
from venues.permissions import can_manage_venues
from venues.serializers import RoomSerializer, VenueSerializer


class CanManageVenues(ReadOnlyOr):
    can_write = staticmethod(can_manage_venues)
    can_write_object = staticmethod(lambda user, obj: can_manage_venues(user))


class VenueListApi(generics.ListCreateAPIView):
    serializer_class = VenueSerializer
    permission_classes = [CanManageVenues]
    ordering_fields = ["name", "city"]
    filterset_fields = ["city"]

    def get_queryset(self):
        return selectors.venue_list()

    def perform_create(self, serializer):
        serializer.instance = services.venue_create(**serializer.validated_data)


class VenueDetailApi(generics.RetrieveUpdateAPIView):
    serializer_class = VenueSerializer
    permission_classes = [CanManageVenues]

    def get_queryset(self):
        return selectors.venue_list()

    def perform_update(self, serializer):
        serializer.instance = services.venue_update(
            venue=serializer.instance, **serializer.validated_data
        )


class RoomListApi(generics.ListCreateAPIView):
    serializer_class = RoomSerializer
    permission_classes = [CanManageVenues]
    filterset_class = RoomFilter
    ordering_fields = ["name", "capacity"]

    def get_queryset(self):
        return selectors.room_list()

    def perform_create(self, serializer):
        serializer.instance = services.room_create(**serializer.validated_data)


class RoomDetailApi(generics.RetrieveUpdateAPIView):
    serializer_class = RoomSerializer
    permission_classes = [CanManageVenues]

    def get_queryset(self):
        return selectors.room_list()

    def perform_update(self, serializer):
        serializer.instance = services.room_update(
            room=serializer.instance, **serializer.validated_data
        )
