"""Reads for events: querysets already limited to what the user may see, already prefetched."""

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from events.models import PUBLIC_STATUSES, AgendaItem, Event, Speaker
from organizations.permissions import is_superuser, organizer_organization_ids
from venues.models import Room, Venue


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


# The columns a VEVENT reads; long texts such as the description stay in the database.
CALENDAR_EVENT_FIELDS = (
    "id",
    "organization_id",
    "room_id",
    "title",
    "title_en",
    "slug",
    "summary",
    "summary_en",
    "kind",
    "status",
    "starts_at",
    "ends_at",
    "online_url",
    "contact_email",
    "cancellation_reason",
    "sequence",
    "created_at",
    "updated_at",
)


def calendar_events() -> QuerySet[Event]:
    """Events calendars may show (public ones, never drafts), with what a VEVENT reads.

    Organizations, rooms and venues are prefetched rather than joined: a feed has thousands of
    events but few places and hosts, and each is then built once instead of once per row.
    """
    return (
        Event.objects.public()
        .only(*CALENDAR_EVENT_FIELDS)
        .prefetch_related("organization", "room__venue")
        .order_by("starts_at", "id")
    )


def calendar_event_queryset(*, include_agenda: bool = False) -> QuerySet[Event]:
    """Public events for a one-event calendar: joined in one query, agenda prefetched if asked."""
    events = Event.objects.public().select_related("organization", "room__venue")
    if include_agenda:
        events = events.prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("room__venue").prefetch_related(
                    "speakers"
                ),
            )
        )
    return events


def venue_with_upcoming_events(slug: str, *, now) -> Venue:
    """A venue with its rooms and, on each room, its upcoming public events."""
    upcoming = (
        Event.objects.public().upcoming(now).select_related("organization").order_by("starts_at")
    )
    return Venue.objects.prefetch_related(
        Prefetch(
            "rooms",
            queryset=Room.objects.prefetch_related(
                Prefetch("events", queryset=upcoming, to_attr="upcoming_events")
            ),
        )
    ).get(slug=slug)


def room_bookings(room: Room, *, starts_at, ends_at) -> list[Event]:
    """Events (not cancelled) that hold `room` at some moment between the two times."""
    return list(
        Event.objects.holding_rooms()
        .filter(room=room)
        .overlapping(starts_at, ends_at)
        .select_related("organization")
        .order_by("starts_at", "id")
    )
