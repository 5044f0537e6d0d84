"""Form helpers shared by every app: service errors on forms, fieldsets."""

from django import forms
from django.core.exceptions import ValidationError

from common.errors import DomainError


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
