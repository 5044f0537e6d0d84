"""Bilingual content: Vietnamese is the main text, English an optional translation."""

from django.utils.translation import get_language


def pick(vietnamese: str, english: str, language: str | None = None) -> str:
    """The English text when English is wanted and exists, otherwise the Vietnamese."""
    language = (language or get_language() or "vi")[:2]
    if language == "en" and english:
        return english
    return vietnamese


class BilingualMixin:
    """`obj.tr("title")` returns `title_en` in English when it is filled in, else `title`."""

    def tr(self, field: str, language: str | None = None) -> str:
        return pick(getattr(self, field), getattr(self, f"{field}_en", ""), language)
