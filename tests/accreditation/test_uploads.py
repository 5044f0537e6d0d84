"""Photos and assignment letters: judged by decoding, re-encoded, kept private."""

import io
import os

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from PIL import Image

from accreditation import services
from tests.images import PDF, jpeg_bytes, png_bytes, png_claiming_size, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the source language)."""
    with translation.override("en"):
        yield


def stored_image(profile) -> Image.Image:
    profile.refresh_from_db()
    with profile.photo.open("rb") as handle:
        image = Image.open(io.BytesIO(handle.read()))
        image.load()
    return image


def test_photo_is_stored_reencoded_smaller_and_without_metadata(journalist_profile):
    original = jpeg_bytes(size=(1800, 2400))
    assert b"SecretCam" in original

    services.journalist_update(profile=journalist_profile, photo=upload("me.jpg", original))

    journalist_profile.refresh_from_db()
    assert journalist_profile.photo.name.startswith("private/photos/")
    assert not journalist_profile.photo.name.endswith("me.jpg")  # random name, not the user's
    with journalist_profile.photo.open("rb") as handle:
        stored = handle.read()
    assert b"SecretCam" not in stored
    assert b"Exif" not in stored
    image = stored_image(journalist_profile)
    assert image.format == "JPEG"
    assert image.size == (900, 1200)


def test_png_photo_with_transparency_becomes_a_jpeg(journalist_profile):
    services.journalist_update(profile=journalist_profile, photo=upload("me.png", png_bytes()))
    assert stored_image(journalist_profile).format == "JPEG"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.jpg", b"<html><script>alert(1)</script></html>", "could not be read"),
        ("photo.jpg", PDF, "could not be read"),
        ("photo.jpg", jpeg_bytes()[:2000], "could not be read"),
        ("bomb.png", png_claiming_size(20_000, 20_000), "too many pixels"),
        ("bomb.png", png_claiming_size(7_000, 7_000), "too many pixels"),
        ("tiny.jpg", jpeg_bytes(size=(60, 80)), "too small"),
        ("empty.jpg", b"", "empty"),
    ],
    ids=[
        "html-named-jpg",
        "pdf",
        "truncated-jpeg",
        "bomb-past-pillow",
        "bomb-past-ours",
        "tiny",
        "empty",
    ],
)
def test_bad_photo_is_refused_and_profile_unchanged(journalist_profile, name, content, message):
    with pytest.raises(ValidationError) as refused:
        services.journalist_update(
            profile=journalist_profile, photo=upload(name, content), full_name="Changed"
        )
    assert message in " ".join(refused.value.message_dict["photo"])
    journalist_profile.refresh_from_db()
    assert not journalist_profile.photo
    assert journalist_profile.full_name != "Changed"


def test_gif_photo_is_refused_even_though_it_decodes(journalist_profile):
    out = io.BytesIO()
    Image.new("RGB", (600, 800)).save(out, format="GIF")
    with pytest.raises(ValidationError):
        services.journalist_update(
            profile=journalist_profile, photo=upload("a.jpg", out.getvalue())
        )


def test_photo_over_the_byte_limit_is_refused(journalist_profile, settings):
    settings.PHOTO_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as refused:
        services.journalist_update(profile=journalist_profile, photo=upload("a.jpg", jpeg_bytes()))
    assert "too large" in " ".join(refused.value.message_dict["photo"])


def test_replacing_a_photo_deletes_the_old_file_once_committed(
    journalist_profile, django_capture_on_commit_callbacks
):
    services.journalist_update(profile=journalist_profile, photo=upload("a.jpg", jpeg_bytes()))
    journalist_profile.refresh_from_db()
    first_path = journalist_profile.photo.path
    assert journalist_profile.photo.storage.exists(journalist_profile.photo.name)

    with django_capture_on_commit_callbacks(execute=True):
        services.journalist_update(profile=journalist_profile, photo=upload("b.jpg", jpeg_bytes()))

    journalist_profile.refresh_from_db()
    assert journalist_profile.photo.path != first_path
    assert not os.path.exists(first_path)
    assert os.path.exists(journalist_profile.photo.path)


def test_assignment_letter_pdf_is_kept_as_is(event, journalist_profile):
    accreditation = services.accreditation_request(
        journalist=journalist_profile,
        event=event,
        assignment_letter=upload("letter.pdf", PDF, "application/pdf"),
        by=journalist_profile.user,
    )
    assert accreditation.assignment_letter.name.startswith("private/letters/")
    assert accreditation.assignment_letter.name.endswith(".pdf")
    with accreditation.assignment_letter.open("rb") as handle:
        assert handle.read() == PDF


@pytest.mark.parametrize(
    "content",
    [PDF[:20], b"MZ\x90\x00 not a letter", png_claiming_size(20_000, 20_000)],
    ids=["truncated-pdf", "executable", "bomb"],
)
def test_bad_assignment_letter_is_refused_and_no_request_is_made(
    event, journalist_profile, content
):
    with pytest.raises(ValidationError) as refused:
        services.accreditation_request(
            journalist=journalist_profile,
            event=event,
            assignment_letter=upload("letter.pdf", content, "application/pdf"),
            by=journalist_profile.user,
        )
    assert "assignment_letter" in refused.value.message_dict
    assert not journalist_profile.accreditations.exists()
