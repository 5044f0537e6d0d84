from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common.i18n import BilingualMixin


class Venue(BilingualMixin, models.Model):
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    address = models.CharField(_("address"), max_length=300)
    city = models.CharField(_("city"), max_length=100, default="Hà Nội")
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    map_url = models.URLField(_("map link"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    access_notes = models.TextField(_("access notes"), blank=True)
    access_notes_en = models.TextField(_("access notes (English)"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(latitude__isnull=True) & models.Q(longitude__isnull=True))
                | (models.Q(latitude__isnull=False) & models.Q(longitude__isnull=False)),
                name="venue_coordinates_both_or_neither",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("venue-detail", kwargs={"slug": self.slug})

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def effective_map_url(self) -> str:
        """The venue's own map link, or one built from its coordinates."""
        if self.map_url:
            return self.map_url
        if self.has_coordinates:
            return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=17/{self.latitude}/{self.longitude}"
        return ""


class RoomFeature(models.TextChoices):
    INTERPRETATION = "interpretation", _("interpretation booths")
    LIVESTREAM = "livestream", _("livestream")
    PROJECTOR = "projector", _("projector")
    PHOTO_RISER = "photo_riser", _("photographers' riser")
    STEP_FREE = "step_free", _("step-free access")


class Room(BilingualMixin, models.Model):
    venue = models.ForeignKey(
        Venue, on_delete=models.PROTECT, related_name="rooms", verbose_name=_("venue")
    )
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), validators=[MinValueValidator(1)])
    has_interpretation = models.BooleanField(_("interpretation booths"), default=False)
    has_livestream = models.BooleanField(_("livestream"), default=False)
    has_projector = models.BooleanField(_("projector"), default=False)
    has_photo_riser = models.BooleanField(_("photographers' riser"), default=False)
    is_step_free = models.BooleanField(_("step-free access"), default=False)

    FEATURE_FIELDS = {
        RoomFeature.INTERPRETATION: "has_interpretation",
        RoomFeature.LIVESTREAM: "has_livestream",
        RoomFeature.PROJECTOR: "has_projector",
        RoomFeature.PHOTO_RISER: "has_photo_riser",
        RoomFeature.STEP_FREE: "is_step_free",
    }

    class Meta:
        ordering = ["venue__name", "name"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        constraints = [
            models.UniqueConstraint(fields=["venue", "name"], name="room_name_unique_per_venue"),
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1), name="room_capacity_positive"
            ),
        ]

    def __str__(self):
        return f"{self.name} — {self.venue.name}"

    @property
    def features(self) -> list[str]:
        return [
            feature.value for feature, field in self.FEATURE_FIELDS.items() if getattr(self, field)
        ]

    @property
    def feature_labels(self) -> list[str]:
        return [
            feature.label for feature, field in self.FEATURE_FIELDS.items() if getattr(self, field)
        ]
