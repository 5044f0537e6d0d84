"""Reads for journalists and accreditations: limited to what the user may see."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.conf import settings
from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accreditation.models import (
    Accreditation,
    AccreditationLog,
    AccreditationStatus,
    Badge,
    JournalistProfile,
    JournalistRole,
    MediaOutlet,
    OutletQuota,
)
from accreditation.pdf import BadgeData
from common.dates import format_date, format_span
from common.text import slugify_vi
from events.models import PUBLIC_STATUSES
from organizations.permissions import is_superuser, organizer_organization_ids


def is_approved_for(user, event) -> bool:
    """Whether `user` holds an approved accreditation for `event`."""
    if not getattr(user, "is_authenticated", False):
        return False
    return Accreditation.objects.filter(
        event=event, journalist__user=user, status=AccreditationStatus.APPROVED
    ).exists()


def accreditations_visible_to(user) -> QuerySet[Accreditation]:
    """Journalists see their own requests; organizers their organizations' events; superusers
    everything. Anyone else sees nothing."""
    accreditations = with_active_badge(
        Accreditation.objects.select_related("event__organization", "journalist__outlet")
    )
    if not getattr(user, "is_authenticated", False):
        return accreditations.none()
    if is_superuser(user):
        return accreditations
    return accreditations.filter(
        Q(journalist__user=user) | Q(event__organization_id__in=organizer_organization_ids(user))
    )


def journalists_visible_to(user) -> QuerySet[JournalistProfile]:
    """A journalist sees their own profile; organizers see journalists who asked for one of
    their events or whom they registered; superusers see everyone."""
    profiles = JournalistProfile.objects.select_related("outlet")
    if not getattr(user, "is_authenticated", False):
        return profiles.none()
    if is_superuser(user):
        return profiles
    own = organizer_organization_ids(user)
    if not own:
        return profiles.filter(user=user)
    asked = Accreditation.objects.filter(event__organization_id__in=own).values("journalist_id")
    return profiles.filter(
        Q(user=user) | Q(id__in=asked) | Q(registered_by_organization_id__in=own)
    )


def outlets_list() -> QuerySet[MediaOutlet]:
    """Every outlet (outlets are public facts, not personal data)."""
    return MediaOutlet.objects.all()


def personal_calendar_url(profile: JournalistProfile) -> str:
    """Absolute URL of the journalist's personal calendar feed (secret: carries the token)."""
    path = reverse("personal-calendar", kwargs={"token": profile.calendar_token})
    return f"{settings.SITE_URL}{path}"


def photo_url(profile: JournalistProfile) -> str:
    """Permission-checked URL of the journalist's photo, or "" when there is none."""
    if not profile.photo:
        return ""
    return reverse("journalist-photo", kwargs={"pk": profile.pk})


def letter_url(accreditation: Accreditation) -> str:
    """Permission-checked URL of the request's assignment letter, or "" when there is none."""
    if not accreditation.assignment_letter:
        return ""
    return reverse("accreditation-letter", kwargs={"pk": accreditation.pk})


def press_card_warning(profile: JournalistProfile, *, until: date | None = None) -> str:
    """Why the press card may not do (missing, or expiring before `until`), or ""."""
    if not profile.press_card_number:
        return _("No press card number.")
    expiry = profile.press_card_expiry
    if expiry is None:
        return _("Press card expiry date missing.")
    until = until or timezone.localdate()
    if expiry < until:
        return _("Press card expires on %(date)s.") % {"date": format_date(expiry)}
    return ""


def card_needed_until(profile: JournalistProfile) -> date:
    """The last day the press card must be valid: the end of the journalist's latest
    upcoming event that they asked for (still pending, waitlisted or approved), or today."""
    latest = (
        Accreditation.objects.live()
        .filter(journalist=profile, event__ends_at__gte=timezone.now())
        .order_by("-event__ends_at")
        .values_list("event__ends_at", flat=True)
        .first()
    )
    today = timezone.localdate()
    return max(timezone.localtime(latest).date(), today) if latest else today


def review_queryset(event) -> QuerySet[Accreditation]:
    """An event's requests for the review page and API, with journalist and outlet joined."""
    return (
        Accreditation.objects.filter(event=event)
        .select_related("journalist__outlet", "event")
        .order_by("created_at", "id")
    )


def _name_key(name: str) -> str:
    # Python's casefold, not SQL lower(): SQLite only lowercases ASCII, and names are Vietnamese.
    return " ".join(name.casefold().split())


def duplicate_profile_ids(profiles) -> set[int]:
    """Those of `profiles` that share full name (ignoring case) and outlet with another profile."""
    profiles = list(profiles)
    if not profiles:
        return set()
    outlet_ids = {p.outlet_id for p in profiles if p.outlet_id}
    no_outlet_names = {p.full_name for p in profiles if not p.outlet_id}
    candidates = JournalistProfile.objects.filter(
        Q(outlet_id__in=outlet_ids) | Q(outlet__isnull=True, full_name__in=no_outlet_names)
    ).values_list("full_name", "outlet_id")
    seen = Counter((_name_key(name), outlet) for name, outlet in candidates)
    return {p.id for p in profiles if seen[(_name_key(p.full_name), p.outlet_id)] > 1}


def review_warnings(accreditations, event) -> dict[int, list[str]]:
    """Warnings per accreditation id: press card, photo, duplicate profile (one extra query)."""
    accreditations = list(accreditations)
    duplicates = duplicate_profile_ids([a.journalist for a in accreditations])
    until = timezone.localtime(event.ends_at).date()
    warnings: dict[int, list[str]] = {}
    for accreditation in accreditations:
        profile = accreditation.journalist
        found = []
        card = press_card_warning(profile, until=until)
        if card:
            found.append(card)
        if not profile.photo:
            found.append(_("No photo."))
        if profile.id in duplicates:
            found.append(_("Another profile has the same name and outlet."))
        warnings[accreditation.id] = found
    return warnings


@dataclass
class QuotaUsage:
    outlet: str
    category: str
    category_label: str
    used: int
    limit: int

    @property
    def full(self) -> bool:
        return self.used >= self.limit


@dataclass
class ReviewCounters:
    capacity: int
    by_status: dict[str, int]
    quotas: list[OutletQuota]
    quota_usage: list[QuotaUsage] = field(default_factory=list)

    @property
    def approved(self) -> int:
        return self.by_status.get(AccreditationStatus.APPROVED, 0)

    @property
    def other_states(self) -> list[tuple[str, str, int]]:
        """(value, label, count) for every state but approved, in workflow order."""
        return [
            (value, label, self.by_status.get(value, 0))
            for value, label in AccreditationStatus.choices
            if value != AccreditationStatus.APPROVED
        ]

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.approved, 0)


def review_counters(event) -> ReviewCounters:
    """Requests per state, approved against capacity, and each outlet's use of each quota."""
    by_status = dict(
        Accreditation.objects.filter(event=event)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    quotas = list(OutletQuota.objects.filter(event=event))
    limits = {q.category: q.limit for q in quotas}
    usage = []
    if limits:
        rows = (
            Accreditation.objects.filter(
                event=event,
                status=AccreditationStatus.APPROVED,
                category__in=list(limits),
                journalist__outlet__isnull=False,
            )
            .values("journalist__outlet__name", "category")
            .annotate(n=Count("id"))
            .order_by("journalist__outlet__name", "category")
        )
        labels = dict(JournalistRole.choices)
        usage = [
            QuotaUsage(
                outlet=row["journalist__outlet__name"],
                category=row["category"],
                category_label=str(labels[row["category"]]),
                used=row["n"],
                limit=limits[row["category"]],
            )
            for row in rows
        ]
    return ReviewCounters(
        capacity=event.press_capacity, by_status=by_status, quotas=quotas, quota_usage=usage
    )


def event_log(event) -> QuerySet[AccreditationLog]:
    """The audit trail of an event's accreditation decisions, newest first."""
    return (
        AccreditationLog.objects.filter(event=event)
        .select_related("actor", "accreditation__journalist")
        .order_by("-created_at", "-id")
    )


def journalist_export(profile: JournalistProfile) -> dict:
    """Everything we hold about a journalist, as JSON-ready data (their right of access)."""
    outlet = profile.outlet
    return {
        "profile": {
            "full_name": profile.full_name,
            "email": profile.email,
            "phone": profile.phone,
            "nationality": profile.nationality,
            "outlet": outlet.name if outlet else None,
            "role": profile.role,
            "press_card_number": profile.press_card_number,
            "press_card_expiry": (
                profile.press_card_expiry.isoformat() if profile.press_card_expiry else None
            ),
            "foreign_permit_number": profile.foreign_permit_number,
            "preferred_language": profile.preferred_language,
            "has_photo": bool(profile.photo),
            "email_verified_at": (
                profile.email_verified_at.isoformat() if profile.email_verified_at else None
            ),
            "consent_at": profile.consent_at.isoformat() if profile.consent_at else None,
            "created_at": profile.created_at.isoformat(),
        },
        "accreditations": [
            {
                "event": a.event.title,
                "event_starts_at": a.event.starts_at.isoformat(),
                "category": a.category,
                "status": a.status,
                "reason": a.status_reason,
                "note": a.note,
                "requested_at": a.created_at.isoformat(),
                "history": [
                    {
                        "from": entry.from_status,
                        "to": entry.to_status,
                        "reason": entry.reason,
                        "at": entry.created_at.isoformat(),
                    }
                    for entry in a.log_entries.all()
                ],
            }
            for a in profile.accreditations.select_related("event").prefetch_related("log_entries")
        ],
    }


def my_accreditations(profile: JournalistProfile | None) -> QuerySet[Accreditation]:
    """A journalist's own requests, newest event first."""
    if profile is None:
        return Accreditation.objects.none()
    return (
        Accreditation.objects.filter(journalist=profile)
        .select_related("event__organization", "event__room__venue")
        .order_by("-event__starts_at", "-id")
    )


def personal_calendar_accreditations(profile) -> list[Accreditation]:
    """The journalist's live requests (rejected, cancelled and revoked ones leave the feed)
    for public events, each with its event loaded."""
    return list(
        Accreditation.objects.live()
        .filter(journalist=profile, event__status__in=PUBLIC_STATUSES)
        .select_related("event__organization", "event__room__venue")
        .order_by("event__starts_at", "event_id")
    )


def personal_calendar_last_change(profile) -> datetime | None:
    """When anything in the journalist's feed last changed, including requests that left it."""
    changes = Accreditation.objects.filter(journalist=profile).aggregate(
        request=Max("updated_at"), event=Max("event__updated_at")
    )
    return max((when for when in (*changes.values(), profile.updated_at) if when), default=None)


# ---------------------------------------------------------------- badges

BADGE_SORTS = ("name", "outlet")


def with_active_badge(accreditations: QuerySet[Accreditation]) -> QuerySet[Accreditation]:
    """`accreditations` with their active badge prefetched, for `active_badge` to read."""
    return accreditations.prefetch_related(
        Prefetch("badges", queryset=Badge.objects.active(), to_attr="active_badges")
    )


def active_badge(accreditation: Accreditation) -> Badge | None:
    """The accreditation's badge that has not been superseded, if one was issued.

    Read from the `with_active_badge` prefetch when the accreditation came through it (no
    query), else one query. Whether it admits anyone is the desk's verdict: only while the
    accreditation is approved.
    """
    prefetched = getattr(accreditation, "active_badges", None)
    if prefetched is not None:
        return prefetched[0] if prefetched else None
    return accreditation.badges.active().first()


def _printable_badges() -> QuerySet[Badge]:
    # Only an approved accreditation's badge prints; joined with everything a badge shows.
    return (
        Badge.objects.active()
        .filter(accreditation__status=AccreditationStatus.APPROVED)
        .select_related("accreditation__journalist__outlet", "accreditation__event__room__venue")
    )


def _event_meta(event) -> str:
    when = format_span(event.starts_at, event.ends_at)
    room = event.room
    if room is not None:
        where = f"{room.tr('name')}, {room.venue.tr('name')}"
    else:
        where = "Online"
    return f"{when} · {where}"


def _badge_data(badge: Badge, *, event_title: str, event_meta: str) -> BadgeData:
    journalist = badge.accreditation.journalist
    return BadgeData(
        code=badge.code,
        serial=badge.serial,
        full_name=journalist.full_name,
        outlet=journalist.outlet.name if journalist.outlet_id else "",
        category=badge.accreditation.category,
        event_title=event_title,
        event_meta=event_meta,
        photo=journalist.photo or None,
    )


def badge_print_data(accreditation: Accreditation) -> BadgeData | None:
    """What the badge of `accreditation` shows; None unless it is approved with a badge."""
    if accreditation.status != AccreditationStatus.APPROVED:
        return None
    badge = _printable_badges().filter(accreditation_id=accreditation.pk).first()
    if badge is None:
        return None
    event = badge.accreditation.event
    return _badge_data(badge, event_title=event.tr("title"), event_meta=_event_meta(event))


def _sort_key(text: str) -> tuple[str, str]:
    return (slugify_vi(text, max_length=200), text)


def event_badges_print_data(
    event, *, sort: str = "name", accreditation_ids: Iterable[int] | None = None
) -> list[BadgeData]:
    """The badges of `event`'s approved accreditations (or of `accreditation_ids` among them),
    by journalist name or by outlet then name; accents ignored (Đ sorts as D)."""
    if sort not in BADGE_SORTS:
        raise ValueError(f"unknown sort {sort!r}")
    badges = _printable_badges().filter(accreditation__event=event)
    if accreditation_ids is not None:
        badges = badges.filter(accreditation_id__in=list(accreditation_ids))
    # Every badge of the run shows the same event: its title and dates are formatted once.
    title, meta = event.tr("title"), _event_meta(event)
    data = [_badge_data(b, event_title=title, event_meta=meta) for b in badges]

    def by_name(badge: BadgeData):
        return _sort_key(badge.full_name)

    def by_outlet(badge: BadgeData):
        return (_sort_key(badge.outlet or "~"), by_name(badge))

    return sorted(data, key=by_outlet if sort == "outlet" else by_name)
