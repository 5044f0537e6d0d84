"""User text into reportlab Paragraph markup, escaped so that it can never become markup."""

import html

from common.richtext import clean, split_paragraphs, to_reportlab_paragraphs

__all__ = ["escape", "plain_paragraphs", "rich_paragraphs"]


def escape(text: str) -> str:
    """Plain user text (a name, a title) as Paragraph markup; newlines become line breaks."""
    return html.escape(clean(text).strip(), quote=True).replace("\n", "<br/>")


def plain_paragraphs(text: str) -> list[str]:
    """Plain text (a biography) split on blank lines, each paragraph escaped."""
    return [escape(p) for p in split_paragraphs(text)]


def rich_paragraphs(text: str) -> list[str]:
    """Release-body text with **bold** / *italic* as Paragraph markup, one item per paragraph."""
    return to_reportlab_paragraphs(text)
