from django import template
from django.utils.safestring import mark_safe

from common.richtext import to_html

register = template.Library()


@register.filter
def richtext(text: str) -> str:
    """`{{ release.body|richtext }}`: paragraphs, breaks, **bold**, *italic*; the rest escaped."""
    # Safe: to_html escapes every character of the user's text before adding its own tags.
    return mark_safe(to_html(text))
