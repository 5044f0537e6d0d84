"""Writes for events, agenda items and speakers. Pages and the API both call these."""

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.db.models import Q
from django.db.models.deletion import Collector, ProtectedError
from django.utils.translation import gettext as _

from common.dates import format_datetime
from common.errors import DomainError
from common.services import changed_fields, model_update
from common.text import unique_slug
from events.models import AgendaItem, Event, EventStatus, Speaker
from events.selectors import room_conflict
from events.signals import event_status_changed
from venues.models import Room


class EventError(DomainError):
    """A rule about events refused the change (e.g. code="room_conflict")."""


# Changing any of these makes calendar clients replace their copy of the event.
SCHEDULE_FIELDS = ("starts_at", "ends_at", "room", "online_url", "status")

EVENT_EDITABLE_FIELDS = (
    "organization",
    "title",
    "title_en",
    "slug",
    "summary",
    "summary_en",
    "description",
    "description_en",
    "kind",
    "starts_at",
    "ends_at",
    "room",
    "online_url",
    "contact_name",
    "contact_phone",
    "contact_email",
    "press_capacity",
    "accreditation_opens_at",
    "accreditation_closes_at",
    "allow_walk_ins",
    "cover_image",
)
# Set only by event_change_status (the state machine), and by event_create for a first status.
STATUS_FIELDS = ("status", "cancellation_reason")
AGENDA_ITEM_EDITABLE_FIELDS = (
    "starts_at",
    "ends_at",
    "room",
    "title",
    "title_en",
    "description",
    "description_en",
)
SPEAKER_EDITABLE_FIELDS = (
    "organization",
    "name",
    "photo",
    "position",
    "position_en",
    "affiliation",
    "affiliation_en",
    "bio",
    "bio_en",
)


def _ensure_room_free(
    *,
    room: Room | None,
    starts_at: datetime,
    ends_at: datetime,
    status: str,
    exclude_event_id: int | None,
) -> None:
    """Refuse a second event in one room at one time.

    The room row is locked first, so two organizers booking the same room at once are
    serialized: the second sees the first's event and is refused.
    """
    if room is None or status == EventStatus.CANCELLED or not (starts_at and ends_at):
        return
    Room.objects.select_for_update().filter(pk=room.pk).first()
    clash = room_conflict(
        room=room, starts_at=starts_at, ends_at=ends_at, exclude_event_id=exclude_event_id
    )
    if clash is not None:
        local_start, local_end = format_datetime(clash.starts_at), format_datetime(clash.ends_at)
        raise EventError(
            "room_conflict",
            _("%(room)s is already booked for “%(event)s” from %(start)s to %(end)s.")
            % {"room": room.name, "event": clash.title, "start": local_start, "end": local_end},
            field="room",
        )


def _check_speakers(
    *, organization_id: int, speakers: Iterable[Speaker], field: str = "speakers"
) -> None:
    """Refuse speakers another organization manages: an event shows only its own."""
    if any(speaker.organization_id != organization_id for speaker in speakers):
        raise EventError(
            "speaker_of_other_organization",
            _("This speaker belongs to another organization."),
            field=field,
            status=400,
        )


def _ensure_event_room_free(event: Event) -> None:
    _ensure_room_free(
        room=event.room,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        status=event.status,
        exclude_event_id=event.pk,
    )


def _save_event(event: Event, *, speakers: Iterable[Speaker] | None) -> Event:
    if not event.slug:
        event.slug = unique_slug(Event, event.title, max_length=140, exclude_pk=event.pk)
    event.full_clean()
    if speakers is not None:
        speakers = list(speakers)
        _check_speakers(organization_id=event.organization_id, speakers=speakers)
    _ensure_event_room_free(event)
    event.save()
    if speakers is not None:
        event.speakers.set(speakers)
    return event


@transaction.atomic
def event_create(*, speakers: Iterable[Speaker] | None = None, **fields) -> Event:
    """Create an event (a draft unless `status` says otherwise, e.g. when loading data) after
    checking its times, its place and that its room is free."""
    unknown = set(fields) - set(EVENT_EDITABLE_FIELDS) - set(STATUS_FIELDS)
    if unknown:
        raise TypeError(f"event_create got unexpected fields: {sorted(unknown)}")
    return _save_event(Event(**fields), speakers=speakers)


@transaction.atomic
def event_update(*, event: Event, speakers: Iterable[Speaker] | None = None, **fields) -> Event:
    """Change an event; a change of time or place raises its calendar SEQUENCE.

    The status is not among the fields: it changes only through event_change_status.
    """
    unknown = set(fields) - set(EVENT_EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"event_update got unexpected fields: {sorted(unknown)}")
    return _update_event(event=event, speakers=speakers, **fields)


def _update_event(*, event: Event, speakers: Iterable[Speaker] | None = None, **fields) -> Event:
    """event_update without the guard on the status: event_change_status comes through here.

    Saved first, then checked against its agenda, its speakers and its room's other bookings
    (the room row locked): a refusal rolls the whole change back.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    organization_id = event.organization_id
    data = dict(fields)
    if "slug" in data and not data["slug"]:  # cleared: made again from the (new) title
        title = data.get("title", event.title)
        data["slug"] = unique_slug(Event, title, max_length=140, exclude_pk=event.pk)
    if changed_fields(event, SCHEDULE_FIELDS, data):
        data["sequence"] = event.sequence + 1
    event, _changed = model_update(
        instance=event, fields=(*EVENT_EDITABLE_FIELDS, *STATUS_FIELDS, "sequence"), data=data
    )
    if speakers is not None:
        speakers = list(speakers)
        _check_speakers(organization_id=event.organization_id, speakers=speakers)
    if event.organization_id != organization_id:
        # The speakers it keeps must belong to the organization it moves to.
        kept = Q(agenda_items__event=event)
        if speakers is None:  # a new list would replace the event's own speakers
            kept |= Q(events=event)
        _check_speakers(
            organization_id=event.organization_id,
            speakers=Speaker.objects.filter(kept).distinct(),
        )
    _check_agenda_still_inside(event)
    _ensure_event_room_free(event)
    if speakers is not None:
        event.speakers.set(speakers)
    return event


def _check_agenda_still_inside(event: Event) -> None:
    if not event.pk or not (event.starts_at and event.ends_at):
        return
    outside = event.agenda_items.exclude(starts_at__gte=event.starts_at, ends_at__lte=event.ends_at)
    if outside.exists():
        raise ValidationError(
            {"starts_at": _("Some agenda items would fall outside the event's new times.")}
        )


# Where an event may go from each status. Drafts are deleted rather than cancelled (nobody
# outside the organization saw them); a cancelled event is final: duplicate it to run it again.
STATUS_CHANGES = {
    EventStatus.DRAFT: (EventStatus.PUBLISHED,),
    EventStatus.PUBLISHED: (EventStatus.POSTPONED, EventStatus.CANCELLED),
    EventStatus.POSTPONED: (EventStatus.PUBLISHED, EventStatus.CANCELLED),
    EventStatus.CANCELLED: (),
}


def allowed_status_changes(event: Event) -> tuple[str, ...]:
    """The statuses `event` may move to from where it stands."""
    return STATUS_CHANGES.get(event.status, ())


@transaction.atomic
def event_change_status(*, event: Event, status: str, reason: str = "") -> Event:
    """Publish, postpone or cancel an event (a reason is required to postpone or cancel)."""
    if status in (EventStatus.POSTPONED, EventStatus.CANCELLED) and not reason.strip():
        raise ValidationError({"reason": _("Give a reason: journalists will read it.")})
    # Read the status under lock, so two organizers pressing buttons at once cannot both pass.
    event.status = (
        Event.objects.select_for_update().values_list("status", flat=True).get(pk=event.pk)
    )
    if status not in allowed_status_changes(event):
        raise EventError(
            "status_change_not_allowed",
            _("A %(current)s event cannot become %(new)s.")
            % {"current": event.get_status_display(), "new": EventStatus(status).label},
        )
    fields = {"status": status}
    if reason:
        fields["cancellation_reason"] = reason.strip()
    previous = event.status
    event = _update_event(event=event, **fields)
    if event.status != previous:
        status = event.status
        transaction.on_commit(
            lambda: event_status_changed.send(
                sender=Event, event=event, previous=previous, status=status
            )
        )
    return event


def event_deletion_refusal(event: Event) -> EventError | None:
    """Why `event` may not be deleted, or None: only a draft with no history attached goes.

    What the apps above keep about an event (accreditations, decisions, scans) points at it
    with on_delete=PROTECT; asking Django's deletion collector finds all of it without this
    app naming any of them.
    """
    if event.status != EventStatus.DRAFT:
        return EventError(
            "event_not_draft",
            _("Only draft events can be deleted; cancel a published event instead."),
        )
    try:
        Collector(using=router.db_for_write(Event, instance=event)).collect([event])
    except ProtectedError:
        return EventError(
            "event_has_accreditations",
            _(
                "Journalists have asked for accreditation to this event; their requests and "
                "their history are kept, so the event cannot be deleted."
            ),
        )
    return None


@transaction.atomic
def event_delete(*, event: Event) -> None:
    """Delete a draft that nobody outside the organization has seen and nothing points at."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    refusal = event_deletion_refusal(event)
    if refusal is not None:
        raise refusal
    event.delete()


def _check_within_event(item: AgendaItem) -> None:
    event = item.event
    if item.starts_at < event.starts_at or item.ends_at > event.ends_at:
        raise ValidationError(
            {"starts_at": _("The agenda item must take place within the event's times.")}
        )


def _set_agenda_speakers(item: AgendaItem, speakers: Iterable[Speaker] | None) -> None:
    if speakers is not None:
        speakers = list(speakers)
        _check_speakers(organization_id=item.event.organization_id, speakers=speakers)
        item.speakers.set(speakers)
        item.event.speakers.add(*speakers)


def _agenda_item_save(item: AgendaItem, speakers: Iterable[Speaker] | None) -> AgendaItem:
    item.full_clean()
    _check_within_event(item)
    item.save()
    _set_agenda_speakers(item, speakers)
    return item


@transaction.atomic
def agenda_item_create(
    *, event: Event, speakers: Iterable[Speaker] | None = None, **fields
) -> AgendaItem:
    """Add an agenda item inside the event's times; its speakers join the event's speakers."""
    return _agenda_item_save(AgendaItem(event=event, **fields), speakers)


@transaction.atomic
def agenda_item_update(
    *, item: AgendaItem, speakers: Iterable[Speaker] | None = None, **fields
) -> AgendaItem:
    """Change an agenda item; it must stay inside the event's times (else nothing changes)."""
    item = (
        AgendaItem.objects.select_for_update(of=("self",)).select_related("event").get(pk=item.pk)
    )
    item, _changed = model_update(instance=item, fields=AGENDA_ITEM_EDITABLE_FIELDS, data=fields)
    _check_within_event(item)
    _set_agenda_speakers(item, speakers)
    return item


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem) -> None:
    """Remove an agenda item."""
    item.delete()


@transaction.atomic
def speaker_create(**fields) -> Speaker:
    """Add a speaker to an organization's list."""
    speaker = Speaker(**fields)
    speaker.full_clean()
    speaker.save()
    return speaker


@transaction.atomic
def speaker_update(*, speaker: Speaker, **fields) -> Speaker:
    """Change a speaker's details; one on events stays with the organization running them."""
    speaker = Speaker.objects.select_for_update().get(pk=speaker.pk)
    moving_to = fields.get("organization")
    if moving_to is not None and getattr(moving_to, "pk", moving_to) != speaker.organization_id:
        on_events = Event.objects.filter(Q(speakers=speaker) | Q(agenda_items__speakers=speaker))
        if on_events.exclude(organization_id=getattr(moving_to, "pk", moving_to)).exists():
            raise EventError(
                "speaker_on_other_organizations_events",
                _(
                    "This speaker is on events of their organization; take them off those "
                    "events first."
                ),
                field="organization",
                status=400,
            )
    speaker, _changed = model_update(instance=speaker, fields=SPEAKER_EDITABLE_FIELDS, data=fields)
    return speaker


@transaction.atomic
def event_duplicate(
    *,
    event: Event,
    starts_at: datetime,
    room: Room | None = None,
    title: str = "",
    title_en: str = "",
) -> Event:
    """A new draft copying an event's texts, room, speakers and agenda, moved to `starts_at`.

    The duration stays; the agenda and the accreditation window move by the same amount.
    """
    shift = starts_at - event.starts_at
    fields = {
        name: getattr(event, name)
        for name in EVENT_EDITABLE_FIELDS
        if name not in {"slug", "status", "cancellation_reason"}
    }
    fields.update(
        title=title or event.title,
        title_en=title_en or event.title_en,
        status=EventStatus.DRAFT,
        starts_at=event.starts_at + shift,
        ends_at=event.ends_at + shift,
        room=room if room is not None else event.room,
    )
    for name in ("accreditation_opens_at", "accreditation_closes_at"):
        if fields[name] is not None:
            fields[name] += shift
    copy = _save_event(Event(**fields), speakers=list(event.speakers.all()))
    for item in event.agenda_items.prefetch_related("speakers"):
        _agenda_item_save(
            AgendaItem(
                event=copy,
                starts_at=item.starts_at + shift,
                ends_at=item.ends_at + shift,
                title=item.title,
                title_en=item.title_en,
                description=item.description,
                description_en=item.description_en,
                room=item.room,
            ),
            list(item.speakers.all()),
        )
    return copy


@transaction.atomic
def event_speaker_add(*, event: Event, speaker: Speaker) -> None:
    """Put one of the organization's speakers on an event."""
    if speaker.organization_id != event.organization_id:
        raise EventError(
            "speaker_of_other_organization",
            _("This speaker belongs to another organization."),
            field="speaker",
        )
    event.speakers.add(speaker)


@transaction.atomic
def event_speaker_remove(*, event: Event, speaker: Speaker) -> None:
    """Take a speaker off an event and off its agenda items (the speaker stays on file)."""
    event.speakers.remove(speaker)
    AgendaItem.speakers.through.objects.filter(agendaitem__event=event, speaker=speaker).delete()


# --- Organization members (organizers and front desk) -------------------------------------------
