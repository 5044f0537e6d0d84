"""Writes for press materials: releases, their attachments, media contacts."""

import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from common.errors import DomainError
from common.richtext import clean
from common.services import model_update
from events.models import Event
from press.models import AttachmentKind, MediaContact, PressRelease, PressReleaseAttachment


class PressError(DomainError):
    """A rule about press materials refused the change (e.g. code="too_many_attachments")."""


RELEASE_EDITABLE_FIELDS = ("title", "body", "language", "audience", "embargo_until")
CONTACT_EDITABLE_FIELDS = ("name", "role", "role_en", "phone", "email", "position")

# Office formats are ZIP containers; which folder inside says which application made them.
_OOXML = {
    "word/": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xl/": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ppt/": ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}
_ODF = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}
_IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}


@dataclass(frozen=True)
class SniffedFile:
    kind: str
    content_type: str
    extension: str


def _refuse(message: str):
    raise ValidationError({"attachments": [message]})


def sniff_attachment(upload: UploadedFile) -> SniffedFile:
    """What a file really is, read from its content; refuses anything we do not accept.

    The name and the browser's content type are not trusted: a program renamed to .pdf is
    refused, and the stored file gets the extension and type of what it really contains.
    """
    limit = settings.PRESS_ATTACHMENT_MAX_BYTES
    if upload.size == 0:
        _refuse(_("“%(name)s” is empty.") % {"name": upload.name})
    if upload.size > limit:
        _refuse(
            _("“%(name)s” is larger than %(mb)s MB.")
            % {"name": upload.name, "mb": round(limit / 1024 / 1024, 1)}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return SniffedFile(AttachmentKind.PDF, "application/pdf", "pdf")
    if head.startswith(b"PK\x03\x04"):
        sniffed = _sniff_office(upload)
        if sniffed:
            return sniffed
    else:
        sniffed = _sniff_image(upload)
        if sniffed:
            return sniffed
    _refuse(
        _(
            "“%(name)s” is not a file we accept. Attach PDF, JPEG, PNG, GIF or WebP images, "
            "or Word, Excel, PowerPoint or OpenDocument files."
        )
        % {"name": upload.name}
    )


def _sniff_image(upload) -> SniffedFile | None:
    try:
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()  # decodes the structure: a truncated or forged image fails here
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    finally:
        upload.seek(0)
    if image_format not in _IMAGE_FORMATS:
        return None
    return SniffedFile(AttachmentKind.IMAGE, Image.MIME[image_format], _IMAGE_FORMATS[image_format])


def _sniff_office(upload) -> SniffedFile | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                extension = _ODF.get(archive.read("mimetype").strip())
                if extension:
                    mimetype = archive.read("mimetype").strip().decode()
                    return SniffedFile(AttachmentKind.DOCUMENT, mimetype, extension)
            if "[Content_Types].xml" in names:
                if any(name.lower().endswith("vbaproject.bin") for name in names):
                    _refuse(_("Documents with macros are not accepted."))
                for folder, (extension, mimetype) in _OOXML.items():
                    if any(name.startswith(folder) for name in names):
                        return SniffedFile(AttachmentKind.DOCUMENT, mimetype, extension)
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    finally:
        upload.seek(0)
    return None


def _display_name(upload_name: str, extension: str) -> str:
    # Windows browsers may send a full path with backslashes: keep only the last part.
    base = os.path.basename(clean(upload_name or "").replace("\\", "/"))
    stem = os.path.splitext(base)[0].strip() or "file"
    return f"{stem[:150]}.{extension}"


def _check_embargo(embargo_until: datetime | None, now: datetime) -> None:
    if embargo_until is not None and embargo_until <= now:
        raise ValidationError(
            {"embargo_until": _("The embargo time has already passed; leave it empty instead.")}
        )


def _add_attachments(release: PressRelease, uploads: Iterable[UploadedFile]) -> None:
    uploads = list(uploads)
    if not uploads:
        return
    # Sniff everything first, so one bad file refuses the whole change before anything is saved.
    sniffed = [(upload, sniff_attachment(upload)) for upload in uploads]
    existing = release.attachments.count() if release.pk else 0
    limit = settings.PRESS_ATTACHMENTS_PER_RELEASE
    if existing + len(sniffed) > limit:
        raise PressError(
            "too_many_attachments",
            _("A release can have at most %(n)s attachments.") % {"n": limit},
            field="attachments",
            status=400,
        )
    for upload, kind in sniffed:
        attachment = PressReleaseAttachment(
            release=release,
            original_name=_display_name(upload.name, kind.extension),
            kind=kind.kind,
            content_type=kind.content_type,
            size=upload.size,
        )
        attachment.file.save(f"upload.{kind.extension}", upload, save=False)
        attachment.full_clean()
        attachment.save()


@transaction.atomic
def press_release_create(
    *,
    event: Event,
    author,
    title: str,
    body: str,
    language: str = "vi",
    audience: str = "public",
    embargo_until: datetime | None = None,
    attachments: Iterable[UploadedFile] = (),
    now: datetime | None = None,
) -> PressRelease:
    """Write a release for an event, with its attachments; an embargo must lie in the future."""
    _check_embargo(embargo_until, now or timezone.now())
    release = PressRelease(
        event=event,
        created_by=author if getattr(author, "is_authenticated", False) else None,
        title=clean(title).strip(),
        body=clean(body).strip(),
        language=language,
        audience=audience,
        embargo_until=embargo_until,
    )
    release.full_clean()
    release.save()
    _add_attachments(release, attachments)
    return release


@transaction.atomic
def press_release_update(
    *,
    release: PressRelease,
    attachments: Iterable[UploadedFile] = (),
    remove_attachment_ids: Iterable[int] = (),
    now: datetime | None = None,
    **fields,
) -> PressRelease:
    """Change a release; add and remove attachments. A new embargo must lie in the future."""
    release = PressRelease.objects.select_for_update().get(pk=release.pk)
    if "embargo_until" in fields and fields["embargo_until"] != release.embargo_until:
        _check_embargo(fields["embargo_until"], now or timezone.now())
    data = {
        name: clean(value).strip() if name in ("title", "body") else value
        for name, value in fields.items()
    }
    release, changed = model_update(instance=release, fields=RELEASE_EDITABLE_FIELDS, data=data)
    removed = list(release.attachments.filter(pk__in=list(remove_attachment_ids)))
    for attachment in removed:
        _delete_attachment_file(attachment)
    uploads = list(attachments)
    _add_attachments(release, uploads)
    if not changed and (removed or uploads):
        _touch(release.pk)
    return release


def _touch(release_id: int) -> None:
    # The press kit's cache key reads the release row, not its attachments: a change of
    # attachments alone moves updated_at so that kits are made again.
    PressRelease.objects.filter(pk=release_id).update(updated_at=timezone.now())


def _delete_attachment_file(attachment: PressReleaseAttachment) -> None:
    name, storage = attachment.file.name, attachment.file.storage
    attachment.delete()
    # The file goes only once the row is gone for good.
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def press_release_delete(*, release: PressRelease) -> None:
    """Delete a release and its attachment files."""
    for attachment in release.attachments.all():
        _delete_attachment_file(attachment)
    release.delete()


@transaction.atomic
def press_attachments_add(
    *, release: PressRelease, uploads: Iterable[UploadedFile]
) -> list[PressReleaseAttachment]:
    """Attach files to a release after checking what they contain and their size."""
    release = PressRelease.objects.select_for_update().get(pk=release.pk)
    before = set(release.attachments.values_list("pk", flat=True))
    _add_attachments(release, uploads)
    _touch(release.pk)
    return list(release.attachments.exclude(pk__in=before))


@transaction.atomic
def press_attachment_delete(*, attachment: PressReleaseAttachment) -> None:
    """Remove one attachment and its file."""
    _touch(attachment.release_id)
    _delete_attachment_file(attachment)


@transaction.atomic
def media_contact_create(*, event: Event, **fields) -> MediaContact:
    """Add a media contact to an event (a phone number or an e-mail address is required)."""
    unknown = set(fields) - set(CONTACT_EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"media_contact_create got unexpected fields: {sorted(unknown)}")
    contact = MediaContact(event=event, **fields)
    contact.full_clean()
    contact.save()
    return contact


@transaction.atomic
def media_contact_update(*, contact: MediaContact, **fields) -> MediaContact:
    """Change a media contact."""
    contact = MediaContact.objects.select_for_update().get(pk=contact.pk)
    contact, _changed = model_update(instance=contact, fields=CONTACT_EDITABLE_FIELDS, data=fields)
    return contact


@transaction.atomic
def media_contact_delete(*, contact: MediaContact) -> None:
    """Remove a media contact."""
    contact.delete()
