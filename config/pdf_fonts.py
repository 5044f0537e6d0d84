"""Fonts for every PDF we make: DejaVu Sans, embedded, with full Vietnamese coverage.

The font files and their license ship in assets/fonts/ (DejaVu 2.37, Bitstream Vera license),
so PDFs never depend on fonts installed on the machine. reportlab embeds a subset of each font
with a ToUnicode map, so text extracted from our PDFs is the text we drew.
"""

from pathlib import Path

from django.conf import settings
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(settings.BASE_DIR) / "assets" / "fonts"
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

_registered = False


def register_fonts() -> None:
    """Register our fonts with reportlab once per process (cheap to call again)."""
    global _registered
    if _registered:
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD)
    _registered = True
