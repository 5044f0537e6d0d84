"""API for badges: the PDF for its holder and organizers, reprints, an event's badges."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from accreditation import pdf
from accreditation.badges import BadgeError, badge_reprint
from accreditation.models import Accreditation
from accreditation.permissions import (
    can_download_badge,
    can_print_event_badges,
    can_reprint_badge,
    can_see_accreditation_at_desk,
)
from accreditation.selectors import BADGE_SORTS, badge_print_data, event_badges_print_data
from common.api import validated_query
from common.responses import pdf_response
from events.selectors import events_visible_to


class ReprintSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=1000)


class BadgeQuerySerializer(serializers.Serializer):
    layout = serializers.ChoiceField(choices=["card", "a6"], default="card")


class EventBadgesQuerySerializer(serializers.Serializer):
    layout = serializers.ChoiceField(choices=list(pdf.LAYOUTS), default="card")
    sort = serializers.ChoiceField(choices=list(BADGE_SORTS), default="name")


def _accreditation_or_404(request, pk: int) -> Accreditation:
    accreditation = get_object_or_404(
        Accreditation.objects.select_related("event", "journalist"), pk=pk
    )
    if not can_see_accreditation_at_desk(request.user, accreditation):
        raise NotFound()
    return accreditation


class AccreditationBadgeApi(APIView):
    """The badge PDF: to the journalist it belongs to and to the event's organizers."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        parameters=[BadgeQuerySerializer],
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
    )
    def get(self, request, pk):
        accreditation = _accreditation_or_404(request, pk)
        if not can_download_badge(request.user, accreditation):
            raise NotFound()
        query = validated_query(BadgeQuerySerializer, request)
        badge = badge_print_data(accreditation)
        if badge is None:
            raise BadgeError("no_badge", _("This accreditation has no valid badge."))
        data = pdf.badge_pdf(badge, layout=query["layout"])
        return pdf_response(data, f"badge-{badge.serial}.pdf", download=False)


class AccreditationReprintApi(APIView):
    """Reprint a lost badge (organizers): the old code then scans "superseded"."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=ReprintSerializer,
        responses={
            201: inline_serializer(
                "ReprintedBadge",
                {
                    "accreditation": serializers.IntegerField(),
                    "code": serializers.CharField(),
                    "serial": serializers.CharField(),
                    "version": serializers.IntegerField(),
                    "issued_at": serializers.DateTimeField(),
                },
            )
        },
    )
    def post(self, request, pk):
        accreditation = _accreditation_or_404(request, pk)
        if not can_reprint_badge(request.user, accreditation):
            raise PermissionDenied()
        body = ReprintSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        badge = badge_reprint(
            accreditation=accreditation, by=request.user, reason=body.validated_data["reason"]
        )
        return Response(
            {
                "accreditation": accreditation.pk,
                "code": badge.code,
                "serial": badge.serial,
                "version": badge.version,
                "issued_at": badge.issued_at,
            },
            status=201,
        )


class EventBadgesApi(APIView):
    """Every approved badge of an event in one PDF (organizers of the event)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        parameters=[EventBadgesQuerySerializer],
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
    )
    def get(self, request, pk):
        event = get_object_or_404(events_visible_to(request.user), pk=pk)
        if not can_print_event_badges(request.user, event):
            raise PermissionDenied()
        query = validated_query(EventBadgesQuerySerializer, request)
        badges = event_badges_print_data(event, sort=query["sort"])
        data = pdf.event_badges_pdf(badges, event_title=event.title, layout=query["layout"])
        return pdf_response(data, f"badges-{event.slug}-{query['layout']}.pdf", download=True)
