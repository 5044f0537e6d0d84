"""API plumbing shared by every app: one error shape, pagination, permission base classes."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from common.errors import DomainError


def validation_error_detail(error: DjangoValidationError) -> dict | list:
    """Django's ValidationError as DRF-style `{field: [messages]}`."""
    if hasattr(error, "error_dict"):
        return {
            ("non_field_errors" if field == "__all__" else field): [str(m) for m in messages]
            for field, messages in error.message_dict.items()
        }
    return {"non_field_errors": [str(m) for m in error.messages]}


def exception_handler(exc, context):
    """Every API error is JSON: field errors as `{field: [...]}`, refusals as `{code, detail}`."""
    if isinstance(exc, DomainError):
        body = {"code": exc.code, "detail": exc.message}
        if exc.field:
            body[exc.field] = [exc.message]
        return Response(body, status=exc.status)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(validation_error_detail(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and "detail" in response.data:
        code = getattr(response.data["detail"], "code", None)
        if code and "code" not in response.data:
            response.data["code"] = code
    if response is None:
        return None
    if response.status_code == status.HTTP_400_BAD_REQUEST:
        if isinstance(response.data, list):
            response.data = {"non_field_errors": response.data}
        elif "__all__" in response.data:  # django-filter reports form-wide errors under __all__
            response.data["non_field_errors"] = response.data.pop("__all__")
    return response


def validated_query(serializer_class, request) -> dict:
    """The query string checked by `serializer_class`; an unknown parameter is a 400 too."""
    allowed = set(serializer_class().fields) | {"lang", "format"}
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        raise serializers.ValidationError(
            {"non_field_errors": [_("Unknown parameter: %(name)s") % {"name": ", ".join(unknown)}]}
        )
    query = serializer_class(data=request.query_params)
    query.is_valid(raise_exception=True)
    return query.validated_data
