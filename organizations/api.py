"""API for organizations: anyone reads them, superusers create them."""

from rest_framework import generics

from common.permissions import ReadOnlyOr
from organizations import selectors, services
from organizations.permissions import is_superuser
from organizations.serializers import OrganizationSerializer


class SuperuserWrites(ReadOnlyOr):
    can_write = staticmethod(is_superuser)
    can_write_object = staticmethod(lambda user, obj: is_superuser(user))


class OrganizationListApi(generics.ListCreateAPIView):
    serializer_class = OrganizationSerializer
    permission_classes = [SuperuserWrites]
    ordering_fields = ["name"]

    def get_queryset(self):
        return selectors.organizations_list()

    def perform_create(self, serializer):
        serializer.instance = services.organization_create(**serializer.validated_data)


class OrganizationDetailApi(generics.RetrieveAPIView):
    serializer_class = OrganizationSerializer

    def get_queryset(self):
        return selectors.organizations_list()
