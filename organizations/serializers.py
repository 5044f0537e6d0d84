"""API shapes for organizations."""

from rest_framework import serializers

from organizations.models import Organization


class OrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["id", "slug", "name", "name_en", "website", "email", "phone"]
        extra_kwargs = {"slug": {"required": False}}
