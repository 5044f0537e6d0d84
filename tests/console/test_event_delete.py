"""The console's delete page goes through the service and says why an event stays."""

import pytest

from accreditation.models import Accreditation
from events.models import Event, EventStatus
from tests.factories import AccreditationFactory, EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organizer_client(client, organizer):
    client.force_login(organizer)
    return client


def test_console_refuses_deleting_a_draft_with_accreditations(organizer_client, organization):
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)
    accreditation = AccreditationFactory(event=draft)
    url = f"/manage/events/{draft.slug}/delete/"

    page = organizer_client.get(url)
    assert page.status_code == 200
    assert page.context["error"]
    assert "<button" not in page.content.decode().split('class="panel confirm"')[1]

    response = organizer_client.post(url)
    assert response.status_code == 409
    assert "accreditation" in response.context["error"]
    assert Event.objects.filter(pk=draft.pk).exists()
    assert Accreditation.objects.filter(pk=accreditation.pk).exists()
