"""Pages for badges and check-in: the front desk and the journalist's own badge."""

import qrcode
import qrcode.image.svg
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe

from accreditation import pdf
from accreditation.models import Accreditation
from accreditation.permissions import can_download_badge
from accreditation.selectors import badge_print_data
from common.responses import pdf_response


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
    badge = badge_print_data(accreditation)
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
    badge = badge_print_data(accreditation)
    if badge is None:
        raise Http404
    layout = "a6" if request.GET.get("layout") == "a6" else "card"
    return pdf_response(
        pdf.badge_pdf(badge, layout=layout), f"badge-{badge.serial}.pdf", download=True
    )
