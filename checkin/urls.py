"""The front desk pages."""

from django.urls import path

from checkin import views

urlpatterns = [
    path("desk/<slug:slug>/", views.desk, name="desk"),
    path("desk/<slug:slug>/walk-in/", views.walk_in, name="desk-walk-in"),
]
