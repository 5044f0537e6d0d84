"""Scans outlive the accounts and requests they were about; events with scans stay."""

import importlib

import pytest
from django.db.models.deletion import ProtectedError

from accreditation import services as accreditation_services
from accreditation.models import AccreditationStatus, Badge
from checkin.models import CheckIn, ScanResult
from checkin.services import checkin_manual, checkin_scan
from common.errors import DomainError
from events import services as event_services
from events.models import Event, EventStatus
from tests.factories import (
    AccreditationFactory,
    AgendaItemFactory,
    BadgeFactory,
    EventFactory,
    JournalistProfileFactory,
    OutletQuotaFactory,
    PressReleaseFactory,
)

pytestmark = pytest.mark.django_db

SCAN_COLUMNS = (
    "event_id",
    "code",
    "desk",
    "result",
    "manual",
    "created_at",
    "scanned_by_id",
    "scanned_by_label",
    "badge_serial",
    "category",
    "outlet_name",
)


@pytest.fixture
def lan(db):
    return JournalistProfileFactory(
        full_name="Phạm Thị Lan",
        user__username="lan@example.org",
        user__email="lan@example.org",
        user__first_name="Lan",
        user__last_name="Phạm",
        outlet__name="Báo Nhân Dân",
        role="photographer",
    )


@pytest.fixture
def admitted(lan, event, organizer, front_desk):
    """Lan approved, admitted at Bàn 1, scanned again at Bàn 2."""
    accreditation = AccreditationFactory(event=event, journalist=lan, category="photographer")
    accreditation_services.accreditation_approve(accreditation=accreditation, by=organizer)
    badge = Badge.objects.get(accreditation=accreditation)
    checkin_scan(code=badge.code, event=event, desk="Bàn 1", by=front_desk)
    checkin_scan(code=badge.code, event=event, desk="Bàn 2", by=front_desk)
    return accreditation


def scans(event):
    return list(CheckIn.objects.filter(event=event).order_by("id").values(*SCAN_COLUMNS))


def test_a_scan_records_a_snapshot_without_the_persons_name(admitted, event, front_desk):
    badge = admitted.badges.get()
    rows = scans(event)
    assert [(r["result"], r["desk"]) for r in rows] == [
        (ScanResult.ACCEPTED, "Bàn 1"),
        (ScanResult.ALREADY_CHECKED_IN, "Bàn 2"),
    ]
    for row in rows:
        assert row["badge_serial"] == badge.serial
        assert row["category"] == "photographer"
        assert row["outlet_name"] == "Báo Nhân Dân"
        assert row["scanned_by_label"] == front_desk.get_full_name()
        assert "Lan" not in str(row)


def test_a_search_check_in_records_the_same_snapshot(lan, event, organizer, front_desk):
    accreditation = AccreditationFactory(event=event, journalist=lan, category="photographer")
    accreditation_services.accreditation_approve(accreditation=accreditation, by=organizer)
    checkin_manual(accreditation=accreditation, event=event, desk="Bàn 3", by=front_desk)

    row = CheckIn.objects.get()
    assert (row.manual, row.badge_serial, row.category, row.outlet_name) == (
        True,
        accreditation.badges.get().serial,
        "photographer",
        "Báo Nhân Dân",
    )


def test_erasing_a_journalist_account_keeps_their_scans_anonymized(admitted, event, lan):
    before = scans(event)
    accreditation_services.journalist_delete(profile=lan, by=lan.user)

    assert scans(event) == before  # when, where, by whom, with what result, on which badge
    kept = CheckIn.objects.filter(event=event)
    assert kept.count() == 2
    assert not kept.filter(accreditation__isnull=False).exists()
    assert not kept.filter(badge__isnull=False).exists()
    for row in kept.values():
        assert not any(p in str(row) for p in ("Phạm", "Lan", "lan@example.org")), row


def test_a_deleted_desk_account_still_says_who_scanned(admitted, event, front_desk):
    label = front_desk.get_full_name()
    front_desk.delete()
    assert set(
        CheckIn.objects.filter(event=event).values_list("scanned_by", "scanned_by_label")
    ) == {(None, label)}


def test_an_event_with_scans_cannot_be_deleted(organization, front_desk):
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)
    checkin_scan(code="PC1NOTABADGE", event=draft, desk="Bàn 1", by=front_desk)

    with pytest.raises(DomainError) as refused:
        event_services.event_delete(event=draft)
    assert refused.value.code == "event_has_accreditations"
    with pytest.raises(ProtectedError):
        draft.delete()
    assert Event.objects.filter(pk=draft.pk).exists()
    assert CheckIn.objects.filter(event=draft).count() == 1


def test_an_event_whose_journalists_erased_their_accounts_cannot_be_deleted(
    admitted, event, lan, api_client_for
):
    accreditation_services.journalist_delete(profile=lan, by=lan.user)
    Event.objects.filter(pk=event.pk).update(status=EventStatus.DRAFT)  # as the old PATCH could

    response = api_client_for("organizer").delete(f"/api/v1/events/{event.pk}/")

    assert response.status_code == 409
    assert response.json()["code"] == "event_has_accreditations"
    assert Event.objects.filter(pk=event.pk).exists()
    assert CheckIn.objects.filter(event=event).count() == 2


def test_a_draft_with_only_its_own_programme_can_still_be_deleted(organization):
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)
    AgendaItemFactory(event=draft)
    OutletQuotaFactory(event=draft)
    PressReleaseFactory(event=draft)

    event_services.event_delete(event=draft)

    assert not Event.objects.filter(pk=draft.pk).exists()


def test_the_migration_fills_the_snapshot_of_existing_scans(event, front_desk):
    from django.apps import apps

    badge = BadgeFactory(accreditation__event=event)
    accreditation = badge.accreditation
    old = CheckIn.objects.create(
        event=event,
        accreditation=accreditation,
        badge=badge,
        code=badge.code,
        desk="Bàn 1",
        scanned_by=front_desk,
        result=ScanResult.ACCEPTED,
    )
    invalid = CheckIn.objects.create(event=event, code="PC1X", desk="Bàn 2", result="invalid")
    migration = importlib.import_module("checkin.migrations.0002_keep_scans_when_deleting")

    migration.fill_snapshots(apps, None)

    old.refresh_from_db()
    invalid.refresh_from_db()
    assert (old.badge_serial, old.category, old.outlet_name, old.scanned_by_label) == (
        badge.serial,
        accreditation.category,
        accreditation.journalist.outlet.name,
        front_desk.get_full_name(),
    )
    assert (invalid.badge_serial, invalid.category, invalid.outlet_name) == ("", "", "")
    assert accreditation.status == AccreditationStatus.APPROVED
