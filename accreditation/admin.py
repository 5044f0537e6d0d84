from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from accreditation import services
from accreditation.models import Accreditation, AccreditationLog, JournalistProfile, MediaOutlet


@admin.register(MediaOutlet)
class MediaOutletAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "verified"]
    list_filter = ["kind", "verified", "country"]
    search_fields = ["name"]
    actions = ["merge_into_first"]

    @admin.action(description=_("Merge the selected outlets into the oldest one"))
    def merge_into_first(self, request, queryset):
        outlets = list(queryset.order_by("created_at", "id"))
        if len(outlets) < 2:
            self.message_user(request, _("Select at least two outlets."), messages.WARNING)
            return
        target = outlets[0]
        for source in outlets[1:]:
            services.outlet_merge(source=source, target=target)
        self.message_user(request, _("Merged into %(name)s.") % {"name": target.name})


@admin.register(JournalistProfile)
class JournalistProfileAdmin(admin.ModelAdmin):
    list_display = ["full_name", "outlet", "role", "nationality", "email_verified_at"]
    list_filter = ["role", "nationality"]
    search_fields = ["full_name", "email", "press_card_number"]
    raw_id_fields = ["user", "outlet"]
    readonly_fields = ["calendar_token", "photo"]


@admin.register(Accreditation)
class AccreditationAdmin(admin.ModelAdmin):
    """Read-only here: decisions go through the review page so they are logged and mailed."""

    list_display = ["journalist", "event", "category", "status", "decided_at"]
    list_filter = ["status", "category"]
    search_fields = ["journalist__full_name", "event__title"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(AccreditationLog)
class AccreditationLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "event", "from_status", "to_status", "actor_label", "reason"]
    list_filter = ["to_status"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
