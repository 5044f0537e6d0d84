from django.contrib import admin, messages

from common.errors import SERVICE_ERRORS
from common.forms import service_error_message
from events import selectors, services
from events.models import AgendaItem, Event, Speaker


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ["starts_at", "ends_at", "title", "title_en", "room", "speakers"]
    autocomplete_fields = ["speakers"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "starts_at", "room", "organization"]
    list_filter = ["status", "kind", "organization", "room__venue"]
    search_fields = ["title", "title_en", "slug", "organization__name"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["speakers"]
    inlines = [AgendaItemInline]
    readonly_fields = ["sequence", "created_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        """Go through the service, so the room-conflict rule and SEQUENCE hold here too."""
        fields = {name: getattr(obj, name) for name in services.EVENT_EDITABLE_FIELDS}
        try:
            if change:
                saved = services.event_update(event=obj, **fields)
            else:
                saved = services.event_create(**fields)
        except SERVICE_ERRORS as error:
            # Reached only when the rule lost a race with another save after form validation.
            self.message_user(request, service_error_message(error), messages.ERROR)
            raise
        obj.pk, obj.sequence = saved.pk, saved.sequence

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        original_clean = form.clean

        def clean(form_self):
            data = original_clean(form_self)
            room, start, end = data.get("room"), data.get("starts_at"), data.get("ends_at")
            status = data.get("status")
            if status and status != "cancelled":
                clash = selectors.room_conflict(
                    room=room,
                    starts_at=start,
                    ends_at=end,
                    exclude_event_id=getattr(obj, "pk", None),
                )
                if clash:
                    form_self.add_error("room", f"{room.name}: “{clash.title}” already booked.")
            return data

        form.clean = clean
        return form


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "affiliation", "organization"]
    search_fields = ["name", "affiliation"]
    list_filter = ["organization"]
