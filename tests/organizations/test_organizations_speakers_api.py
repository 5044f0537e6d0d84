"""Organizations and speakers through the API."""

import pytest

from events.models import Speaker
from organizations.models import Organization
from tests.factories import EventFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("journalist", 403),
        ("front_desk", 403),
        ("organizer", 403),
        ("other_organizer", 403),
        ("superuser", 201),
    ],
)
def test_only_superusers_create_organizations(role, expected, api_client_for, assert_unchanged):
    with assert_unchanged(Organization, unless=expected == 201):
        response = api_client_for(role).post(
            "/api/v1/organizations/", {"name": "Sở Y tế Hà Nội"}, format="json"
        )
    assert response.status_code == expected
    assert Organization.objects.filter(slug="so-y-te-ha-noi").exists() == (expected == 201)


def test_organizations_are_public(api_client, organization):
    assert api_client.get("/api/v1/organizations/").json()["results"][0]["name"] == (
        organization.name
    )


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("journalist", 403),
        ("front_desk", 403),
        ("other_organizer", 403),
        ("organizer", 201),
        ("superuser", 201),
    ],
)
def test_speakers_are_created_by_their_organizations_organizers(
    role, expected, api_client_for, assert_unchanged, organization
):
    with assert_unchanged(Speaker, unless=expected == 201):
        response = api_client_for(role).post(
            "/api/v1/speakers/",
            {"organization": organization.pk, "name": "Đỗ Thị Hà", "bio": "Tiểu sử"},
            format="json",
        )
    assert response.status_code == expected
    assert Speaker.objects.filter(name="Đỗ Thị Hà").exists() == (expected == 201)


def test_speakers_of_drafts_stay_hidden_from_the_public(api_client, api_client_for, organization):
    public_speaker = SpeakerFactory(organization=organization, name="Công khai")
    hidden_speaker = SpeakerFactory(organization=organization, name="Bí mật")
    EventFactory(organization=organization).speakers.add(public_speaker)
    EventFactory(organization=organization, status="draft").speakers.add(hidden_speaker)
    public_names = {s["name"] for s in api_client.get("/api/v1/speakers/").json()["results"]}
    assert public_names == {"Công khai"}
    organizer_names = {
        s["name"] for s in api_client_for("organizer").get("/api/v1/speakers/").json()["results"]
    }
    assert organizer_names == {"Công khai", "Bí mật"}


def test_token_authentication(api_client, organizer):
    response = api_client.post(
        "/api/v1/auth/token/",
        {"username": "organizer", "password": "correct horse battery"},
        format="json",
    )
    assert response.status_code == 200
    token = response.json()["token"]
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api_client.get("/api/v1/events/").status_code == 200
    bad = api_client.post(
        "/api/v1/auth/token/", {"username": "organizer", "password": "x"}, format="json"
    )
    assert bad.status_code == 400


def test_openapi_schema_and_docs_are_served_without_a_cdn(client, db):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/events/" in schema.content
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    assert b"cdn" not in docs.content.lower()
