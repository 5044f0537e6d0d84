"""Personal data goes once its purpose is over; audit decisions stay."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from accreditation.models import AccreditationLog
from accreditation.services import accreditation_approve, personal_data_purge
from tests.factories import AccreditationFactory, EventFactory, JournalistProfileFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _with_files(profile, accreditation):
    profile.photo.save("p.jpg", ContentFile(b"\xff\xd8photo"), save=True)
    accreditation.assignment_letter.save("l.pdf", ContentFile(b"%PDF-1.4 letter"), save=True)


def test_purge_deletes_letters_photos_and_id_numbers_after_retention_but_keeps_decisions(
    organizer, organization
):
    past = EventFactory(
        organization=organization,
        starts_at=timezone.now() - timedelta(days=100),
        ends_at=timezone.now() - timedelta(days=100) + timedelta(hours=2),
    )
    profile = JournalistProfileFactory(press_card_number="123456", foreign_permit_number="FP-9")
    accreditation = AccreditationFactory(event=past, journalist=profile)
    accreditation_approve(accreditation=accreditation, by=organizer)
    _with_files(profile, accreditation)
    photo_name, letter_name = profile.photo.name, accreditation.assignment_letter.name

    result = personal_data_purge(retention_days=90)

    assert (result.letters, result.photos, result.id_numbers) == (1, 1, 1)
    profile.refresh_from_db()
    accreditation.refresh_from_db()
    assert not profile.photo
    assert profile.press_card_number == ""
    assert profile.foreign_permit_number == ""
    assert not accreditation.assignment_letter
    assert not default_storage.exists(photo_name)
    assert not default_storage.exists(letter_name)
    assert profile.full_name  # the person stays known by name and outlet
    assert AccreditationLog.objects.filter(
        accreditation=accreditation, to_status="approved"
    ).exists()


def test_purge_keeps_data_still_needed_for_a_recent_or_future_event(organization):
    past = EventFactory(
        organization=organization,
        starts_at=timezone.now() - timedelta(days=100),
        ends_at=timezone.now() - timedelta(days=100) + timedelta(hours=2),
    )
    upcoming = EventFactory(organization=organization)
    profile = JournalistProfileFactory(press_card_number="654321")
    old = AccreditationFactory(event=past, journalist=profile)
    AccreditationFactory(event=upcoming, journalist=profile)
    _with_files(profile, old)

    result = personal_data_purge(retention_days=90)

    profile.refresh_from_db()
    assert result.photos == 0
    assert profile.photo
    assert profile.press_card_number == "654321"
    assert result.letters == 1  # the old event's letter has served its purpose


def test_purge_command_reports_and_can_run_twice(organization, capsys):
    past = EventFactory(
        organization=organization,
        starts_at=timezone.now() - timedelta(days=10),
        ends_at=timezone.now() - timedelta(days=10) + timedelta(hours=2),
    )
    profile = JournalistProfileFactory(press_card_number="111111")
    AccreditationFactory(event=past, journalist=profile)
    call_command("purge_personal_data", "--days", "5")
    assert "ID numbers of 1 profiles" in capsys.readouterr().out
    call_command("purge_personal_data", "--days", "5")
    assert "ID numbers of 0 profiles" in capsys.readouterr().out
