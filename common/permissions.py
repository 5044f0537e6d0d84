"""DRF permission classes built from the apps' permission predicates."""

from rest_framework import permissions


class ReadOnlyOr(permissions.BasePermission):
    """Anyone may read; writes need `can_write(user)` and, per object, `can_write_object`.

    Subclasses set the predicates; the logic of who may do what stays in `<app>/permissions.py`.
    """

    @staticmethod
    def can_write(user) -> bool:
        return False

    @staticmethod
    def can_write_object(user, obj) -> bool:
        return False

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated and self.can_write(request.user))

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return self.can_write_object(request.user, obj)
