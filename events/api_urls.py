"""Events, agenda and speakers under /api/v1/."""

from django.urls import path

from events import api

urlpatterns = [
    path("events/", api.EventListApi.as_view(), name="api-event-list"),
    path("events/<int:pk>/", api.EventDetailApi.as_view(), name="api-event-detail"),
    path("events/<int:pk>/status/", api.EventStatusApi.as_view(), name="api-event-status"),
    path("events/<int:pk>/agenda/", api.AgendaListApi.as_view(), name="api-event-agenda"),
    path(
        "agenda-items/<int:pk>/",
        api.AgendaItemDetailApi.as_view(),
        name="api-agenda-item-detail",
    ),
    path("speakers/", api.SpeakerListApi.as_view(), name="api-speaker-list"),
    path("speakers/<int:pk>/", api.SpeakerDetailApi.as_view(), name="api-speaker-detail"),
]
