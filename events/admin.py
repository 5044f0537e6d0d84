from django.contrib import admin, messages
from django.forms.models import BaseInlineFormSet
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from common.errors import SERVICE_ERRORS
from common.forms import service_error_message
from events import selectors, services
from events.models import AgendaItem, Event, EventStatus, Speaker

SPEAKER_OF_OTHER_ORGANIZATION = _("This speaker belongs to another organization.")


def _strangers(speakers, organization) -> bool:
    """Whether `speakers` hold one that `organization` does not manage (see events.services)."""
    return organization is not None and any(
        speaker.organization_id != organization.pk for speaker in speakers or ()
    )


class AgendaItemFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        # self.instance carries the organization just chosen on the event form.
        organization = self.instance.organization if self.instance.organization_id else None
        for form in self.forms:
            if _strangers(form.cleaned_data.get("speakers"), organization):
                form.add_error("speakers", SPEAKER_OF_OTHER_ORGANIZATION)


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    formset = AgendaItemFormSet
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
    # The status changes only through the status service: the "publish" action below, or the
    # console, which asks for the reason that postponing and cancelling need.
    exclude = ["status"]
    readonly_fields = [
        "status_in_console",
        "cancellation_reason",
        "sequence",
        "created_at",
        "updated_at",
    ]
    actions = ["publish_selected"]

    @admin.display(description=_("status"))
    def status_in_console(self, obj):
        if obj is None or obj.pk is None:
            return EventStatus.DRAFT.label
        return format_html(
            '{} — <a href="{}">{}</a>',
            obj.get_status_display(),
            reverse("manage-event-detail", kwargs={"slug": obj.slug}),
            _("publish, postpone or cancel it in the console"),
        )

    @admin.action(description=_("Publish the selected events"))
    def publish_selected(self, request, queryset):
        for event in queryset:
            try:
                services.event_change_status(event=event, status=EventStatus.PUBLISHED)
            except SERVICE_ERRORS as error:
                self.message_user(
                    request, f"{event}: {service_error_message(error)}", messages.ERROR
                )
            else:
                self.message_user(request, _("%(event)s is published.") % {"event": event})

    def get_actions(self, request):
        # Deleting goes one event at a time through the service (see delete_view).
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def delete_view(self, request, object_id, extra_context=None):
        event = self.get_object(request, object_id)
        refusal = services.event_deletion_refusal(event) if event is not None else None
        if refusal is not None:
            self.message_user(request, refusal.message, messages.ERROR)
            return redirect(reverse("admin:events_event_change", args=[event.pk]))
        return super().delete_view(request, object_id, extra_context)

    def delete_model(self, request, obj):
        services.event_delete(event=obj)

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
        obj.pk, obj.sequence, obj.status = saved.pk, saved.sequence, saved.status

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        original_clean = form.clean

        def clean(form_self):
            data = original_clean(form_self)
            room, start, end = data.get("room"), data.get("starts_at"), data.get("ends_at")
            status = obj.status if obj is not None else EventStatus.DRAFT
            if room and start and end and status != EventStatus.CANCELLED:
                clash = selectors.room_conflict(
                    room=room,
                    starts_at=start,
                    ends_at=end,
                    exclude_event_id=getattr(obj, "pk", None),
                )
                if clash:
                    form_self.add_error("room", f"{room.name}: “{clash.title}” already booked.")
            if _strangers(data.get("speakers"), data.get("organization")):
                form_self.add_error("speakers", SPEAKER_OF_OTHER_ORGANIZATION)
            return data

        form.clean = clean
        return form


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "affiliation", "organization"]
    search_fields = ["name", "affiliation"]
    list_filter = ["organization"]

    def get_readonly_fields(self, request, obj=None):
        # A speaker on events stays with the organization running them (events.services).
        if obj is not None and (obj.events.exists() or obj.agenda_items.exists()):
            return ["organization"]
        return []
