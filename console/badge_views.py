"""Console pages for badges, attendance and walk-ins (/manage/events/<slug>/..., /desk/...).

Thin: form -> service -> redirect. Rules live in accreditation/services.py and badges.py,
figures in attendance.py, access in events/permissions.py and accreditation/permissions.py.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accreditation import pdf
from accreditation.badges import badge_reprint
from accreditation.forms import BadgePrintForm, ReprintForm
from accreditation.models import Accreditation, AccreditationStatus
from accreditation.permissions import can_print_event_badges, can_reprint_badge
from accreditation.selectors import active_badge, event_badges_print_data
from checkin.attendance import attendance_csv, attendance_figures, badge_rows
from checkin.selectors import desk_events
from common.dates import local, local_day_bounds
from common.errors import SERVICE_ERRORS
from common.forms import add_service_error
from common.responses import file_response, pdf_response
from console.decorators import _event, console_view, desk_view
from console.event_views import _event_context
from events.permissions import (
    can_export_attendance,
    can_manage_event,
    can_see_attendance,
)

# --- Badges tab ----------------------------------------------------------------------------------


def _badges_page(request, event, rows, form, status=200):
    return render(
        request,
        "console/badges.html",
        _event_context(event, "manage-event-badges", form=form, rows=rows),
        status=status,
    )


@console_view
def badges(request, slug):
    """Approved journalists with their badge; print all or the ticked ones; reprint one."""
    event = _event(request, slug)
    if not can_print_event_badges(request.user, event):
        raise PermissionDenied
    rows = badge_rows(event)
    return _badges_page(request, event, rows, BadgePrintForm(choices=[r.pk for r in rows]))


@console_view
@require_GET
def badges_pdf(request, slug):
    """The PDF of the event's badges (all, or those ticked), as cards or A4 sheets."""
    event = _event(request, slug)
    if not can_print_event_badges(request.user, event):
        raise PermissionDenied
    rows = badge_rows(event)
    query = request.GET.copy()
    for name, default in (("layout", "card"), ("sort", "name"), ("scope", "all")):
        query.setdefault(name, default)
    form = BadgePrintForm(query, choices=[r.pk for r in rows])
    if not form.is_valid():
        return _badges_page(request, event, rows, form, status=400)
    data = form.cleaned_data
    ids = data["ids"] if data["scope"] == "selected" else None
    badges = event_badges_print_data(event, sort=data["sort"], accreditation_ids=ids)
    content = pdf.event_badges_pdf(badges, event_title=event.title, layout=data["layout"])
    # Badges carry personal data and working admission codes: pdf_response keeps them private.
    return pdf_response(content, f"badges-{event.slug}-{data['layout']}.pdf", download=True)


@console_view
def badge_reprint_view(request, slug, pk):
    """Confirmation with a required reason (GET), then the reprint (POST)."""
    event = _event(request, slug)
    accreditation = get_object_or_404(
        Accreditation.objects.select_related("journalist__outlet", "event").filter(
            event=event, status=AccreditationStatus.APPROVED
        ),
        pk=pk,
    )
    if not can_reprint_badge(request.user, accreditation):
        raise PermissionDenied
    current = active_badge(accreditation)
    form = ReprintForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            badge = badge_reprint(
                accreditation=accreditation, by=request.user, reason=form.cleaned_data["reason"]
            )
        except SERVICE_ERRORS as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Badge reprinted as %(serial)s; the old one (%(old)s) no longer admits.")
                % {"serial": badge.serial, "old": current.serial if current else "—"},
            )
            return redirect(
                reverse("manage-event-badges", kwargs={"slug": event.slug})
                + f"#badge-{accreditation.pk}"
            )
    return render(
        request,
        "console/badge_reprint.html",
        _event_context(
            event, "manage-event-badges", form=form, accreditation=accreditation, badge=current
        ),
        status=400 if form.errors else 200,
    )


# --- Attendance ---------------------------------------------------------------------------------


def _desk_event(request, slug):
    """An event whose desk the user staffs or organizes; others do not exist here."""
    event = get_object_or_404(desk_events(request.user), slug=slug)
    if not can_see_attendance(request.user, event):  # the selector already limits; belt and braces
        raise Http404
    return event


@desk_view
def attendance(request, slug):
    """Live figures of one event; the page polls attendance.json (static/js/attendance.js)."""
    event = _desk_event(request, slug)
    return render(
        request,
        "console/attendance.html",
        _event_context(
            event,
            "manage-event-attendance",
            request.user,
            figures=attendance_figures(event),
            can_export=can_export_attendance(request.user, event),
        ),
    )


@desk_view
@require_GET
def attendance_json(request, slug):
    """The figures of the attendance page, for its polling script."""
    event = _desk_event(request, slug)
    response = JsonResponse(attendance_figures(event))
    response["Cache-Control"] = "no-store"
    return response


@desk_view
@require_GET
def attendance_export(request, slug):
    """Accredited and checked-in journalists as CSV (organizers: it is a list of names)."""
    event = _desk_event(request, slug)
    if not can_export_attendance(request.user, event):
        raise PermissionDenied
    stamp = local(timezone.now()).strftime("%Y%m%d-%H%M")
    return file_response(
        attendance_csv(event),
        filename=f"attendance-{event.slug}-{stamp}.csv",
        content_type="text/csv; charset=utf-8",
        download=True,
    )


@desk_view
def desk_home(request):
    """The events whose desk the user can open, from today on."""
    today_start, _end = local_day_bounds(timezone.localdate())
    events = list(
        desk_events(request.user).filter(ends_at__gte=today_start).order_by("starts_at", "id")[:50]
    )
    for event in events:
        event.can_manage = can_manage_event(request.user, event)
    return render(request, "console/desk_home.html", {"events": events})


# --- Walk-ins at the desk ---------------------------------------------------------------------
