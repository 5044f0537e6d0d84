"""A journalist who erases their account leaves the decision log behind, without their name."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from accreditation import services
from accreditation.models import Accreditation, AccreditationLog, JournalistProfile
from tests.factories import EventFactory, JournalistProfileFactory, UserFactory

pytestmark = pytest.mark.django_db

PERSONAL = ("Phạm Thị Lan", "Lan", "Phạm", "lan@example.org")


@pytest.fixture
def lan(db):
    """A journalist with a name nobody else in the test has."""
    user = UserFactory(username="lan@example.org", email="lan@example.org")
    user.first_name, user.last_name = "Lan", "Phạm"
    user.save()
    return JournalistProfileFactory(user=user, full_name="Phạm Thị Lan", email=user.email)


@pytest.fixture
def decided(lan, organizer, organization):
    """Lan asked to cover an event and the organizer approved it: two log rows."""
    event = EventFactory(organization=organization)
    accreditation = services.accreditation_request(journalist=lan, event=event, by=lan.user)
    services.accreditation_approve(accreditation=accreditation, by=organizer)
    return accreditation


def log_rows(event_id):
    return list(
        AccreditationLog.objects.filter(event_id=event_id)
        .order_by("id")
        .values_list("from_status", "to_status", "reason", "actor_label")
    )


def test_the_log_names_who_decided_at_the_time_of_the_decision(decided, organizer, lan):
    rows = AccreditationLog.objects.filter(accreditation=decided).order_by("id")
    assert [(r.to_status, r.actor, r.actor_label) for r in rows] == [
        ("pending", lan.user, "Lan Phạm"),
        ("approved", organizer, organizer.get_full_name()),
    ]


def test_erasing_a_journalist_keeps_every_decision_without_their_name(decided, lan, organizer):
    event_id = decided.event_id
    services.journalist_delete(profile=lan, by=lan.user)

    assert not JournalistProfile.objects.filter(pk=lan.pk).exists()
    assert not Accreditation.objects.filter(pk=decided.pk).exists()
    assert log_rows(event_id) == [
        ("", "pending", "", services.ERASED_ACCOUNT_LABEL),
        ("pending", "approved", "", organizer.get_full_name()),
        (
            "approved",
            "approved",
            "personal data erased at the journalist's request",
            services.ERASED_ACCOUNT_LABEL,
        ),
    ]
    kept = AccreditationLog.objects.filter(event_id=event_id)
    assert not kept.filter(accreditation__isnull=False).exists()
    assert kept.filter(to_status="approved", actor=organizer).exists()
    for row in kept.values():
        for value in row.values():
            assert not any(p in str(value) for p in PERSONAL), row


def test_a_deleted_staff_account_still_says_who_decided(decided, organizer):
    label = organizer.get_full_name()
    organizer.delete()

    approval = AccreditationLog.objects.get(accreditation=decided, to_status="approved")
    assert (approval.actor, approval.actor_label) == (None, label)


def test_the_purge_command_still_runs_after_an_erasure(decided, lan, capsys):
    services.journalist_delete(profile=lan, by=lan.user)
    call_command("purge_personal_data", "--days", "0")
    assert AccreditationLog.objects.filter(event_id=decided.event_id).count() == 3
    assert not get_user_model().objects.filter(username="lan@example.org").exists()


def test_the_migration_fills_who_decided_for_existing_rows(decided, organizer):
    import importlib

    from django.apps import apps

    AccreditationLog.objects.update(actor_label="")
    migration = importlib.import_module("accreditation.migrations.0006_keep_history_when_deleting")

    migration.fill_actor_labels(apps, None)

    assert list(
        AccreditationLog.objects.filter(accreditation=decided)
        .order_by("id")
        .values_list("actor_label", flat=True)
    ) == ["Lan Phạm", organizer.get_full_name()]
