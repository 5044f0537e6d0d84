"""Deleting an event: only a draft with nothing attached goes; the API answers why not."""

import pytest

from accreditation.models import Accreditation, AccreditationStatus
from common.errors import DomainError
from events import services
from events.models import Event, EventStatus
from tests.factories import AccreditationFactory, EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(organization):
    return EventFactory(organization=organization, status=EventStatus.DRAFT)


def test_api_refuses_deleting_a_draft_with_accreditations_with_409_and_a_code(
    api_client_for, draft
):
    # A draft can hold requests only if it was published once (or edited past the rules).
    accreditation = AccreditationFactory(event=draft, status=AccreditationStatus.CANCELLED)
    response = api_client_for("organizer").delete(f"/api/v1/events/{draft.pk}/")

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "event_has_accreditations"
    assert body["detail"]
    assert Event.objects.filter(pk=draft.pk, status=EventStatus.DRAFT).exists()
    assert Accreditation.objects.filter(pk=accreditation.pk, event=draft).exists()


def test_service_refuses_deleting_a_draft_with_accreditations(draft):
    AccreditationFactory(event=draft)
    with pytest.raises(DomainError) as refused:
        services.event_delete(event=draft)
    assert refused.value.code == "event_has_accreditations"
    assert services.event_deletion_refusal(draft).code == "event_has_accreditations"
    assert Event.objects.filter(pk=draft.pk).exists()


def test_a_draft_with_nothing_attached_can_still_be_deleted(api_client_for, draft):
    assert services.event_deletion_refusal(draft) is None
    response = api_client_for("organizer").delete(f"/api/v1/events/{draft.pk}/")
    assert response.status_code == 204
    assert not Event.objects.filter(pk=draft.pk).exists()


@pytest.mark.parametrize(("status", "expected"), [("published", 403), ("draft", 404)])
def test_another_organizations_organizer_is_refused_as_before(
    api_client_for, organization, status, expected
):
    other = EventFactory(organization=organization, status=status)
    response = api_client_for("other_organizer").delete(f"/api/v1/events/{other.pk}/")
    assert response.status_code == expected
    assert Event.objects.filter(pk=other.pk, status=status).exists()
