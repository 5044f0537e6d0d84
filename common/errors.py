"""Domain errors shared by every app: a machine-readable code plus a human message."""

from django.core.exceptions import ValidationError


class DomainError(Exception):
    """A business rule refused an operation. `code` is stable; `message` is for people.

    `status` is the HTTP status the API answers with (409 for a state conflict by default);
    `field` names the input field the error belongs to, when there is one.
    """

    status = 409

    def __init__(self, code: str, message: str, *, field: str | None = None, status=None):
        super().__init__(message)
        self.code = code
        self.message = str(message)
        self.field = field
        if status is not None:
            self.status = status


# What a service may raise when it refuses input: pages show either next to the form.
SERVICE_ERRORS = (DomainError, ValidationError)
