"""Reads for journalists and accreditations: limited to what the user may see."""

from accreditation.models import Accreditation, AccreditationStatus


def is_approved_for(user, event) -> bool:
    """Whether `user` holds an approved accreditation for `event`."""
    if not getattr(user, "is_authenticated", False):
        return False
    return Accreditation.objects.filter(
        event=event, journalist__user=user, status=AccreditationStatus.APPROVED
    ).exists()
