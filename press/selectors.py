"""Reads for press materials: who may read which release at a given moment, and the press kit.

The embargo is computed from the clock on every read (`now`, injectable for tests): a release
becomes readable to its audience when its time comes, without any job flipping a flag.

Who reads a release of an event the user may see:
- organizers of the event's organization (and superusers): every release, embargoed or not;
- journalists approved for the event: every release of that event, embargoed ones marked so
  (both audiences include them);
- everyone else: releases for the `public` audience whose embargo, if any, has lifted.
"""

from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from accreditation.models import Accreditation, AccreditationStatus
from accreditation.selectors import is_approved_for
from events.models import AgendaItem, Event, Speaker
from events.permissions import can_manage_event
from events.selectors import events_visible_to
from organizations.permissions import is_superuser, organizer_organization_ids
from press import press_kit
from press.models import MediaContact, PressAudience, PressRelease, PressReleaseAttachment
from press.press_kit import PressKitData, PressKitRelease


def _lifted(now: datetime) -> Q:
    return Q(embargo_until__isnull=True) | Q(embargo_until__lte=now)


def _with_attachments(releases: QuerySet[PressRelease]) -> QuerySet[PressRelease]:
    return releases.select_related("event").prefetch_related(
        Prefetch(
            "attachments", queryset=PressReleaseAttachment.objects.order_by("created_at", "id")
        )
    )


def releases_visible_to(user, *, now: datetime | None = None) -> QuerySet[PressRelease]:
    """Every release `user` may read at `now`, across events, attachments prefetched."""
    now = now or timezone.now()
    releases = _with_attachments(PressRelease.objects.all())
    if is_superuser(user):
        return releases
    condition = Q(audience=PressAudience.PUBLIC) & _lifted(now)
    if getattr(user, "is_authenticated", False):
        # The set-based twin of accreditation.selectors.is_approved_for, for lists.
        approved = Accreditation.objects.filter(
            journalist__user=user, status=AccreditationStatus.APPROVED
        ).values("event_id")
        condition |= Q(event_id__in=approved)
        own = organizer_organization_ids(user)
        if own:
            condition |= Q(event__organization_id__in=own)
    visible_events = events_visible_to(user).values("id")
    return releases.filter(condition, event_id__in=visible_events)


def can_read_all_releases(user, event: Event) -> bool:
    """Organizers and approved journalists read every release of the event, embargoed too."""
    return can_manage_event(user, event) or is_approved_for(user, event)


def releases_for_event(user, event: Event, *, now: datetime | None = None) -> list[PressRelease]:
    """The releases of one (visible) event that `user` may read at `now`, newest first."""
    now = now or timezone.now()
    releases = _with_attachments(event.press_releases.all())
    if not can_read_all_releases(user, event):
        releases = releases.filter(_lifted(now), audience=PressAudience.PUBLIC)
    return list(releases)


def media_contacts_for(event: Event) -> list[MediaContact]:
    """The event's media contacts, in their chosen order."""
    return list(event.media_contacts.all())


def press_kit_data(
    user, event: Event, *, language: str, now: datetime | None = None
) -> PressKitData:
    """What the press kit of `event` holds for `user` at `now`, in `language` (constant queries)."""
    now = now or timezone.now()
    event = (
        events_visible_to(user)
        .prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("room").prefetch_related("speakers"),
            ),
            Prefetch("speakers", queryset=Speaker.objects.order_by("name", "id")),
            "media_contacts",
        )
        .get(pk=event.pk)
    )
    releases = sorted(
        releases_for_event(user, event, now=now),
        # The kit's language first, then the others; newest first within each.
        key=lambda r: (r.language != language,),
    )
    return PressKitData(
        event=event,
        language=language,
        site_url=settings.SITE_URL,
        agenda=list(event.agenda_items.all()),
        speakers=list(event.speakers.all()),
        releases=[PressKitRelease(r, r.is_embargoed(now)) for r in releases],
        contacts=list(event.media_contacts.all()),
    )


def press_kit_pdf_for(user, event: Event, *, language: str, now: datetime | None = None) -> bytes:
    """The press kit PDF as `user` may see it at `now`; served from cache when nothing changed."""
    data = press_kit_data(user, event, language=language, now=now)
    key = f"press-kit:{event.pk}:{language}:{data.fingerprint()}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = press_kit.render_press_kit(data)
        cache.set(key, pdf, timeout=settings.PRESS_KIT_CACHE_SECONDS)
    return pdf
