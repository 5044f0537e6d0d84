from django.contrib import admin

from venues.models import Room, Venue


class RoomInline(admin.TabularInline):
    model = Room
    extra = 0


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ["name", "city", "address"]
    search_fields = ["name", "name_en", "address"]
    list_filter = ["city"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RoomInline]


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["name", "venue", "capacity", "has_interpretation", "has_photo_riser"]
    list_filter = [
        "venue",
        "has_interpretation",
        "has_livestream",
        "has_photo_riser",
        "is_step_free",
    ]
    search_fields = ["name", "name_en", "venue__name"]
