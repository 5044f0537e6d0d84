"""File names from users never choose where a file is stored (path tricks)."""

from pathlib import Path

import pytest
from django.conf import settings

from accreditation import services
from press.services import press_release_create
from tests.factories import JournalistProfileFactory
from tests.images import jpeg_bytes, upload
from tests.press.support import pdf_file

pytestmark = pytest.mark.django_db

TRICKS = [
    "../../../etc/passwd.jpg",
    "..\\..\\evil.jpg",
    "/tmp/absolute.jpg",
    "a/../../b.jpg",
    "photo.jpg\x00.exe",
    "ảnh chân dung.jpg",
]


def files_outside_private(root: Path) -> list[str]:
    return [str(p) for p in root.rglob("*") if p.is_file() and "private" not in p.parts]


@pytest.mark.parametrize("name", TRICKS)
def test_a_photo_named_with_a_path_trick_lands_under_private_with_a_random_name(name):
    profile = JournalistProfileFactory()
    services.journalist_update(profile=profile, photo=upload(name, jpeg_bytes()))
    profile.refresh_from_db()
    stored = Path(settings.MEDIA_ROOT, profile.photo.name).resolve()
    assert stored.is_relative_to(Path(settings.MEDIA_ROOT, "private", "photos").resolve())
    assert ".." not in profile.photo.name
    assert "passwd" not in profile.photo.name
    assert files_outside_private(Path(settings.MEDIA_ROOT)) == []


@pytest.mark.parametrize("name", ["../../../escape.pdf", "..\\..\\x.pdf", "/etc/x.pdf"])
def test_a_press_attachment_named_with_a_path_trick_is_stored_privately(name, event, organizer):
    release = press_release_create(
        event=event,
        author=organizer,
        title="Thông cáo",
        body="Nội dung",
        language="vi",
        audience="public",
        attachments=[pdf_file(name=name)],
    )
    attachment = release.attachments.get()
    stored = Path(settings.MEDIA_ROOT, attachment.file.name).resolve()
    assert stored.is_relative_to(Path(settings.MEDIA_ROOT, "private").resolve())
    assert "/" not in attachment.original_name
    assert "\\" not in attachment.original_name
