"""Scans at the front desk: every scan is kept; the accepted one is the admission."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accreditation.models import Accreditation, Badge, JournalistRole
from common.text import USER_LABEL_MAX_LENGTH


class ScanResult(models.TextChoices):
    ACCEPTED = "accepted", _("accepted")
    ALREADY_CHECKED_IN = "already_checked_in", _("already checked in")
    REVOKED = "revoked", _("revoked")
    SUPERSEDED = "superseded", _("superseded")
    INVALID = "invalid", _("invalid")
    WRONG_EVENT = "wrong_event", _("wrong event")
    EVENT_CANCELLED = "event_cancelled", _("event cancelled")


# Scans that turned someone away (a repeat scan of an admitted badge is not a refusal).
REFUSED_RESULTS = (
    ScanResult.REVOKED,
    ScanResult.SUPERSEDED,
    ScanResult.INVALID,
    ScanResult.WRONG_EVENT,
    ScanResult.EVENT_CANCELLED,
)


class CheckIn(models.Model):
    """One scan at a desk, whatever it answered. The accepted one is the admission.

    Scans are kept: an event with scans cannot be deleted, and when the request or the badge
    goes (the journalist erased their account) the scan stays, with a snapshot taken when it
    was made: badge serial, category and outlet, never the person's name.
    """

    event = models.ForeignKey(
        "events.Event", on_delete=models.PROTECT, related_name="checkins", verbose_name=_("event")
    )
    # Set when the code matched a badge (of this or another event); null for invalid codes,
    # and once the request is gone.
    accreditation = models.ForeignKey(
        Accreditation, on_delete=models.SET_NULL, null=True, blank=True, related_name="checkins"
    )
    badge = models.ForeignKey(
        Badge, on_delete=models.SET_NULL, null=True, blank=True, related_name="checkins"
    )
    code = models.CharField(_("scanned code"), max_length=64, blank=True)
    desk = models.CharField(_("desk"), max_length=40)
    scanned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    result = models.CharField(_("result"), max_length=20, choices=ScanResult.choices)
    # The snapshot at scan time; blank for a code that matched no badge.
    scanned_by_label = models.CharField(
        _("scanned by"), max_length=USER_LABEL_MAX_LENGTH, blank=True
    )
    badge_serial = models.CharField(_("badge serial number"), max_length=40, blank=True)
    category = models.CharField(
        _("category"), max_length=20, choices=JournalistRole.choices, blank=True
    )
    outlet_name = models.CharField(_("media outlet"), max_length=200, blank=True)
    manual = models.BooleanField(
        _("checked in by search"), default=False, help_text=_("Admitted without scanning the QR.")
    )
    created_at = models.DateTimeField(_("scanned at"), default=timezone.now)

    class Meta:
        db_table = "accreditation_checkin"  # moved apps, kept its table
        ordering = ["-created_at", "-id"]
        verbose_name = _("check-in scan")
        verbose_name_plural = _("check-in scans")
        constraints = [
            # Exactly-once admission: the database refuses a second accepted scan, whatever
            # the desks do at the same moment.
            models.UniqueConstraint(
                fields=["accreditation"],
                condition=models.Q(result="accepted"),
                name="one_admission_per_accreditation",
            ),
        ]
        indexes = [models.Index(fields=["event", "-created_at"], name="checkin_event_time")]

    def __str__(self):
        return f"{self.desk} {self.result} ({self.created_at:%Y-%m-%d %H:%M:%S})"
