"""Write helpers every app's services share."""

from collections.abc import Iterable, Mapping
from typing import TypeVar

from django.core.files import File
from django.db import models
from django.db.models.fields.files import FieldFile

M = TypeVar("M", bound=models.Model)


def _is_new_file(field: models.Field, value) -> bool:
    # An upload (or a file not yet stored) is a change even if it bears the stored name.
    return isinstance(field, models.FileField) and (
        isinstance(value, File) and not (isinstance(value, FieldFile) and value._committed)
    )


def _comparable(field: models.Field, value):
    # A foreign key is compared by id, so neither side is loaded from the database.
    if field.is_relation and isinstance(value, models.Model):
        return value.pk
    return value


def changed_fields(instance: models.Model, fields: Iterable[str], data: Mapping) -> list[str]:
    """Those of `fields` that `data` holds with a value other than `instance` has."""
    changed = []
    for name in fields:
        if name not in data:
            continue
        field = instance._meta.get_field(name)
        if not field.concrete or field.many_to_many:
            raise ValueError(f"{name} is not a column of {type(instance).__name__}")
        current = getattr(instance, field.attname if field.is_relation else name)
        if _is_new_file(field, data[name]) or current != _comparable(field, data[name]):
            changed.append(name)
    return changed


def model_update(*, instance: M, fields: Iterable[str], data: Mapping) -> tuple[M, bool]:
    """Set the `fields` that `data` holds on `instance`, validate, and save only what changed.

    The HackSoft styleguide's helper: `data` may hold only names listed in `fields` (anything
    else is a programming error, raised as TypeError); values equal to the current ones are
    not written; `full_clean()` runs before the save; auto_now fields (updated_at) are saved
    along. Returns (instance, has_updated); nothing is written when nothing changed.

    Callers pass an instance they read themselves (under select_for_update), not one a
    ModelForm has already written its cleaned data onto, which would look unchanged.
    """
    fields = tuple(fields)
    unknown = set(data) - set(fields)
    if unknown:
        raise TypeError(f"unexpected fields for {type(instance).__name__}: {sorted(unknown)}")
    update_fields = changed_fields(instance, fields, data)
    if not update_fields:
        return instance, False
    for name in update_fields:
        setattr(instance, name, data[name])
    update_fields += [
        field.name
        for field in instance._meta.concrete_fields
        if getattr(field, "auto_now", False) and field.name not in update_fields
    ]
    instance.full_clean()
    instance.save(update_fields=update_fields)
    return instance, True
