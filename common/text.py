"""Text helpers for Vietnamese content."""

from django.utils.text import slugify

# NFKD leaves đ/Đ intact (it is a letter of its own, not d plus a mark), so slugify would drop it.
_VIETNAMESE_D = str.maketrans({"đ": "d", "Đ": "D"})


def slugify_vi(text: str, max_length: int = 100) -> str:
    """An ASCII slug that keeps Vietnamese words readable: "Đà Nẵng" -> "da-nang"."""
    return slugify(text.translate(_VIETNAMESE_D))[:max_length].strip("-") or "item"


def unique_slug(model, text: str, *, max_length: int = 100, exclude_pk=None) -> str:
    """`slugify_vi(text)`, with -2, -3… appended until no other row of `model` uses it."""
    base = slugify_vi(text, max_length=max_length - 6)
    taken = set(
        model.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# Labels are kept in records (the audit log, scans) after the account itself is gone.
USER_LABEL_MAX_LENGTH = 200


def user_label(user) -> str:
    """How records name a person who acted: full name, else username; "" for nobody."""
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return (user.get_full_name() or user.get_username())[:USER_LABEL_MAX_LENGTH]
