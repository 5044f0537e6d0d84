"""Pages for badges and check-in: the front desk and the journalist's own badge."""

import qrcode
import qrcode.image.svg
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie

from accreditation import pdf
from accreditation.forms import WalkInForm
from accreditation.models import Accreditation, JournalistRole, ScanResult
from accreditation.permissions import can_download_badge
from checkin.services import checkin_counters
from events.models import Event
from events.permissions import can_check_in, can_manage_event


def verdict_labels() -> dict[str, str]:
    """The words the desk shows and says for each verdict, in the page's language."""
    return {
        ScanResult.ACCEPTED: _("ACCEPTED"),
        ScanResult.ALREADY_CHECKED_IN: _("ALREADY CHECKED IN"),
        ScanResult.REVOKED: _("REVOKED"),
        ScanResult.SUPERSEDED: _("SUPERSEDED"),
        ScanResult.INVALID: _("INVALID"),
        ScanResult.WRONG_EVENT: _("WRONG EVENT"),
        ScanResult.EVENT_CANCELLED: _("EVENT CANCELLED"),
    }


@login_required
@ensure_csrf_cookie
def desk(request, slug):
    """The front desk of one event: scanner input, camera, verdicts, counters, search."""
    event = get_object_or_404(Event.objects.select_related("room__venue"), slug=slug)
    if not can_check_in(request.user, event):
        raise PermissionDenied
    config = {
        "event": event.pk,
        "checkinUrl": reverse("api-checkin-list"),
        "searchUrl": reverse("api-event-desk-search", args=[event.pk]),
        "labels": verdict_labels(),
        "categories": dict(JournalistRole.choices),
        "text": {
            "ready": _("Ready — scan a badge"),
            "checkedInAt": _("Checked in at %(time)s at %(desk)s"),
            "by": _("by %(name)s"),
            "checkIn": _("Check in"),
            "checkedIn": _("checked in %(time)s"),
            "noResults": _("Nobody found."),
            "error": _("ERROR"),
            "offline": _("No answer from the server. Scan again."),
            "noCamera": _("This browser cannot use the camera."),
            "wrongEvent": _("This badge is for another event."),
            "cancelled": _("This event is cancelled."),
            "manual": _("by search"),
        },
        "polyfillUrl": request.build_absolute_uri(
            "/static/vendor/barcode-detector/barcode-detector-polyfill.js"
        ),
        "wasmUrl": "/static/vendor/barcode-detector/zxing_reader.wasm",
    }
    context = {
        "event": event,
        "desk_config": config,
        "counters": checkin_counters(event),
        "can_manage": can_manage_event(request.user, event),
    }
    # Organizers register walk-ins from the desk; front-desk staff only scan and search.
    if context["can_manage"] and event.allow_walk_ins:
        context["walk_in_form"] = WalkInForm()
    return render(request, "accreditation/desk.html", context)


def _own_or_organizer_accreditation(request, pk) -> Accreditation:
    accreditation = get_object_or_404(
        Accreditation.objects.select_related("event__room__venue", "journalist__outlet"), pk=pk
    )
    if not can_download_badge(request.user, accreditation):
        raise Http404
    return accreditation


def qr_svg(code: str) -> str:
    """The QR of `code` as inline SVG markup (one path), sized by its container."""
    image = qrcode.make(
        code,
        image_factory=qrcode.image.svg.SvgPathImage,
        error_correction=qrcode.constants.ERROR_CORRECT_Q,
        border=4,
    )
    markup = image.to_string(encoding="unicode")
    return markup


@login_required
def my_badge(request, pk):
    """The journalist's badge for the phone: a large QR, the details, and the PDF."""
    accreditation = _own_or_organizer_accreditation(request, pk)
    badge = pdf.accreditation_badge(accreditation)
    context = {
        "accreditation": accreditation,
        "badge": badge,
        # The code is [A-Z2-7] and the markup is made by the qrcode package: safe to inline.
        "qr": mark_safe(qr_svg(badge.code)) if badge else "",
        "category_word": pdf.CATEGORY_WORDS.get(accreditation.category, ""),
    }
    return render(request, "accreditation/my_badge.html", context)


@login_required
def my_badge_pdf(request, pk):
    """The badge PDF (card or A6) for the journalist to print or show."""
    accreditation = _own_or_organizer_accreditation(request, pk)
    badge = pdf.accreditation_badge(accreditation)
    if badge is None:
        raise Http404
    layout = "a6" if request.GET.get("layout") == "a6" else "card"
    response = HttpResponse(pdf.badge_pdf(badge, layout=layout), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="badge-{badge.serial}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
