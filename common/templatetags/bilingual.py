from django import template

register = template.Library()


@register.filter
def tr(obj, field: str) -> str:
    """`{{ event|tr:"title" }}`: the field in the current language, falling back to Vietnamese."""
    if obj is None:
        return ""
    return obj.tr(field)
