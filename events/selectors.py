"""Reads for events: querysets already limited to what the user may see, already prefetched."""

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from events.models import PUBLIC_STATUSES, AgendaItem, Event, Organization, Speaker
from events.permissions import is_superuser, organizer_organization_ids


def events_visible_to(user) -> QuerySet[Event]:
    """Public events, plus drafts of the organizations the user organizes."""
    events = Event.objects.select_related("organization", "room__venue")
    if is_superuser(user):
        return events
    own = organizer_organization_ids(user)
    if own:
        return events.filter(Q(status__in=PUBLIC_STATUSES) | Q(organization_id__in=own))
    return events.public()


def event_detail_queryset(user) -> QuerySet[Event]:
    """Visible events with agenda (and its speakers and rooms) and speakers prefetched."""
    return events_visible_to(user).prefetch_related(
        Prefetch(
            "agenda_items",
            queryset=AgendaItem.objects.select_related("room__venue").prefetch_related("speakers"),
        ),
        "speakers",
    )


def upcoming_public_events(*, limit: int = 6) -> list[Event]:
    """What the home page shows: the next public events that have not ended."""
    return list(
        Event.objects.public()
        .upcoming(timezone.now())
        .select_related("organization", "room__venue")
        .order_by("starts_at")[:limit]
    )


def speakers_visible_to(user) -> QuerySet[Speaker]:
    """Speakers of public events, plus every speaker of the organizations the user organizes."""
    speakers = Speaker.objects.select_related("organization")
    if is_superuser(user):
        return speakers
    public = Q(events__status__in=PUBLIC_STATUSES) | Q(
        agenda_items__event__status__in=PUBLIC_STATUSES
    )
    own = organizer_organization_ids(user)
    condition = public | Q(organization_id__in=own) if own else public
    ids = Speaker.objects.filter(condition).values("id")
    return speakers.filter(id__in=ids)


def organizations_list() -> QuerySet[Organization]:
    return Organization.objects.all()


def room_conflict(*, room, starts_at, ends_at, exclude_event_id=None) -> Event | None:
    """The first event (not cancelled) that already holds `room` during the given span."""
    if room is None or not (starts_at and ends_at):
        return None
    return (
        Event.objects.holding_rooms()
        .filter(room=room)
        .overlapping(starts_at, ends_at)
        .exclude(pk=exclude_event_id)
        .order_by("starts_at")
        .first()
    )
