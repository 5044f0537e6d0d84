"""API for journalists, outlets and accreditations: input serializer -> service -> output."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.response import Response
from rest_framework.views import APIView

from accreditation import selectors, services
from accreditation.filters import AccreditationFilter, JournalistFilter
from accreditation.models import JournalistProfile
from accreditation.permissions import (
    can_cancel,
    can_merge_outlets,
    can_register_journalists,
    can_request_for_others,
    can_review,
    own_profile,
)
from accreditation.serializers import (
    AccreditationCreateSerializer,
    AccreditationSerializer,
    ApproveSerializer,
    BulkResponseSerializer,
    BulkSerializer,
    JournalistMeSerializer,
    JournalistRegisterSerializer,
    JournalistSerializer,
    JournalistUpdateSerializer,
    OutletMergeSerializer,
    OutletSerializer,
    ReasonSerializer,
)
from accreditation.services import AccreditationError
from events.selectors import events_visible_to
from organizations.permissions import can_manage_organization, organizer_organization_ids

PARSERS = [JSONParser, MultiPartParser, FormParser]


def _my_profile(request) -> JournalistProfile:
    profile = own_profile(request.user)
    if profile is None:
        raise AccreditationError(
            "no_profile", _("This account has no journalist profile yet."), status=404
        )
    return profile


# ---------------------------------------------------------------- journalists


class JournalistMeApi(APIView):
    """The signed-in journalist's own profile: read, correct, or erase."""

    permission_classes = [IsAuthenticated]
    parser_classes = PARSERS

    def _out(self, request, profile):
        profile = selectors.journalists_visible_to(request.user).get(pk=profile.pk)
        return JournalistMeSerializer(profile, context={"request": request}).data

    @extend_schema(responses=JournalistMeSerializer)
    def get(self, request):
        return Response(self._out(request, _my_profile(request)))

    @extend_schema(request=JournalistUpdateSerializer, responses=JournalistMeSerializer)
    def patch(self, request):
        profile = _my_profile(request)
        body = JournalistUpdateSerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        profile = services.journalist_update(profile=profile, **body.validated_data)
        return Response(self._out(request, profile))

    @extend_schema(responses={204: None})
    def delete(self, request):
        services.journalist_delete(profile=_my_profile(request), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class JournalistMeExportApi(APIView):
    """Everything we hold about the signed-in journalist, as JSON."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=dict)
    def get(self, request):
        return Response(selectors.journalist_export(_my_profile(request)))


class JournalistCalendarTokenApi(APIView):
    """Replace the secret in the personal calendar URL; the old URL stops working."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses=JournalistMeSerializer)
    def post(self, request):
        profile = services.journalist_reset_calendar_token(profile=_my_profile(request))
        return Response(JournalistMeSerializer(profile, context={"request": request}).data)


class JournalistListApi(generics.ListCreateAPIView):
    """Organizers: journalists who asked for their events; POST registers a walk-in."""

    permission_classes = [IsAuthenticated]
    serializer_class = JournalistSerializer
    filterset_class = JournalistFilter
    ordering_fields = ["full_name", "created_at"]
    ordering = ["full_name", "id"]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not can_register_journalists(request.user):
            raise PermissionDenied()

    def get_queryset(self):
        return selectors.journalists_visible_to(self.request.user)

    @extend_schema(request=JournalistRegisterSerializer, responses={201: JournalistSerializer})
    def post(self, request):
        body = JournalistRegisterSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        own = sorted(organizer_organization_ids(request.user))
        organization = data.pop("organization", None) or (own[0] if own else None)
        if not can_manage_organization(request.user, organization):
            raise PermissionDenied()
        profile = services.journalist_register(
            by=request.user,
            organization_id=organization,
            outlet_name=data.pop("outlet_name", ""),
            **data,
        )
        profile = JournalistProfile.objects.select_related("outlet").get(pk=profile.pk)
        return Response(
            JournalistSerializer(profile, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class JournalistDetailApi(generics.RetrieveAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = JournalistSerializer

    def get_queryset(self):
        return selectors.journalists_visible_to(self.request.user)


# ---------------------------------------------------------------- outlets


class OutletListApi(generics.ListCreateAPIView):
    """Anyone reads the outlet list; a signed-in journalist proposes a missing outlet."""

    permission_classes = [IsAuthenticatedOrReadOnly]
    serializer_class = OutletSerializer
    filterset_fields = ["kind", "country", "verified"]
    ordering_fields = ["name"]

    def get_queryset(self):
        return selectors.outlets_list()

    def perform_create(self, serializer):
        serializer.instance = services.outlet_create(
            **serializer.validated_data, by=self.request.user
        )


class OutletMergeApi(APIView):
    """Fold a duplicate outlet (the one in the URL) into `into`."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=OutletMergeSerializer, responses=OutletSerializer)
    def post(self, request, pk):
        if not can_merge_outlets(request.user):
            raise PermissionDenied()
        source = get_object_or_404(selectors.outlets_list(), pk=pk)
        body = OutletMergeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        target = services.outlet_merge(source=source, target=body.validated_data["into"])
        return Response(OutletSerializer(target).data)


# ---------------------------------------------------------------- accreditations


class AccreditationListApi(generics.ListCreateAPIView):
    """Journalists see and file their own requests; organizers see their events' requests."""

    permission_classes = [IsAuthenticated]
    serializer_class = AccreditationSerializer
    filterset_class = AccreditationFilter
    parser_classes = PARSERS
    ordering_fields = ["created_at", "decided_at"]
    ordering = ["created_at", "id"]

    def get_queryset(self):
        return selectors.accreditations_visible_to(self.request.user)

    @extend_schema(request=AccreditationCreateSerializer, responses={201: AccreditationSerializer})
    def post(self, request):
        body = AccreditationCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        event = data["event"]
        if not events_visible_to(request.user).filter(pk=event.pk).exists():
            raise NotFound()
        journalist = data.get("journalist")
        if journalist is None:
            journalist = _my_profile(request)
        elif not (
            journalist.user_id == request.user.pk or can_request_for_others(request.user, event)
        ):
            raise PermissionDenied()
        accreditation = services.accreditation_request(
            journalist=journalist,
            event=event,
            category=data.get("category"),
            note=data["note"],
            assignment_letter=data.get("assignment_letter"),
            by=request.user,
        )
        accreditation = self.get_queryset().get(pk=accreditation.pk)
        return Response(
            AccreditationSerializer(accreditation, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class AccreditationDetailApi(generics.RetrieveAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = AccreditationSerializer

    def get_queryset(self):
        return selectors.accreditations_visible_to(self.request.user)


class _AccreditationActionApi(APIView):
    """A decision on one request: found among what the user sees (else 404), then allowed?"""

    permission_classes = [IsAuthenticated]
    body_class = ReasonSerializer

    def allowed(self, user, accreditation) -> bool:
        return can_review(user, accreditation.event)

    def act(self, accreditation, user, data):
        raise NotImplementedError

    def post(self, request, pk):
        visible = selectors.accreditations_visible_to(request.user)
        accreditation = get_object_or_404(visible, pk=pk)
        if not self.allowed(request.user, accreditation):
            raise PermissionDenied()
        body = self.body_class(data=request.data)
        body.is_valid(raise_exception=True)
        self.act(accreditation, request.user, body.validated_data)
        accreditation = visible.get(pk=pk)
        return Response(AccreditationSerializer(accreditation, context={"request": request}).data)


@extend_schema(request=ApproveSerializer, responses=AccreditationSerializer)
class AccreditationApproveApi(_AccreditationActionApi):
    body_class = ApproveSerializer

    def act(self, accreditation, user, data):
        services.accreditation_approve(
            accreditation=accreditation, by=user, waitlist_if_full=data["waitlist_if_full"]
        )


@extend_schema(request=ReasonSerializer, responses=AccreditationSerializer)
class AccreditationWaitlistApi(_AccreditationActionApi):
    def act(self, accreditation, user, data):
        services.accreditation_waitlist(accreditation=accreditation, by=user, reason=data["reason"])


@extend_schema(request=ReasonSerializer, responses=AccreditationSerializer)
class AccreditationRejectApi(_AccreditationActionApi):
    def act(self, accreditation, user, data):
        services.accreditation_reject(accreditation=accreditation, by=user, reason=data["reason"])


@extend_schema(request=ReasonSerializer, responses=AccreditationSerializer)
class AccreditationRevokeApi(_AccreditationActionApi):
    def act(self, accreditation, user, data):
        services.accreditation_revoke(accreditation=accreditation, by=user, reason=data["reason"])


@extend_schema(request=None, responses=AccreditationSerializer)
class AccreditationCancelApi(_AccreditationActionApi):
    def allowed(self, user, accreditation) -> bool:
        return can_cancel(user, accreditation)

    def act(self, accreditation, user, data):
        services.accreditation_cancel(accreditation=accreditation, by=user)


class AccreditationBulkApi(APIView):
    """One decision on many requests; each is judged on its own, and the answer says how."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=BulkSerializer, responses=BulkResponseSerializer)
    def post(self, request):
        body = BulkSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        found = {
            a.pk: a
            for a in selectors.accreditations_visible_to(request.user).filter(pk__in=data["ids"])
            if can_review(request.user, a.event)
        }
        results = services.accreditation_bulk(
            action=data["action"],
            accreditations=[found[pk] for pk in data["ids"] if pk in found],
            by=request.user,
            reason=data["reason"],
            waitlist_if_full=data["waitlist_if_full"],
        )
        by_id = {r.id: r for r in results}
        answer = []
        for pk in data["ids"]:
            result = by_id.get(pk)
            if result is None:
                answer.append(
                    {
                        "id": pk,
                        "ok": False,
                        "status": "",
                        "code": "not_found",
                        "detail": _("No such request among the ones you review."),
                    }
                )
            else:
                answer.append(result.__dict__)
        return Response({"results": answer})


class EventPromoteApi(APIView):
    """Approve the earliest waitlisted request of the event that fits the limits now."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses=AccreditationSerializer)
    def post(self, request, pk):
        event = get_object_or_404(events_visible_to(request.user), pk=pk)
        if not can_review(request.user, event):
            raise PermissionDenied()
        promoted = services.accreditation_promote_next(event=event, by=request.user)
        if promoted is None:
            raise AccreditationError(
                "nothing_to_promote", _("No waitlisted request fits the limits now.")
            )
        promoted = selectors.accreditations_visible_to(request.user).get(pk=promoted.pk)
        return Response(AccreditationSerializer(promoted, context={"request": request}).data)
