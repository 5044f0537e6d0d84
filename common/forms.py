"""The HTML side's translation of service errors, and form helpers shared by every app.

A service refuses with a DomainError (a rule, with a code) or a ValidationError (bad input);
SERVICE_ERRORS names both. A page shows the refusal next to the form that caused it
(`add_service_error`), or as a message on the page it redirects to (`attempt`). The API side
has its own single translation: common.api.exception_handler.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils import timezone

from common.dates import DATETIME_LOCAL_FORMAT, ICT
from common.errors import SERVICE_ERRORS, DomainError


def service_error_message(error: Exception) -> str:
    """A service's refusal in words, for a message or a confirmation page."""
    if isinstance(error, DomainError):
        return error.message
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


def add_service_error(form: forms.BaseForm, error: Exception) -> None:
    """Show an error raised by a service next to its field (or above the form)."""
    if isinstance(error, DomainError):
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return
    form.add_error(None, error)


def attempt(request, service, /, **kwargs) -> tuple[object, bool]:
    """Run `service(**kwargs)`; a refusal becomes an error message on the next page instead
    of an error page. Returns (result, True), or (None, False) when it was refused."""
    try:
        return service(**kwargs), True
    except SERVICE_ERRORS as error:
        messages.error(request, service_error_message(error))
    return None, False


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATETIME_LOCAL_FORMAT)


class ICTDateTimeField(forms.DateTimeField):
    """A `<input type="datetime-local">` read and shown as ICT wall-clock time: organizers
    type local times, whatever time zone a request runs in."""

    widget = LocalDateTimeInput

    def to_python(self, value):
        with timezone.override(ICT):
            return super().to_python(value)

    def prepare_value(self, value):
        with timezone.override(ICT):
            return super().prepare_value(value)


class FieldsetsMixin:
    """Group a form's fields under legends: `fieldsets = ((legend, (name, ...)), ...)`.

    The console's templates render `form.grouped` so every form looks and reads the same;
    a fieldset named with a css class (third item) can be laid out side by side.
    """

    fieldsets: tuple = ()

    def grouped(self):
        groups = []
        for legend, names, *css in self.fieldsets:
            fields = [self[name] for name in names if name in self.fields]
            if fields:
                groups.append({"legend": legend, "fields": fields, "css": css[0] if css else ""})
        return groups
