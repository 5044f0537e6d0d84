"""The font every PDF embeds (press kits, badges): DejaVu Sans, which covers Vietnamese fully.

reportlab's built-in Helvetica has no glyphs for most Vietnamese letters (ễ, ợ, ư…), so each
PDF embeds a subset of a TrueType font shipped in static/fonts/ (licence beside the files).

    from common.pdf_fonts import register_fonts
    fonts = register_fonts()          # cheap after the first call in a process
    canvas.setFont(fonts.bold, 12)
    ParagraphStyle("body", fontName=fonts.regular)   # <b> and <i> inside a Paragraph work too
"""

import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent.parent / "static" / "fonts"


@dataclass(frozen=True)
class FontNames:
    """reportlab names of the registered faces; `family` is what Paragraph styles use."""

    family: str = "PressSans"
    regular: str = "PressSans"
    bold: str = "PressSans-Bold"
    italic: str = "PressSans-Italic"
    bold_italic: str = "PressSans-BoldItalic"


FONTS = FontNames()
_FILES = {
    FONTS.regular: "DejaVuSans.ttf",
    FONTS.bold: "DejaVuSans-Bold.ttf",
    FONTS.italic: "DejaVuSans-Oblique.ttf",
    FONTS.bold_italic: "DejaVuSans-BoldOblique.ttf",
}
_lock = threading.Lock()
_registered = False


def register_fonts() -> FontNames:
    """Register the embedded font family with reportlab once per process and return its names."""
    global _registered
    if _registered:
        return FONTS
    with _lock:
        if not _registered:
            for name, filename in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
            # So that <b>, <i> and <b><i> inside Paragraph markup pick the right face.
            addMapping(FONTS.family, 0, 0, FONTS.regular)
            addMapping(FONTS.family, 1, 0, FONTS.bold)
            addMapping(FONTS.family, 0, 1, FONTS.italic)
            addMapping(FONTS.family, 1, 1, FONTS.bold_italic)
            pdfmetrics.registerFontFamily(
                FONTS.family,
                normal=FONTS.regular,
                bold=FONTS.bold,
                italic=FONTS.italic,
                boldItalic=FONTS.bold_italic,
            )
            _registered = True
    return FONTS


# Short names for code that draws on a canvas directly (badges).
FONT = FONTS.regular
FONT_BOLD = FONTS.bold
