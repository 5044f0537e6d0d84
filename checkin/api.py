"""API for badges and check-in: PDFs, reprints, scans and the scan list with counters."""

import django_filters
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import generics, serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from accreditation.models import Accreditation
from accreditation.selectors import photo_url
from checkin.models import CheckIn, ScanResult
from checkin.selectors import checkin_counters, checkins_for_event, desk_search
from checkin.services import ScanOutcome, checkin_manual, checkin_scan
from common.api import validated_query
from common.filters import StrictFilterSet
from common.text import user_label
from events.models import Event
from events.permissions import can_check_in
from organizations.permissions import is_front_desk_anywhere

# --- serializers ---------------------------------------------------------------------------


def person_json(accreditation: Accreditation | None, request=None) -> dict | None:
    """What a desk shows about the holder of a badge."""
    if accreditation is None:
        return None
    journalist = accreditation.journalist
    return {
        "id": accreditation.pk,
        "full_name": journalist.full_name,
        "outlet": journalist.outlet.name if journalist.outlet_id else "",
        "category": accreditation.category,
        "photo_url": photo_url(journalist) or None,
    }


def _scanned_by(checkin: CheckIn) -> str:
    # The account's name while it exists; the name it had at the scan once it is gone.
    return user_label(checkin.scanned_by) or checkin.scanned_by_label


def outcome_json(outcome: ScanOutcome, request=None) -> dict:
    """The check-in answer: verdict, person, time of this scan and of the earlier admission."""
    previous = outcome.previous
    # A badge of another event belongs to someone this desk has no business seeing.
    shown = None if outcome.result == ScanResult.WRONG_EVENT else outcome.accreditation
    return {
        "result": outcome.result,
        "accreditation": person_json(shown, request),
        "checked_in_at": outcome.checkin.created_at,
        "desk": outcome.checkin.desk,
        "previous": None
        if previous is None
        else {
            "checked_in_at": previous.created_at,
            "desk": previous.desk,
            "by": _scanned_by(previous),
        },
    }


class CheckInInputSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=200, required=False, help_text="The scanned QR code.")
    accreditation = serializers.IntegerField(
        min_value=1, required=False, help_text="Instead of a code: check in a searched person."
    )
    event = serializers.IntegerField(min_value=1)
    desk = serializers.CharField(max_length=40)

    def validate(self, attrs):
        if ("code" in attrs) == ("accreditation" in attrs):
            raise serializers.ValidationError(_("Send either a scanned code or an accreditation."))
        return attrs


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    full_name = serializers.CharField()
    outlet = serializers.CharField()
    category = serializers.CharField()
    photo_url = serializers.CharField(allow_null=True)


class PreviousSerializer(serializers.Serializer):
    checked_in_at = serializers.DateTimeField()
    desk = serializers.CharField()
    by = serializers.CharField()


class CheckInResultSerializer(serializers.Serializer):
    """Documentation of the answer to a scan (built by `outcome_json`)."""

    result = serializers.ChoiceField(choices=ScanResult.choices)
    accreditation = PersonSerializer(allow_null=True)
    checked_in_at = serializers.DateTimeField()
    desk = serializers.CharField()
    previous = PreviousSerializer(allow_null=True)


class CheckInSerializer(serializers.ModelSerializer):
    accreditation = serializers.SerializerMethodField()
    by = serializers.SerializerMethodField()

    class Meta:
        model = CheckIn
        fields = ["id", "event", "result", "desk", "manual", "created_at", "by", "accreditation"]

    def get_by(self, obj) -> str:
        return _scanned_by(obj)

    def get_accreditation(self, obj) -> dict | None:
        if obj.result == ScanResult.WRONG_EVENT:
            return None
        return person_json(obj.accreditation, self.context.get("request"))


class DeskSearchQuerySerializer(serializers.Serializer):
    q = serializers.CharField(min_length=2, max_length=100)


# --- views ---------------------------------------------------------------------------------


class CheckInFilter(StrictFilterSet):
    event = django_filters.NumberFilter(required=True)
    result = django_filters.ChoiceFilter(choices=ScanResult.choices)
    desk = django_filters.CharFilter()

    class Meta:
        model = CheckIn
        fields = ["event", "result", "desk"]


class CheckInPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data["counters"] = self.counters
        return response

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["properties"]["counters"] = {
            "type": "object",
            "additionalProperties": {"type": "integer"},
            "example": {"approved": 120, "checked_in": 80, "repeats": 3, "refused": 2, "scans": 85},
        }
        return schema


class CheckInListApi(generics.ListAPIView):
    """Scans at an event, newest first, with the event's counters (desk staff, organizers).

    POST scans a badge (`code`) or checks in a person found by search (`accreditation`).
    """

    permission_classes = [IsAuthenticated]
    throttle_scope = "checkin"  # per desk user; far above what a person with a scanner does
    serializer_class = CheckInSerializer
    filterset_class = CheckInFilter
    pagination_class = CheckInPagination
    ordering_fields = ["created_at"]

    def _event(self) -> Event:
        raw = self.request.query_params.get("event", "")
        if not raw.isdigit():
            return None
        return Event.objects.filter(pk=int(raw)).first()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return CheckIn.objects.none()
        return checkins_for_event(self.event) if self.event else CheckIn.objects.none()

    def list(self, request, *args, **kwargs):
        if not is_front_desk_anywhere(request.user):
            raise PermissionDenied()
        self.event = self._event()
        if self.event is not None and not can_check_in(request.user, self.event):
            raise PermissionDenied()
        self.paginator.counters = checkin_counters(self.event) if self.event else {}
        return super().list(request, *args, **kwargs)

    @extend_schema(request=CheckInInputSerializer, responses=CheckInResultSerializer)
    def post(self, request):
        if not is_front_desk_anywhere(request.user):
            raise PermissionDenied()
        body = CheckInInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        try:
            # Only what a scan needs: this runs for every badge at the door.
            event = Event.objects.only("id", "organization_id", "status").get(pk=data["event"])
        except Event.DoesNotExist:
            raise serializers.ValidationError({"event": [_("No such event.")]}) from None
        if not can_check_in(request.user, event):
            raise PermissionDenied()
        if "code" in data:
            outcome = checkin_scan(
                code=data["code"], event=event, desk=data["desk"], by=request.user
            )
        else:
            accreditation = Accreditation.objects.filter(pk=data["accreditation"]).first()
            if accreditation is None or accreditation.event_id != event.pk:
                raise serializers.ValidationError(
                    {"accreditation": [_("No such accreditation at this event.")]}
                )
            outcome = checkin_manual(
                accreditation=accreditation, event=event, desk=data["desk"], by=request.user
            )
        return Response(outcome_json(outcome, request))


class DeskSearchApi(APIView):
    """Approved journalists of an event by name or outlet, for checking in without a scan."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        parameters=[DeskSearchQuerySerializer],
        responses=inline_serializer(
            "DeskSearchResults",
            {
                "results": inline_serializer(
                    "DeskSearchResult",
                    {
                        "accreditation": PersonSerializer(),
                        "checked_in": PreviousSerializer(allow_null=True),
                    },
                    many=True,
                )
            },
        ),
    )
    def get(self, request, pk):
        event = get_object_or_404(Event, pk=pk)
        if not can_check_in(request.user, event):
            raise PermissionDenied()
        query = validated_query(DeskSearchQuerySerializer, request)
        results = []
        for accreditation in desk_search(event, query["q"]):
            admission = accreditation.admissions[0] if accreditation.admissions else None
            results.append(
                {
                    "accreditation": person_json(accreditation, request),
                    "checked_in": None
                    if admission is None
                    else {
                        "checked_in_at": admission.created_at,
                        "desk": admission.desk,
                        "by": _scanned_by(admission),
                    },
                }
            )
        return Response({"results": results})
