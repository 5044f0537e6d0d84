"""Press pages: a release, the organizer's press desk (releases and contacts), the kit PDF,
and attachment downloads. Thin: forms and selectors in, services out."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.errors import SERVICE_ERRORS
from common.forms import add_service_error
from common.responses import PER_VISITOR, pdf_response, stored_file_response
from events import selectors
from events.permissions import can_manage_event
from press import selectors as press_selectors
from press import services as press_services
from press.forms import MediaContactForm, PressReleaseForm
from press.models import MediaContact, PressReleaseAttachment

KIT_LANGUAGES = ("vi", "en")


def _visible_event(request, slug):
    return get_object_or_404(selectors.events_visible_to(request.user), slug=slug)


def _managed_event(request, slug):
    event = _visible_event(request, slug)
    if not can_manage_event(request.user, event):
        raise PermissionDenied
    return event


def press_release_detail(request, slug, pk):
    """One release, if the visitor may read it now (an embargoed one says so)."""
    event = _visible_event(request, slug)
    release = get_object_or_404(
        press_selectors.releases_visible_to(request.user).filter(event=event), pk=pk
    )
    return render(
        request,
        "press/release_detail.html",
        {"event": event, "release": release, "embargoed": release.is_embargoed()},
    )


@login_required
def press_desk(request, slug):
    """The organizer's page: every release of the event and its media contacts."""
    event = _managed_event(request, slug)
    contact_form = MediaContactForm(request.POST or None, prefix="contact")
    if request.method == "POST":
        if contact_form.is_valid():
            try:
                press_services.media_contact_create(event=event, **contact_form.cleaned_data)
            except SERVICE_ERRORS as error:
                add_service_error(contact_form, error)
            else:
                messages.success(request, _("Media contact added."))
                return redirect("press-desk", slug=event.slug)
    releases = press_selectors.releases_for_event(request.user, event)
    return render(
        request,
        "press/desk.html",
        {
            "event": event,
            "releases": [(r, r.is_embargoed()) for r in releases],
            "contacts": press_selectors.media_contacts_for(event),
            "contact_form": contact_form,
        },
        status=400 if contact_form.errors else 200,
    )


@login_required
def press_release_edit(request, slug, pk=None):
    """Write a new release, or change one; attachments are added and removed here too."""
    event = _managed_event(request, slug)
    release = get_object_or_404(event.press_releases, pk=pk) if pk else None
    form = PressReleaseForm(request.POST or None, request.FILES or None, release=release)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        uploads = data.pop("attachments", [])
        remove = data.pop("remove_attachments", [])
        try:
            if release is None:
                release = press_services.press_release_create(
                    event=event, author=request.user, attachments=uploads, **data
                )
            else:
                release = press_services.press_release_update(
                    release=release, attachments=uploads, remove_attachment_ids=remove, **data
                )
        except SERVICE_ERRORS as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Press release saved."))
            return redirect("press-desk", slug=event.slug)
    return render(
        request,
        "press/release_form.html",
        {"event": event, "release": release, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def press_release_delete(request, slug, pk):
    event = _managed_event(request, slug)
    release = get_object_or_404(event.press_releases, pk=pk)
    press_services.press_release_delete(release=release)
    messages.success(request, _("Press release deleted."))
    return redirect("press-desk", slug=event.slug)


@login_required
@require_POST
def media_contact_delete(request, slug, pk):
    event = _managed_event(request, slug)
    contact = get_object_or_404(MediaContact, event=event, pk=pk)
    press_services.media_contact_delete(contact=contact)
    messages.success(request, _("Media contact removed."))
    return redirect("press-desk", slug=event.slug)


def kit_language(request) -> str | None:
    """The kit's language: `?lang=` when given (None if it is not one we publish in)."""
    requested = request.GET.get("lang")
    if requested is None:
        return (getattr(request, "LANGUAGE_CODE", None) or get_language() or "vi")[:2]
    return requested if requested in KIT_LANGUAGES else None


def kit_response(pdf: bytes, *, event, language: str) -> HttpResponse:
    """The kit, shown in the browser. What is inside depends on who asks (embargoed releases
    for the accredited): the visitor's browser may keep it, shared caches never."""
    filename = f"press-kit-{event.slug}-{language}.pdf"
    return pdf_response(pdf, filename, download=False, cache_control=PER_VISITOR)


def press_kit_pdf(request, slug):
    """The event's press kit as the visitor may see it now, in `?lang=vi|en`."""
    event = _visible_event(request, slug)
    language = kit_language(request)
    if language is None:
        return HttpResponse(
            _("Unknown language: choose vi or en."), status=400, content_type="text/plain"
        )
    pdf = press_selectors.press_kit_pdf_for(request.user, event, language=language)
    return kit_response(pdf, event=event, language=language)


def attachment_response(attachment: PressReleaseAttachment) -> FileResponse:
    """The stored file, under its own type; documents are downloaded, never shown inline."""
    return stored_file_response(
        attachment.file,
        filename=attachment.original_name,
        download=attachment.kind not in ("pdf", "image"),
        content_type=attachment.content_type,
        # Press material, readable by whoever may read the release now (as the kit).
        cache_control=PER_VISITOR,
        # PDFs and images open in the browser's own viewer, which default-src 'none' stops.
        csp="sandbox",
    )


def press_attachment_download(request, pk):
    """An attachment, for whoever may read its release now; 404 for anyone else."""
    attachment = get_object_or_404(
        PressReleaseAttachment.objects.select_related("release"),
        pk=pk,
        release__in=press_selectors.releases_visible_to(request.user),
    )
    return attachment_response(attachment)
