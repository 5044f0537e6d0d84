"""Venues and rooms under /api/v1/."""

from django.urls import path

from venues import api

urlpatterns = [
    path("venues/", api.VenueListApi.as_view(), name="api-venue-list"),
    path("venues/<int:pk>/", api.VenueDetailApi.as_view(), name="api-venue-detail"),
    path("rooms/", api.RoomListApi.as_view(), name="api-room-list"),
    path("rooms/<int:pk>/", api.RoomDetailApi.as_view(), name="api-room-detail"),
]
