from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.i18n import BilingualMixin
from organizations.models import Organization


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
