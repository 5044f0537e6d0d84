"""Journalists, their outlets and their accreditation requests.

The foundation defines the core tables; the accreditation workflow (services, selectors,
pages, API) builds on them.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.text import USER_LABEL_MAX_LENGTH


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


class OutletKind(models.TextChoices):
    NEWSPAPER = "newspaper", _("newspaper")
    ONLINE = "online", _("online")
    TV = "tv", _("television")
    RADIO = "radio", _("radio")
    NEWS_AGENCY = "news_agency", _("news agency")
    MAGAZINE = "magazine", _("magazine")


class MediaOutlet(models.Model):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=OutletKind.choices)
    country = models.CharField(
        _("country"), max_length=2, default="VN", help_text=_("Two-letter ISO country code.")
    )
    website = models.URLField(_("website"), blank=True)
    # Outlets proposed by journalists stay unverified until an organizer checks (or merges) them.
    verified = models.BooleanField(_("verified"), default=False)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("media outlet")
        verbose_name_plural = _("media outlets")

    def __str__(self):
        return self.name


class JournalistRole(models.TextChoices):
    WRITER = "writer", _("writer / reporter")
    PHOTOGRAPHER = "photographer", _("photographer")
    VIDEO = "video", _("TV / video crew")
    RADIO = "radio", _("radio")
    TECHNICIAN = "technician", _("technician")


class JournalistProfile(models.Model):
    """A journalist's details, reused across events. Personal data: see DOMAIN.md."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="journalist_profile",
    )
    full_name = models.CharField(_("full name (as on ID)"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    nationality = models.CharField(
        _("nationality"), max_length=2, default="VN", help_text=_("Two-letter ISO country code.")
    )
    outlet = models.ForeignKey(
        MediaOutlet,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="journalists",
        verbose_name=_("media outlet"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=JournalistRole.choices, default=JournalistRole.WRITER
    )
    press_card_number = models.CharField(_("press card number"), max_length=40, blank=True)
    press_card_expiry = models.DateField(_("press card expiry"), null=True, blank=True)
    foreign_permit_number = models.CharField(
        _("foreign press permit number"), max_length=40, blank=True
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=settings.LANGUAGES, default="vi"
    )
    photo = models.FileField(_("photo"), upload_to="private/photos/", blank=True)
    email_verified_at = models.DateTimeField(_("e-mail verified at"), null=True, blank=True)
    # Explicit consent to processing personal data (photo, ID numbers), given at sign-up.
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    # Walk-ins registered by an organizer on the journalist's behalf stay visible to that
    # organization even before they ask for any of its events.
    registered_by_organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    # Secret part of the personal calendar feed URL; resetting it kills the old URL.
    calendar_token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["full_name", "id"]
        verbose_name = _("journalist profile")
        verbose_name_plural = _("journalist profiles")

    def __str__(self):
        return self.full_name


class AccreditationStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    APPROVED = "approved", _("approved")
    WAITLISTED = "waitlisted", _("waitlisted")
    REJECTED = "rejected", _("rejected")
    CANCELLED = "cancelled", _("cancelled")
    REVOKED = "revoked", _("revoked")


# Live requests hold, or may still get, a seat: the journalist still expects to attend.
# Rejected, cancelled and revoked ones are over.
LIVE_STATUSES = (
    AccreditationStatus.PENDING,
    AccreditationStatus.WAITLISTED,
    AccreditationStatus.APPROVED,
)


class AccreditationQuerySet(models.QuerySet):
    def live(self):
        """Requests that hold, or may still get, a seat (pending, waitlisted or approved)."""
        return self.filter(status__in=LIVE_STATUSES)


class Accreditation(models.Model):
    """One journalist's request to cover one event, and where it stands."""

    # An event journalists asked to cover is cancelled, never deleted (events.services).
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.PROTECT,
        related_name="accreditations",
        verbose_name=_("event"),
    )
    journalist = models.ForeignKey(
        JournalistProfile,
        on_delete=models.CASCADE,
        related_name="accreditations",
        verbose_name=_("journalist"),
    )
    category = models.CharField(_("category"), max_length=20, choices=JournalistRole.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=AccreditationStatus.choices,
        default=AccreditationStatus.PENDING,
    )
    note = models.TextField(_("note"), blank=True)
    assignment_letter = models.FileField(
        _("assignment letter"), upload_to="private/letters/", blank=True
    )
    status_reason = models.TextField(_("reason"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AccreditationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("accreditation")
        verbose_name_plural = _("accreditations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "journalist"], name="one_accreditation_per_journalist_per_event"
            ),
        ]
        indexes = [models.Index(fields=["event", "status"], name="accreditation_event_status")]

    def __str__(self):
        return f"{self.journalist} — {self.event} ({self.status})"


class OutletQuota(models.Model):
    """At most `limit` approved journalists of one category per outlet, at one event."""

    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, related_name="outlet_quotas"
    )
    category = models.CharField(_("category"), max_length=20, choices=JournalistRole.choices)
    limit = models.PositiveIntegerField(_("per outlet"))

    class Meta:
        ordering = ["event", "category"]
        verbose_name = _("per-outlet quota")
        verbose_name_plural = _("per-outlet quotas")
        constraints = [
            models.UniqueConstraint(fields=["event", "category"], name="one_quota_per_category")
        ]

    def __str__(self):
        return f"{self.get_category_display()}: {self.limit}"


class AccreditationLog(models.Model):
    """Audit trail: every transition, with who, when and why. Kept when personal data goes.

    A row outlives the request (erased with the journalist's account: the link is cleared)
    and the actor's account (`actor_label` still says who decided); its event cannot be
    deleted while it holds decisions.
    """

    accreditation = models.ForeignKey(
        Accreditation, on_delete=models.SET_NULL, null=True, related_name="log_entries"
    )
    event = models.ForeignKey("events.Event", on_delete=models.PROTECT, related_name="+")
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Who decided, as named when they did (common.text.user_label); see journalist_delete.
    actor_label = models.CharField(_("by"), max_length=USER_LABEL_MAX_LENGTH, blank=True)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("accreditation log entry")
        verbose_name_plural = _("accreditation log")

    def __str__(self):
        return f"{self.from_status or '—'} → {self.to_status} ({self.created_at:%Y-%m-%d %H:%M})"


# --- Badges and check-in -------------------------------------------------------------------


class BadgeStatus(models.TextChoices):
    ACTIVE = "active", _("active")
    SUPERSEDED = "superseded", _("superseded")


class BadgeQuerySet(models.QuerySet):
    def active(self):
        """Badges not superseded by a reprint: at most one per accreditation (a constraint)."""
        return self.filter(status=BadgeStatus.ACTIVE)


class Badge(models.Model):
    """The printed badge of an approved accreditation: a secret code for the QR and a serial.

    A reprint supersedes the active badge and issues a new one; superseded badges stay so that
    their code scans "superseded" rather than "invalid". Revocation lives on the accreditation.
    """

    # A badge goes with its request (e.g. when the journalist erases their account); the scans
    # of it keep its serial (checkin.CheckIn.badge_serial).
    accreditation = models.ForeignKey(
        Accreditation, on_delete=models.CASCADE, related_name="badges"
    )
    # The QR payload (see accreditation/badges.py): random, so it is unique by construction;
    # the unique index is also what a scan looks it up by.
    code = models.CharField(max_length=40, unique=True)
    version = models.PositiveSmallIntegerField(default=1)
    serial = models.CharField(_("serial number"), max_length=40)
    status = models.CharField(
        _("status"), max_length=20, choices=BadgeStatus.choices, default=BadgeStatus.ACTIVE
    )
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    superseded_reason = models.TextField(_("reason for reprint"), blank=True)

    objects = BadgeQuerySet.as_manager()

    class Meta:
        ordering = ["accreditation_id", "version"]
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        constraints = [
            # Two concurrent approvals or reprints can never leave two valid badges.
            models.UniqueConstraint(
                fields=["accreditation"],
                condition=models.Q(status="active"),
                name="one_active_badge_per_accreditation",
            ),
            models.UniqueConstraint(
                fields=["accreditation", "version"], name="badge_version_unique"
            ),
        ]

    def __str__(self):
        return f"{self.serial} ({self.status})"
