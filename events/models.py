import uuid
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.i18n import BilingualMixin


class Organization(BilingualMixin, models.Model):
    """Who hosts events: a city department, an agency, a company, or the press center itself."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self):
        return self.name


class MembershipRole(models.TextChoices):
    ORGANIZER = "organizer", _("organizer")
    FRONT_DESK = "front_desk", _("front desk")


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=MembershipRole.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="one_membership_per_org")
        ]

    def __str__(self):
        return f"{self.user} — {self.organization} ({self.get_role_display()})"


class EventKind(models.TextChoices):
    PRESS_CONFERENCE = "press_conference", _("press conference")
    FORUM = "forum", _("forum")
    EXHIBITION = "exhibition", _("exhibition")
    SEMINAR = "seminar", _("seminar")
    CONFERENCE = "conference", _("conference")
    OTHER = "other", _("other")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")
    POSTPONED = "postponed", _("postponed")
    CANCELLED = "cancelled", _("cancelled")


PUBLIC_STATUSES = (EventStatus.PUBLISHED, EventStatus.POSTPONED, EventStatus.CANCELLED)


class EventQuerySet(models.QuerySet):
    def public(self):
        """Events anyone may see: published, and postponed or cancelled ones (marked as such)."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def upcoming(self, now=None):
        """Events that have not ended yet."""
        return self.filter(ends_at__gte=now or timezone.now())

    def holding_rooms(self):
        """Events that occupy their room: every event that is not cancelled."""
        return self.exclude(status=EventStatus.CANCELLED)

    def overlapping(self, starts_at, ends_at):
        """Events whose [starts_at, ends_at) span meets the given span."""
        return self.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)


class Event(BilingualMixin, models.Model):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("organization"),
    )
    title = models.CharField(_("title"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    room = models.ForeignKey(
        "venues.Room",
        on_delete=models.PROTECT,
        related_name="events",
        null=True,
        blank=True,
        verbose_name=_("room"),
    )
    online_url = models.URLField(_("online link"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    press_capacity = models.PositiveIntegerField(
        _("press seats"),
        default=50,
        validators=[MinValueValidator(1)],
        help_text=_("How many journalists can be accredited."),
    )
    accreditation_opens_at = models.DateTimeField(_("accreditation opens"), null=True, blank=True)
    accreditation_closes_at = models.DateTimeField(_("accreditation closes"), null=True, blank=True)
    allow_walk_ins = models.BooleanField(
        _("walk-ins allowed"),
        default=False,
        help_text=_("Journalists without accreditation may be registered at the desk."),
    )
    cover_image = models.ImageField(_("cover image"), upload_to="events/covers/", blank=True)
    cancellation_reason = models.TextField(_("reason for cancellation or postponement"), blank=True)
    speakers = models.ManyToManyField(
        "Speaker", related_name="events", blank=True, verbose_name=_("speakers")
    )
    # Raised whenever time, place or status changes, so calendar clients replace their copy.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["status", "starts_at"], name="event_status_start_idx"),
            models.Index(fields=["room", "starts_at"], name="event_room_start_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(room__isnull=False) | ~Q(online_url=""),
                name="event_has_room_or_online_url",
            ),
            models.CheckConstraint(
                condition=Q(accreditation_opens_at__isnull=True)
                | Q(accreditation_closes_at__isnull=True)
                | Q(accreditation_closes_at__gt=models.F("accreditation_opens_at")),
                name="event_accreditation_closes_after_opens",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("event-detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must be after the start.")
        if not self.room_id and not self.online_url:
            errors["room"] = _("Choose a room, or give an online link.")
        opens, closes = self.accreditation_opens_at, self.accreditation_closes_at
        if opens and closes and closes <= opens:
            errors["accreditation_closes_at"] = _("Accreditation must close after it opens.")
        if closes and self.ends_at and closes > self.ends_at:
            errors["accreditation_closes_at"] = _("Accreditation must close before the event ends.")
        if errors:
            raise ValidationError(errors)

    @property
    def venue(self):
        return self.room.venue if self.room_id else None

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def is_multi_day(self) -> bool:
        return timezone.localtime(self.starts_at).date() != timezone.localtime(self.ends_at).date()

    def accreditation_is_open(self, now=None) -> bool:
        """Whether journalists may ask for accreditation at `now`."""
        now = now or timezone.now()
        if self.status != EventStatus.PUBLISHED:
            return False
        if self.accreditation_opens_at and now < self.accreditation_opens_at:
            return False
        closes = self.accreditation_closes_at or self.starts_at
        return now < closes


class Speaker(BilingualMixin, models.Model):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="speakers",
        verbose_name=_("organization that manages this speaker"),
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    position_en = models.CharField(_("position (English)"), max_length=200, blank=True)
    affiliation = models.CharField(_("affiliation"), max_length=200, blank=True)
    affiliation_en = models.CharField(_("affiliation (English)"), max_length=200, blank=True)
    bio = models.TextField(_("biography"), blank=True)
    bio_en = models.TextField(_("biography (English)"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="speakers/", blank=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.name


class AgendaItem(BilingualMixin, models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda_items")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    title = models.CharField(_("title"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    room = models.ForeignKey(
        "venues.Room",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("room"),
    )
    speakers = models.ManyToManyField(Speaker, related_name="agenda_items", blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="agenda_item_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})


# --- Press materials (issue 6) -------------------------------------------------------------

ICT = ZoneInfo("Asia/Ho_Chi_Minh")


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
        ordering = ["-created_at", "-id"]
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        indexes = [
            models.Index(fields=["event", "language"], name="press_release_event_lang"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "press-release-detail", kwargs={"slug": self.event.slug, "pk": self.pk}
        )

    def is_embargoed(self, now=None) -> bool:
        """Whether the embargo still holds at `now`."""
        return self.embargo_until is not None and (now or timezone.now()) < self.embargo_until

    def embargo_label(self, language: str | None = None) -> str:
        """"EMBARGOED UNTIL 10:00 ICT 3 February 2026", in the given language."""
        return embargo_label(self.embargo_until, language) if self.embargo_until else ""


_MONTHS_EN = (
    "January February March April May June July August September October November December"
).split()


def embargo_label(moment, language: str | None = None) -> str:
    """The embargo line for `moment`, always in ICT, e.g. "EMBARGOED UNTIL 10:00 ICT 3 February"."""
    from django.utils.translation import get_language, override

    language = (language or get_language() or "vi")[:2]
    local = moment.astimezone(ICT)
    if language == "en":
        when = f"{local:%H:%M} ICT {local.day} {_MONTHS_EN[local.month - 1]} {local.year}"
    else:
        when = f"{local:%H:%M} ICT {local:%d/%m/%Y}"
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
    release = models.ForeignKey(
        PressRelease, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=_attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=AttachmentKind.choices)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
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
