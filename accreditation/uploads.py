"""Checking and cleaning journalists' uploads: photos and assignment letters.

A file is judged by decoding it, never by its name or the browser's content type. Images are
re-encoded (which drops EXIF, GPS and anything smuggled after the pixels) and stored under a
random name in MEDIA_ROOT/private/, which no URL serves directly.
"""

import io
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

PHOTO_FORMATS = {"JPEG", "PNG"}
# Large enough to print on a badge and compare faces at the desk; small enough to stay light.
PHOTO_MAX_SIZE = (900, 1200)
# DOMAIN.md: at least about 354×472 px; refuse what is clearly too small to recognise a face.
PHOTO_MIN_SIZE = (240, 320)
LETTER_IMAGE_MAX_SIZE = (2000, 2800)


def _read_limited(upload, max_bytes: int, field: str) -> bytes:
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            {field: _("The file is too large (at most %(mb)s MB).") % {"mb": max_bytes // 2**20}}
        )
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValidationError(
            {field: _("The file is too large (at most %(mb)s MB).") % {"mb": max_bytes // 2**20}}
        )
    if not data:
        raise ValidationError({field: _("The file is empty.")})
    return data


def _decode_image(data: bytes, field: str) -> Image.Image:
    """Open, size-check and fully decode an image; anything odd is a validation error."""
    not_an_image = ValidationError(
        {field: _("Upload a JPEG or PNG image; this file could not be read as one.")}
    )
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice its limit; make every bomb an error.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in PHOTO_FORMATS:
                raise not_an_image
            # The header's dimensions are checked before a single pixel is decompressed.
            if image.width * image.height > settings.UPLOAD_MAX_PIXELS:
                raise ValidationError(
                    {field: _("The image has too many pixels; upload a smaller one.")}
                )
            image.load()  # a truncated or corrupt file fails here, not later on the badge
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            {field: _("The image has too many pixels; upload a smaller one.")}
        ) from None
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError):
        raise not_an_image from None
    return image


def _to_jpeg(image: Image.Image, max_size: tuple[int, int]) -> bytes:
    image = ImageOps.exif_transpose(image)  # keep the orientation the camera meant
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        image = background
    else:
        image = image.convert("RGB")
    image.thumbnail(max_size, Image.Resampling.LANCZOS)
    out = io.BytesIO()
    # A fresh encode carries no EXIF/XMP/ICC blocks unless asked to: metadata is stripped.
    image.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue()


def clean_photo(upload) -> ContentFile:
    """A checked, re-encoded JPEG of the uploaded photo, ready to store under a random name."""
    data = _read_limited(upload, settings.PHOTO_MAX_BYTES, "photo")
    image = _decode_image(data, "photo")
    min_w, min_h = PHOTO_MIN_SIZE
    if image.width < min_w or image.height < min_h:
        raise ValidationError(
            {
                "photo": _(
                    "The photo is too small (%(w)s×%(h)s px); it must be at least "
                    "%(min_w)s×%(min_h)s px."
                )
                % {"w": image.width, "h": image.height, "min_w": min_w, "min_h": min_h}
            }
        )
    return ContentFile(_to_jpeg(image, PHOTO_MAX_SIZE), name=f"{uuid.uuid4().hex}.jpg")


def clean_assignment_letter(upload) -> ContentFile:
    """A checked assignment letter: a PDF kept as is, or an image re-encoded as JPEG."""
    field = "assignment_letter"
    data = _read_limited(upload, settings.LETTER_MAX_BYTES, field)
    if data.startswith(b"%PDF-"):
        # A complete PDF ends with %%EOF (allowing trailing whitespace); a cut upload does not.
        if b"%%EOF" not in data[-1024:]:
            raise ValidationError({field: _("The PDF file is incomplete; upload it again.")})
        return ContentFile(data, name=f"{uuid.uuid4().hex}.pdf")
    try:
        image = _decode_image(data, field)
    except ValidationError:
        raise ValidationError({field: _("Upload the letter as a PDF, JPEG or PNG file.")}) from None
    return ContentFile(_to_jpeg(image, LETTER_IMAGE_MAX_SIZE), name=f"{uuid.uuid4().hex}.jpg")
