"""Badge PDFs: plain functions from BadgeData (read by accreditation.selectors) to bytes.

No queries here: the selectors read and sort the badges, these functions only draw.

Layouts: "card" (CR80, 85.6×54 mm, one per page for card printers), "a6" (one per page) and
"a4" (ten CR80 cards per A4 sheet with cut marks). Speed matters at print time (a thousand
badges in one go), hence: the QR is a fixed-version, fixed-mask matrix drawn as one path of
filled runs; each photo goes in once as a JPEG prepared at print resolution and cached on disk;
text is measured once at size 1 and scaled instead of re-measured size after size.
"""

import hashlib
import io
import os
import unicodedata
from dataclasses import dataclass

import qrcode
from django.db.models.fields.files import FieldFile
from PIL import Image, ImageOps
from qrcode.constants import ERROR_CORRECT_Q
from qrcode.exceptions import DataOverflowError
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from accreditation.models import JournalistRole
from common.pdf_fonts import FONT, FONT_BOLD, register_fonts
from common.pdf_qr import draw_qr_modules
from common.qr import fits, qr_modules

# JPEG photos are written to the PDF as they are (DCTDecode); ASCII85 on top would only make
# them a quarter bigger and slower to write. PDF has been 8-bit clean for decades.
rl_config.useA85 = 0

LAYOUTS = ("card", "a6", "a4")

CATEGORY_WORDS = {
    JournalistRole.WRITER: "PRESS",
    JournalistRole.PHOTOGRAPHER: "PHOTO",
    JournalistRole.VIDEO: "VIDEO",
    JournalistRole.RADIO: "RADIO",
    JournalistRole.TECHNICIAN: "TECH",
}
CATEGORY_COLORS = {  # band colours, dark enough for white text
    JournalistRole.WRITER: (0.11, 0.31, 0.85),
    JournalistRole.PHOTOGRAPHER: (0.76, 0.25, 0.05),
    JournalistRole.VIDEO: (0.49, 0.13, 0.81),
    JournalistRole.RADIO: (0.08, 0.50, 0.24),
    JournalistRole.TECHNICIAN: (0.29, 0.33, 0.39),
}

# The QR: badge codes are 29 alphanumeric characters, exactly what version 2 holds at level Q
# (25% of the symbol can be scuffed). A fixed mask skips the qrcode package's mask search.
QR_VERSION = 2
QR_MASK = 2
QR_QUIET_MODULES = 4

PRINT_DPI = 300
JPEG_QUALITY = 82


@dataclass(frozen=True)
class Box:
    """A rectangle in points, from its lower-left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def top(self) -> float:
        return self.y + self.h


def _box(x, y, w, h) -> Box:
    return Box(x * mm, y * mm, w * mm, h * mm)


@dataclass(frozen=True)
class TextStyle:
    font: str
    max_size: float
    min_size: float
    max_lines: int
    leading: float = 1.18


@dataclass(frozen=True)
class Geometry:
    """Where everything goes on one badge; all badges of a layout share it."""

    width: float
    height: float
    title: Box
    title_style: TextStyle
    meta_size: float
    rule_y: float
    photo: Box
    name: Box
    name_style: TextStyle
    outlet_style: TextStyle
    qr: Box
    band: Box
    band_word_size: float
    serial_size: float


CARD = Geometry(
    width=85.6 * mm,
    height=54 * mm,
    title=_box(4, 44.5, 77.6, 6.5),
    title_style=TextStyle(FONT_BOLD, 8, 5.5, 2),
    meta_size=5.5,
    rule_y=40.5 * mm,
    photo=_box(4, 12, 19.5, 26),
    name=_box(26.5, 12, 34, 26),
    name_style=TextStyle(FONT_BOLD, 10.5, 6, 2),
    outlet_style=TextStyle(FONT, 7, 5, 2),
    qr=_box(63.5, 15, 18, 18),
    band=_box(0, 0, 85.6, 9),
    band_word_size=15,
    serial_size=6,
)

A6 = Geometry(
    width=105 * mm,
    height=148 * mm,
    title=_box(8, 124, 89, 16),
    title_style=TextStyle(FONT_BOLD, 13, 8, 3),
    meta_size=8.5,
    rule_y=114 * mm,
    photo=_box(8, 60, 36, 48),
    name=_box(8, 24, 89, 31),
    name_style=TextStyle(FONT_BOLD, 18, 10, 2),
    outlet_style=TextStyle(FONT, 12, 8, 2),
    qr=_box(53, 62, 44, 44),
    band=_box(0, 0, 105, 20),
    band_word_size=34,
    serial_size=8,
)

# A4 sheet: 2 × 5 CR80 cards edge to edge, centred, cut marks in the margins.
SHEET_COLUMNS, SHEET_ROWS = 2, 5
CUT_MARK_GAP, CUT_MARK_LENGTH = 2 * mm, 6 * mm


# --- text ----------------------------------------------------------------------------------


def _clean(text: str) -> str:
    # Composed form: DejaVu has every precomposed Vietnamese letter, and extraction then
    # returns exactly what a person typed (in NFC, the form browsers send).
    return unicodedata.normalize("NFC", " ".join((text or "").split()))


def _split_long_word(word: str, font: str, size: float, width: float) -> list[str]:
    pieces, current = [], ""
    for char in word:
        if current and stringWidth(current + char, font, size) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    return pieces + ([current] if current else [])


def _wrap(
    words: list[str], widths: list[float], space: float, size: float, width: float, font: str
) -> list[str]:
    """Greedy line breaking with word widths measured once at size 1."""
    lines: list[str] = []
    current, current_width = [], 0.0
    for word, w1 in zip(words, widths, strict=True):
        w = w1 * size
        if w > width:  # a word longer than the line: break it by characters
            if current:
                lines.append(" ".join(current))
            *full, rest = _split_long_word(word, font, size, width)
            lines.extend(full)
            current, current_width = [rest], stringWidth(rest, font, size)
            continue
        extra = w if not current else space * size + w
        if current and current_width + extra > width:
            lines.append(" ".join(current))
            current, current_width = [word], w
        else:
            current.append(word)
            current_width += extra
    if current:
        lines.append(" ".join(current))
    return lines


def _ellipsize(line: str, font: str, size: float, width: float) -> str:
    while line and stringWidth(line + "…", font, size) > width:
        line = line[:-1].rstrip()
    return line + "…"


def fit_text(text: str, style: TextStyle, width: float) -> tuple[float, list[str]]:
    """The largest size (and lines) at which `text` fits `width` in `style.max_lines` lines.

    Shrinks first, then wraps, and as a last resort cuts the last line with an ellipsis, so
    text never leaves its box whatever its length.
    """
    text = _clean(text)
    if not text:
        return style.max_size, []
    font = style.font
    one = stringWidth(text, font, 1)
    single = min(style.max_size, width / one)
    # One line when that costs little size; otherwise two lines at a bigger size read better.
    if single >= style.min_size and (single >= style.max_size * 0.85 or style.max_lines == 1):
        return single, [text]
    words = text.split(" ")
    widths = [stringWidth(w, font, 1) for w in words]
    space = stringWidth(" ", font, 1)
    size = style.max_size
    while size > max(single, style.min_size):
        lines = _wrap(words, widths, space, size, width, font)
        if len(lines) <= style.max_lines:
            return size, lines
        size -= 0.5
    if single >= style.min_size:
        return single, [text]
    size = style.min_size
    lines = _wrap(words, widths, space, size, width, font)
    if len(lines) > style.max_lines:
        kept = lines[: style.max_lines]
        kept[-1] = _ellipsize(kept[-1] + " " + lines[style.max_lines], font, size, width)
        lines = kept
    return size, lines


def _draw_lines(
    canvas: Canvas, lines: list[str], font: str, size: float, x: float, top: float, leading: float
) -> float:
    """Draw lines downwards from `top`; returns the y just below the last line."""
    canvas.setFont(font, size)
    y = top - size
    for line in lines:
        canvas.drawString(x, y, line)
        y -= size * leading
    return y + size * leading - size * 0.3


# --- QR ------------------------------------------------------------------------------------


def qr_matrix(code: str) -> list[list[bool]]:
    """The QR modules of `code`: fixed version and mask when the code fits, else automatic."""
    if fits(code):
        return qr_modules(code)
    qr = qrcode.QRCode(
        version=QR_VERSION, error_correction=ERROR_CORRECT_Q, border=0, mask_pattern=QR_MASK
    )
    qr.add_data(code, optimize=0)
    try:
        qr.make(fit=False)
    except DataOverflowError:  # not a badge code of today's format; still print it
        qr = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, border=0)
        qr.add_data(code)
        qr.make(fit=True)
    return qr.modules


def draw_qr(canvas: Canvas, code: str, box: Box) -> None:
    """Draw the QR of `code` in `box` (one path of filled runs: common.pdf_qr)."""
    draw_qr_modules(canvas, qr_matrix(code), x=box.x, y=box.y, size=min(box.w, box.h))


# --- photos --------------------------------------------------------------------------------


def _pixels(box: Box) -> tuple[int, int]:
    return round(box.w / 72 * PRINT_DPI), round(box.h / 72 * PRINT_DPI)


def badge_photo_path(photo: FieldFile | None, size: tuple[int, int]) -> str | None:
    """A JPEG of the journalist's photo cropped and scaled to `size` pixels; made once, reused.

    The derivative sits next to the private photos, named by the photo's name and the size, and
    is remade when the photo file is newer. None when there is no readable photo.
    """
    if not photo:
        return None
    storage = photo.storage
    digest = hashlib.sha256(f"{photo.name}:{size[0]}x{size[1]}".encode()).hexdigest()[:32]
    try:
        source = storage.path(photo.name)
        target = storage.path(f"private/photos/badge/{digest}.jpg")
    except NotImplementedError:  # remote storage: no local file to hand to reportlab
        return None
    try:
        source_mtime = os.stat(source).st_mtime
    except OSError:
        return None
    try:
        if os.stat(target).st_mtime >= source_mtime:
            return target
    except OSError:
        pass
    try:
        with Image.open(source) as image:
            image.draft("RGB", size)  # JPEG: decode at a reduced scale, much faster
            image = ImageOps.exif_transpose(image).convert("RGB")
            image = ImageOps.fit(image, size, Image.Resampling.LANCZOS)
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    os.makedirs(os.path.dirname(target), exist_ok=True)
    partial = f"{target}.{os.getpid()}.tmp"
    image.save(partial, "JPEG", quality=JPEG_QUALITY)
    os.replace(partial, target)  # atomic: a concurrent print never reads half a file
    return target


def _draw_photo_placeholder(canvas: Canvas, box: Box) -> None:
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(box.x, box.y, box.w, box.h)
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.setFillGray(0.9)
    canvas.rect(box.x, box.y, box.w, box.h, stroke=0, fill=1)
    canvas.setFillGray(0.75)
    cx = box.x + box.w / 2
    canvas.circle(cx, box.y + box.h * 0.62, box.w * 0.2, stroke=0, fill=1)
    shoulders = (cx - box.w * 0.36, box.y - box.h * 0.1, cx + box.w * 0.36, box.y + box.h * 0.42)
    canvas.ellipse(*shoulders, stroke=0, fill=1)
    canvas.restoreState()


# --- one badge -----------------------------------------------------------------------------


@dataclass(frozen=True)
class BadgeData:
    """What a badge shows, read once from the database (accreditation.selectors)."""

    code: str
    serial: str
    full_name: str
    outlet: str
    category: str
    event_title: str
    event_meta: str
    photo: FieldFile | None


def _draw_header(canvas: Canvas, data: BadgeData, g: Geometry) -> None:
    size, lines = fit_text(data.event_title, g.title_style, g.title.w)
    canvas.setFillGray(0)
    bottom = _draw_lines(
        canvas, lines, g.title_style.font, size, g.title.x, g.title.top, g.title_style.leading
    )
    meta_style = TextStyle(FONT, g.meta_size, g.meta_size * 0.8, 1)
    meta_size, meta_lines = fit_text(data.event_meta, meta_style, g.title.w)
    canvas.setFillGray(0.25)
    _draw_lines(canvas, meta_lines, FONT, meta_size, g.title.x, bottom - 0.8 * mm, 1.1)
    canvas.setStrokeGray(0.8)
    canvas.setLineWidth(0.4)
    canvas.line(g.title.x, g.rule_y, g.width - g.title.x, g.rule_y)


def _band_baseline(g: Geometry) -> float:
    return g.band.y + (g.band.h - g.band_word_size * 0.72) / 2


def _draw_band(canvas: Canvas, category: str, g: Geometry) -> None:
    canvas.setFillColorRGB(*CATEGORY_COLORS.get(category, (0.2, 0.2, 0.2)))
    canvas.rect(g.band.x, g.band.y, g.band.w, g.band.h, stroke=0, fill=1)
    canvas.setFillGray(1)
    canvas.setFont(FONT_BOLD, g.band_word_size)
    canvas.drawString(g.title.x, _band_baseline(g), CATEGORY_WORDS.get(category, "PRESS"))


def _shared(canvas: Canvas, forms: set, name: str, draw) -> None:
    """Draw what every badge of a print run repeats once, as a form, and place it each time."""
    if name not in forms:
        canvas.beginForm(name)
        draw()
        canvas.endForm()
        forms.add(name)
    canvas.doForm(name)


def draw_badge(
    canvas: Canvas, data: BadgeData, geometry: Geometry, photo_size, forms: set | None = None
) -> None:
    """Draw one badge with its lower-left corner at the canvas origin.

    The event header and the category band are the same on many badges: they are drawn once
    per print run as PDF forms (`forms` remembers which exist) and then only referenced.
    """
    g = geometry
    forms = set() if forms is None else forms
    layout = "a6" if g is A6 else "card"
    header = f"header-{layout}-{hashlib.sha1(data.event_title.encode()).hexdigest()[:12]}"
    _shared(canvas, forms, header, lambda: _draw_header(canvas, data, g))

    path = badge_photo_path(data.photo, photo_size)
    if path:
        canvas.drawImage(path, g.photo.x, g.photo.y, g.photo.w, g.photo.h)
    else:
        _draw_photo_placeholder(canvas, g.photo)

    canvas.setFillGray(0)
    size, lines = fit_text(data.full_name, g.name_style, g.name.w)
    bottom = _draw_lines(
        canvas, lines, g.name_style.font, size, g.name.x, g.name.top, g.name_style.leading
    )
    size, lines = fit_text(data.outlet, g.outlet_style, g.name.w)
    canvas.setFillGray(0.2)
    _draw_lines(
        canvas,
        lines,
        g.outlet_style.font,
        size,
        g.name.x,
        bottom - 1.5 * mm,
        g.outlet_style.leading,
    )

    draw_qr(canvas, data.code, g.qr)

    _shared(
        canvas,
        forms,
        f"band-{layout}-{data.category}",
        lambda: _draw_band(canvas, data.category, g),
    )
    canvas.setFillGray(1)
    canvas.setFont(FONT, g.serial_size)
    canvas.drawRightString(g.width - g.title.x, _band_baseline(g), data.serial)


# --- documents -----------------------------------------------------------------------------


def _cut_marks(canvas: Canvas, x0: float, y0: float, card_w: float, card_h: float) -> None:
    canvas.setStrokeGray(0)
    canvas.setLineWidth(0.25)
    right, top = x0 + SHEET_COLUMNS * card_w, y0 + SHEET_ROWS * card_h
    for column in range(SHEET_COLUMNS + 1):
        x = x0 + column * card_w
        canvas.line(x, top + CUT_MARK_GAP, x, top + CUT_MARK_GAP + CUT_MARK_LENGTH)
        canvas.line(x, y0 - CUT_MARK_GAP, x, y0 - CUT_MARK_GAP - CUT_MARK_LENGTH)
    for row in range(SHEET_ROWS + 1):
        y = y0 + row * card_h
        canvas.line(x0 - CUT_MARK_GAP, y, x0 - CUT_MARK_GAP - CUT_MARK_LENGTH, y)
        canvas.line(right + CUT_MARK_GAP, y, right + CUT_MARK_GAP + CUT_MARK_LENGTH, y)


def render_badges(badges: list[BadgeData], *, layout: str = "card", title: str = "Badges") -> bytes:
    """A PDF of `badges` in `layout` ("card", "a6" or "a4" sheets of ten cards with cut marks)."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}")
    register_fonts()
    geometry = A6 if layout == "a6" else CARD
    photo_size = _pixels(geometry.photo)
    buffer = io.BytesIO()
    pagesize = A4 if layout == "a4" else (geometry.width, geometry.height)
    canvas = Canvas(buffer, pagesize=pagesize, pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("Press Center")
    forms: set = set()
    if layout == "a4":
        per_sheet = SHEET_COLUMNS * SHEET_ROWS
        x0 = (A4[0] - SHEET_COLUMNS * CARD.width) / 2
        y0 = (A4[1] - SHEET_ROWS * CARD.height) / 2
        for start in range(0, len(badges), per_sheet):
            for index, badge in enumerate(badges[start : start + per_sheet]):
                row, column = divmod(index, SHEET_COLUMNS)
                canvas.saveState()
                # Fill rows from the top of the sheet.
                canvas.translate(
                    x0 + column * CARD.width, y0 + (SHEET_ROWS - 1 - row) * CARD.height
                )
                draw_badge(canvas, badge, CARD, photo_size, forms)
                canvas.restoreState()
            _cut_marks(canvas, x0, y0, CARD.width, CARD.height)
            canvas.showPage()
    else:
        for badge in badges:
            draw_badge(canvas, badge, geometry, photo_size, forms)
            canvas.showPage()
    if not badges:  # a PDF needs a page; say why it is empty rather than failing
        canvas.setFont(FONT, 8)
        canvas.drawString(4 * mm, pagesize[1] / 2, "—")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def badge_pdf(badge: BadgeData, *, layout: str = "card") -> bytes:
    """The PDF of one badge."""
    return render_badges([badge], layout=layout, title=f"Badge {badge.serial}")


def event_badges_pdf(badges: list[BadgeData], *, event_title: str, layout: str = "card") -> bytes:
    """An event's badges (already chosen and sorted) in one PDF."""
    return render_badges(badges, layout=layout, title=f"Badges — {event_title}")
