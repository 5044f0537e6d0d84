"""Public venue pages."""

from django.urls import path

from venues import views

urlpatterns = [
    path("venues/", views.venue_list, name="venue-list"),
]
