"""Organizations that host events, and who works for them in which role."""

from django.conf import settings
from django.db import models
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
        db_table = "events_organization"  # moved apps, kept its table
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
        db_table = "events_membership"  # moved apps, kept its table
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="one_membership_per_org")
        ]

    def __str__(self):
        return f"{self.user} — {self.organization} ({self.get_role_display()})"
