"""File answers (PDFs, CSV, JSON exports, stored uploads): how they are named, shown and cached.

Every view that answers with a file goes through here, so the rules hold everywhere:
- personal data (badges with working admission codes, lists of names, assignment letters,
  photos, a journalist's data export) is kept by no cache at all: PERSONAL;
- press material whose content depends on who asks (embargoed releases for the accredited)
  may stay in the visitor's own browser but must be revalidated, and never in a shared
  cache: PER_VISITOR;
- the file name goes in Content-Disposition as Django writes it: quoted when it is plain
  ASCII, as RFC 5987 ``filename*=utf-8''…`` otherwise (Vietnamese attachment names).
"""

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header

PERSONAL = "private, no-store"
PER_VISITOR = "private, no-cache"
# Uploaded files are never run as a page (no scripts, no plugins, nothing loaded from them).
SANDBOX = "sandbox; default-src 'none'"


def content_disposition(filename: str, *, download: bool) -> str:
    """`attachment` (save) or `inline` (show), with `filename` safely quoted or encoded."""
    return content_disposition_header(download, filename)


def file_response(
    content: bytes,
    *,
    filename: str,
    content_type: str,
    download: bool,
    cache_control: str = PERSONAL,
) -> HttpResponse:
    """A generated file (`content`), named `filename`, cached as `cache_control` says."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename, download=download)
    response["Cache-Control"] = cache_control
    return response


def pdf_response(
    data: bytes, filename: str, *, download: bool, cache_control: str = PERSONAL
) -> HttpResponse:
    """A generated PDF; personal (no cache keeps it) unless `cache_control` says otherwise."""
    return file_response(
        data,
        filename=filename,
        content_type="application/pdf",
        download=download,
        cache_control=cache_control,
    )


def stored_file_response(
    field_file: FieldFile,
    *,
    filename: str,
    download: bool,
    content_type: str | None = None,
    cache_control: str = PERSONAL,
    csp: str = SANDBOX,
) -> FileResponse:
    """An uploaded file streamed from storage, sandboxed; 404 when the file has gone."""
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=download, filename=filename, content_type=content_type
    )
    response["Cache-Control"] = cache_control
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = csp
    return response
