from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccreditationConfig(AppConfig):
    name = "accreditation"
    verbose_name = _("Accreditation")

    def ready(self):
        from accreditation import receivers
        from events.signals import event_status_changed

        event_status_changed.connect(
            receivers.mail_journalists_about_status_change,
            dispatch_uid="accreditation.mail_journalists_about_status_change",
        )
