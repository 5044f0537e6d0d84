"""Press releases (with embargo), their attachments, and an event's media contacts."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.dates import format_date, format_time
from common.i18n import BilingualMixin
from events.models import Event


class PressAudience(models.TextChoices):
    PUBLIC = "public", _("public")
    ACCREDITED = "accredited", _("accredited journalists")


class PressRelease(models.Model):
    """A press release or other material for an event, possibly under embargo.

    Visibility (see events/press_selectors.py) is computed from the clock at request time:
    nothing flips a flag when the embargo lifts.
    """

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="press_releases", verbose_name=_("event")
    )
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(
        _("text"),
        help_text=_(
            "Plain paragraphs separated by a blank line; **bold** and *italic* are allowed."
        ),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=settings.LANGUAGES, default="vi"
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=PressAudience.choices, default=PressAudience.PUBLIC
    )
    embargo_until = models.DateTimeField(
        _("embargoed until"),
        null=True,
        blank=True,
        help_text=_("Before this time only organizers and approved journalists can read it."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "events_pressrelease"  # moved apps, kept its table
        ordering = ["-created_at", "-id"]
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        indexes = [
            models.Index(fields=["event", "language"], name="press_release_event_lang"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("press-release-detail", kwargs={"slug": self.event.slug, "pk": self.pk})

    def is_embargoed(self, now=None) -> bool:
        """Whether the embargo still holds at `now`."""
        return self.embargo_until is not None and (now or timezone.now()) < self.embargo_until

    def embargo_label(self, language: str | None = None) -> str:
        """ "EMBARGOED UNTIL 10:00 ICT 3 February 2026", in the given language."""
        return embargo_label(self.embargo_until, language) if self.embargo_until else ""


def embargo_label(moment, language: str | None = None) -> str:
    """The embargo line for `moment`, always in ICT, e.g. "EMBARGOED UNTIL 10:00 ICT 3 February"."""
    from django.utils.translation import get_language, override

    language = (language or get_language() or "vi")[:2]
    when = f"{format_time(moment)} ICT {format_date(moment, 'en' if language == 'en' else 'vi')}"
    with override(language):
        return str(_("EMBARGOED UNTIL %(when)s")) % {"when": when}


class AttachmentKind(models.TextChoices):
    PDF = "pdf", _("PDF document")
    IMAGE = "image", _("image")
    DOCUMENT = "document", _("office document")


def _attachment_path(instance, filename):
    # A random name under private/: never served as a static file, only through the
    # permission-checked download view. The visible name is kept in `original_name`.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"private/press/{instance.release.event_id}/{uuid.uuid4().hex}.{extension}"


class PressReleaseAttachment(models.Model):
    release = models.ForeignKey(PressRelease, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=_attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=AttachmentKind.choices)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "events_pressreleaseattachment"  # moved apps, kept its table
        ordering = ["created_at", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("press-attachment-download", kwargs={"pk": self.pk})


class MediaContact(BilingualMixin, models.Model):
    """Who journalists call about an event: name, role, phone, e-mail."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="media_contacts", verbose_name=_("event")
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    role_en = models.CharField(_("role (English)"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        db_table = "events_mediacontact"  # moved apps, kept its table
        ordering = ["position", "id"]
        verbose_name = _("media contact")
        verbose_name_plural = _("media contacts")
        constraints = [
            models.CheckConstraint(
                condition=~Q(phone="") | ~Q(email=""), name="media_contact_has_phone_or_email"
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if not self.phone and not self.email:
            raise ValidationError({"phone": _("Give a phone number or an e-mail address.")})
