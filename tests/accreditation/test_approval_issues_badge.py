"""Approval issues the badge; its code reaches the journalist and organizers, nobody else."""

import pytest

from accreditation.models import AccreditationStatus, BadgeStatus
from accreditation.services import accreditation_approve
from checkin.services import checkin_scan
from tests.factories import AccreditationFactory, JournalistProfileFactory

pytestmark = pytest.mark.django_db


def test_approving_issues_one_active_badge_that_scans_accepted(event, organizer, front_desk):
    accreditation = AccreditationFactory(event=event)
    accreditation_approve(accreditation=accreditation, by=organizer)
    badges = list(accreditation.badges.all())
    assert len(badges) == 1
    assert badges[0].status == BadgeStatus.ACTIVE
    outcome = checkin_scan(code=badges[0].code, event=event, desk="Bàn 1", by=front_desk)
    assert outcome.result == "accepted"


def test_code_in_accreditation_json_only_for_owner_and_organizers(event, organizer, api_client_for):
    owner = JournalistProfileFactory()
    accreditation = AccreditationFactory(event=event, journalist=owner)
    accreditation_approve(accreditation=accreditation, by=organizer)
    code = accreditation.badges.get().code
    url = f"/api/v1/accreditations/{accreditation.pk}/"

    from rest_framework.test import APIClient

    mine = APIClient()
    mine.force_authenticate(owner.user)
    assert mine.get(url).json()["code"] == code
    assert api_client_for("organizer").get(url).json()["code"] == code
    assert api_client_for("superuser").get(url).json()["code"] == code
    for role in ["journalist", "other_organizer", "front_desk", "anonymous"]:
        response = api_client_for(role).get(url)
        assert response.status_code in (401, 403, 404)
        assert code not in response.content.decode()
    accreditation.refresh_from_db()
    assert accreditation.status == AccreditationStatus.APPROVED


def test_an_approved_accreditation_from_the_factory_has_its_badge_as_after_approval():
    approved = AccreditationFactory(status=AccreditationStatus.APPROVED)
    (badge,) = approved.badges.all()
    assert badge.status == BadgeStatus.ACTIVE
    assert badge.serial == f"{approved.event_id:04d}-{approved.pk:06d}-1"
    assert not AccreditationFactory(
        status=AccreditationStatus.APPROVED, badge=False
    ).badges.exists()
    assert not AccreditationFactory(status=AccreditationStatus.PENDING).badges.exists()
