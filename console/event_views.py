"""The organizer console (/manage/): dashboard, events, agenda and speakers.

Views are thin: form -> service -> redirect. Rules live in events/services.py, visibility in
events/manage_selectors.py, access in events/permissions.py.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from common.errors import SERVICE_ERRORS, DomainError
from common.forms import add_service_error, service_error_message
from console import selectors
from console.decorators import _event, console_view, posted
from events import services
from events.filters import ManageEventFilter
from events.forms import (
    AgendaItemForm,
    DuplicateEventForm,
    EventForm,
    SpeakerForm,
    SpeakerPickForm,
    StatusChangeForm,
    default_duplicate_start,
)
from events.models import Event, EventStatus
from events.permissions import can_manage_event
from organizations.selectors import managed_organizations

# Per-event tabs. Other parts of the console add theirs here; a tab shows once its URL name
# exists, so a branch that is not merged yet simply has no tab.
EVENT_TABS = (
    ("manage-event-detail", gettext_lazy("Overview")),
    ("manage-event-edit", gettext_lazy("Details")),
    ("accreditation-review", gettext_lazy("Accreditations")),
    ("manage-event-badges", gettext_lazy("Badges")),
    ("manage-event-attendance", gettext_lazy("Attendance")),
    ("desk", gettext_lazy("Front desk")),
    ("press-desk", gettext_lazy("Press releases")),
)


# What front-desk staff (not organizers of the event) see of it.
DESK_TABS = {"manage-event-attendance", "desk"}


def event_tabs(event: Event, current: str, user=None) -> list[dict]:
    """The event's tabs; given a `user` who does not organize it, only the desk ones."""
    desk_only = user is not None and not can_manage_event(user, event)
    tabs = []
    for name, label in EVENT_TABS:
        if desk_only and name not in DESK_TABS:
            continue
        try:
            url = reverse(name, kwargs={"slug": event.slug})
        except NoReverseMatch:
            continue
        tabs.append({"url": url, "label": label, "current": name == current})
    return tabs


def _event_context(event: Event, current: str, user=None, **extra) -> dict:
    return {"event": event, "tabs": event_tabs(event, current, user), **extra}


# --- Dashboard and list -------------------------------------------------------------------


@console_view
def dashboard(request):
    today, later = selectors.dashboard_events(request.user, now=timezone.now())
    return render(
        request,
        "console/dashboard.html",
        {
            "today": today,
            "later": later,
            "show_checkins": selectors.checkins_available(),
        },
    )


@console_view
def event_list(request):
    data = request.GET.copy()
    data.setdefault("period", "upcoming")
    events = selectors.with_counters(selectors.managed_events(request.user))
    event_filter = ManageEventFilter(data, queryset=events, request=request)
    status = 200
    if event_filter.is_valid():
        results = event_filter.qs
    else:
        results, status = Event.objects.none(), 400
    page = Paginator(results, 25).get_page(request.GET.get("page"))
    query = data.copy()
    query.pop("page", None)
    return render(
        request,
        "console/event_list.html",
        {
            "filter": event_filter,
            "page": page,
            "query_string": query.urlencode(),
            "show_checkins": selectors.checkins_available(),
            "many_organizations": len(event_filter.filters["organization"].queryset) > 1,
        },
        status=status,
    )


# --- One event --------------------------------------------------------------------------------


@console_view
def event_create(request):
    organizations = managed_organizations(request.user)
    form = EventForm(*posted(request, files=True), organizations=organizations)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(**form.service_fields())
        except SERVICE_ERRORS as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Draft saved. Publish it when it is ready."))
            return redirect("manage-event-detail", slug=event.slug)
    return render(
        request,
        "console/event_form.html",
        {"form": form, "event": None},
        status=400 if form.errors else 200,
    )


@console_view
def event_detail(request, slug):
    try:
        event = selectors.event_with_program(request.user, slug)
    except Event.DoesNotExist:
        raise Http404 from None
    speakers = list(event.speakers.all())
    on_event = {speaker.pk for speaker in speakers}
    pickable = selectors.organization_speakers(event.organization_id).exclude(pk__in=on_event)
    return render(
        request,
        "console/event_detail.html",
        _event_context(
            event,
            "manage-event-detail",
            agenda=list(event.agenda_items.all()),
            speakers=speakers,
            status_actions=_status_actions(event),
            agenda_form=AgendaItemForm(
                speakers=selectors.organization_speakers(event.organization_id),
                initial={"starts_at": event.starts_at, "ends_at": event.ends_at},
                auto_id="new_agenda_%s",
            ),
            pick_form=SpeakerPickForm(speakers=pickable) if pickable.exists() else None,
            show_checkins=selectors.checkins_available(),
        ),
    )


@console_view
def event_edit(request, slug):
    event = _event(request, slug)
    organizations = managed_organizations(request.user)
    form = EventForm(*posted(request, files=True), instance=event, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(event=event, **form.service_fields())
        except SERVICE_ERRORS as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("manage-event-detail", slug=event.slug)
    # The form may have written typed values onto `event`; show the saved title in the header.
    saved = _event(request, slug)
    return render(
        request,
        "console/event_form.html",
        _event_context(saved, "manage-event-edit", form=form),
        status=400 if form.errors else 200,
    )


# action in the URL -> (new status, needs a reason, is destructive)
STATUS_ACTIONS = {
    "publish": (EventStatus.PUBLISHED, False, False),
    "postpone": (EventStatus.POSTPONED, True, True),
    "cancel": (EventStatus.CANCELLED, True, True),
}
ACTION_LABELS = {
    "publish": gettext_lazy("Publish"),
    "postpone": gettext_lazy("Postpone"),
    "cancel": gettext_lazy("Cancel event"),
}


def _status_actions(event: Event) -> list[dict]:
    allowed = services.allowed_status_changes(event)
    return [
        {"action": action, "label": ACTION_LABELS[action], "destructive": destructive}
        for action, (status, _reason, destructive) in STATUS_ACTIONS.items()
        if status in allowed
    ]


@console_view
def event_status(request, slug, action):
    """Confirmation page (GET) and the change itself (POST) for publish, postpone and cancel."""
    if action not in STATUS_ACTIONS:
        raise Http404
    event = _event(request, slug)
    status, needs_reason, destructive = STATUS_ACTIONS[action]
    form = StatusChangeForm(*posted(request), reason_required=needs_reason)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_change_status(
                event=event, status=status, reason=form.cleaned_data.get("reason", "")
            )
        except SERVICE_ERRORS as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("The event is now %(status)s.") % {"status": EventStatus(status).label},
            )
            return redirect("manage-event-detail", slug=event.slug)
    return render(
        request,
        "console/event_status.html",
        _event_context(
            event,
            "",
            form=form,
            action=action,
            action_label=ACTION_LABELS[action],
            destructive=destructive,
            allowed=status in services.allowed_status_changes(event),
        ),
        status=400 if form.errors else 200,
    )


@console_view
def event_duplicate(request, slug):
    event = _event(request, slug)
    form = DuplicateEventForm(
        *posted(request),
        initial={
            "starts_at": default_duplicate_start(event),
            "room": event.room_id,
            "title": event.title,
            "title_en": event.title_en,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            copy = services.event_duplicate(event=event, **form.cleaned_data)
        except SERVICE_ERRORS as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Copy saved as a draft. Check it, then publish it."))
            return redirect("manage-event-detail", slug=copy.slug)
    return render(
        request,
        "console/event_duplicate.html",
        _event_context(
            event,
            "",
            form=form,
            duration_minutes=int((event.ends_at - event.starts_at).total_seconds() // 60),
        ),
        status=400 if form.errors else 200,
    )


@console_view
def event_delete(request, slug):
    event = _event(request, slug)
    error = None
    if request.method == "POST":
        try:
            services.event_delete(event=event)
        except DomainError as exc:
            error = service_error_message(exc)
        else:
            messages.success(request, _("Draft “%(title)s” deleted.") % {"title": event.title})
            return redirect("manage-event-list")
    return render(
        request,
        "console/confirm.html",
        _event_context(
            event,
            "",
            question=_("Delete the draft “%(title)s”? This cannot be undone.")
            % {"title": event.title},
            button=_("Delete draft"),
            error=error
            or (
                None
                if event.status == EventStatus.DRAFT
                else _("Only draft events can be deleted; cancel a published event instead.")
            ),
            back=reverse("manage-event-detail", kwargs={"slug": event.slug}),
        ),
        status=409 if error else 200,
    )


# --- Agenda -----------------------------------------------------------------------------------


def _agenda_form_page(request, event, form, item=None):
    return render(
        request,
        "console/agenda_form.html",
        _event_context(event, "", form=form, item=item),
        status=400 if form.errors else 200,
    )


@console_view
def agenda_create(request, slug):
    event = _event(request, slug)
    form = AgendaItemForm(
        *posted(request),
        speakers=selectors.organization_speakers(event.organization_id),
        initial={"starts_at": event.starts_at, "ends_at": event.ends_at},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_create(event=event, **form.service_fields())
        except SERVICE_ERRORS as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Agenda item added."))
            return redirect(_agenda_anchor(event))
    return _agenda_form_page(request, event, form)


@console_view
def agenda_edit(request, slug, pk):
    event = _event(request, slug)
    item = get_object_or_404(event.agenda_items.all(), pk=pk)
    form = AgendaItemForm(
        *posted(request),
        instance=item,
        speakers=selectors.organization_speakers(event.organization_id),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.agenda_item_update(item=item, **form.service_fields())
        except SERVICE_ERRORS as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Agenda item saved."))
            return redirect(_agenda_anchor(event))
    return _agenda_form_page(request, event, form, item)


@console_view
def agenda_delete(request, slug, pk):
    event = _event(request, slug)
    item = get_object_or_404(event.agenda_items.all(), pk=pk)
    if request.method == "POST":
        services.agenda_item_delete(item=item)
        messages.success(request, _("Agenda item removed."))
        return redirect(_agenda_anchor(event))
    return render(
        request,
        "console/confirm.html",
        _event_context(
            event,
            "",
            question=_("Remove “%(title)s” from the agenda?") % {"title": item.title},
            button=_("Remove"),
            back=_agenda_anchor(event),
        ),
    )


def _agenda_anchor(event: Event) -> str:
    return reverse("manage-event-detail", kwargs={"slug": event.slug}) + "#agenda"


def _speakers_anchor(event: Event) -> str:
    return reverse("manage-event-detail", kwargs={"slug": event.slug}) + "#speakers"


# --- Speakers -----------------------------------------------------------------------------------


def _event_speaker(event: Event, pk: int):
    return get_object_or_404(selectors.organization_speakers(event.organization_id), pk=pk)


@console_view
def speaker_create(request, slug):
    """A new speaker on file for the organization, put on this event at once."""
    event = _event(request, slug)
    form = SpeakerForm(*posted(request, files=True))
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():  # no speaker left behind if attaching fails
                speaker = services.speaker_create(
                    organization=event.organization, **form.service_fields()
                )
                services.event_speaker_add(event=event, speaker=speaker)
        except SERVICE_ERRORS as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Speaker added."))
            return redirect(_speakers_anchor(event))
    return render(
        request,
        "console/speaker_form.html",
        _event_context(event, "", form=form, speaker=None),
        status=400 if form.errors else 200,
    )


@console_view
def speaker_edit(request, slug, pk):
    event = _event(request, slug)
    speaker = _event_speaker(event, pk)
    form = SpeakerForm(*posted(request, files=True), instance=speaker)
    if request.method == "POST" and form.is_valid():
        try:
            services.speaker_update(speaker=speaker, **form.service_fields())
        except SERVICE_ERRORS as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Speaker saved."))
            return redirect(_speakers_anchor(event))
    return render(
        request,
        "console/speaker_form.html",
        _event_context(event, "", form=form, speaker=speaker),
        status=400 if form.errors else 200,
    )


@console_view
@require_POST
def speaker_attach(request, slug):
    event = _event(request, slug)
    form = SpeakerPickForm(
        request.POST, speakers=selectors.organization_speakers(event.organization_id)
    )
    if form.is_valid():
        services.event_speaker_add(event=event, speaker=form.cleaned_data["speaker"])
        messages.success(request, _("Speaker added."))
    else:
        messages.error(request, _("Choose a speaker from the list."))
    return redirect(_speakers_anchor(event))


@console_view
def speaker_remove(request, slug, pk):
    event = _event(request, slug)
    speaker = _event_speaker(event, pk)
    if request.method == "POST":
        services.event_speaker_remove(event=event, speaker=speaker)
        messages.success(request, _("Speaker removed from this event."))
        return redirect(_speakers_anchor(event))
    return render(
        request,
        "console/confirm.html",
        _event_context(
            event,
            "",
            question=_("Remove %(name)s from this event and its agenda? The speaker stays on file.")
            % {"name": speaker.name},
            button=_("Remove"),
            back=_speakers_anchor(event),
        ),
    )
