"""A tiny, safe text format for press releases: paragraphs, line breaks, **bold** and *italic*.

Users never write HTML. Their text is escaped first; only then are the markers turned into
tags we write ourselves, so the result is safe on a page and valid in a reportlab Paragraph.
Markers that do not pair up stay as literal asterisks, and tags are always properly nested.
"""

import html
import re

# Control characters break XML (reportlab) and have no business in a release; keep \n and \t.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# Bold may contain italic; italic content holds no tag, so it can never cross a <b> boundary.
# Markers only count at word edges, so "2*3*4" or "file_*_name" stay as typed.
_BOLD = re.compile(r"(?<![\w*])\*\*(?=\S)((?:(?!\*\*).)+?)(?<=\S)\*\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*<>]+?)(?<=[^\s*])\*(?![\w*])")


def clean(text: str) -> str:
    """Normalise line endings and drop control characters."""
    return _CONTROL.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n"))


def split_paragraphs(text: str) -> list[str]:
    """The text's paragraphs (separated by blank lines), stripped, empty ones dropped."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(clean(text)) if p.strip()]


def _inline(paragraph: str, *, bold: str, italic: str, br: str) -> str:
    out = []
    for line in html.escape(paragraph, quote=True).split("\n"):
        line = _BOLD.sub(lambda m: f"<{bold}>{m.group(1)}</{bold}>", line)
        line = _ITALIC.sub(lambda m: f"<{italic}>{m.group(1)}</{italic}>", line)
        out.append(line)
    return br.join(out)


def to_html_paragraphs(text: str) -> list[str]:
    """Each paragraph as safe HTML (inner markup only, without the <p>)."""
    return [_inline(p, bold="strong", italic="em", br="<br>") for p in split_paragraphs(text)]


def to_html(text: str) -> str:
    """The whole text as safe HTML: one <p> per paragraph."""
    return "".join(f"<p>{p}</p>" for p in to_html_paragraphs(text))


def to_reportlab_paragraphs(text: str) -> list[str]:
    """Each paragraph as reportlab Paragraph markup (<b>, <i>, <br/>), user text escaped."""
    return [_inline(p, bold="b", italic="i", br="<br/>") for p in split_paragraphs(text)]
