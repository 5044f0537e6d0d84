"""Two desks must never both admit one badge: real transactions, real threads.

Runs on the SQLite default and, with DATABASE_URL pointing at PostgreSQL, on PostgreSQL.
"""

import threading

import pytest
from django.db import connection, connections

from checkin.models import CheckIn, ScanResult
from checkin.services import checkin_manual, checkin_scan
from tests.factories import BadgeFactory, EventFactory, MembershipFactory

SCANS = 20
DESKS = ["Desk 1", "Desk 2", "Desk 3", "Desk 4"]


def _run_at_once(work, count: int) -> list:
    """Run `work(i)` in `count` threads released together; return results or exceptions."""
    barrier = threading.Barrier(count)
    results: list = [None] * count

    def run(i):
        try:
            barrier.wait(timeout=10)
            results[i] = work(i)
        except Exception as exc:  # the test reports any failure, not just the first
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.mark.race
@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_scans_of_one_badge_admit_exactly_once():
    event = EventFactory()
    desk_user = MembershipFactory(organization=event.organization, role="front_desk").user
    badge = BadgeFactory(accreditation__event=event)

    results = _run_at_once(
        lambda i: (
            checkin_scan(
                code=badge.code, event=event, desk=DESKS[i % len(DESKS)], by=desk_user
            ).result
        ),
        SCANS,
    )

    errors = [r for r in results if isinstance(r, Exception)]
    assert errors == [], f"{connection.vendor}: {errors[:3]}"
    assert results.count(ScanResult.ACCEPTED) == 1
    assert results.count(ScanResult.ALREADY_CHECKED_IN) == SCANS - 1
    assert CheckIn.objects.filter(result=ScanResult.ACCEPTED).count() == 1
    assert CheckIn.objects.filter(result=ScanResult.ALREADY_CHECKED_IN).count() == SCANS - 1


@pytest.mark.race
@pytest.mark.django_db(transaction=True)
def test_scans_and_manual_check_ins_racing_on_one_badge_admit_exactly_once():
    event = EventFactory()
    desk_user = MembershipFactory(organization=event.organization, role="front_desk").user
    badge = BadgeFactory(accreditation__event=event)

    def work(i):
        if i % 2:
            return checkin_manual(
                accreditation=badge.accreditation, event=event, desk="Search", by=desk_user
            ).result
        return checkin_scan(code=badge.code, event=event, desk="Scanner", by=desk_user).result

    results = _run_at_once(work, SCANS)

    assert [r for r in results if isinstance(r, Exception)] == []
    assert results.count(ScanResult.ACCEPTED) == 1
    assert CheckIn.objects.filter(result=ScanResult.ACCEPTED).count() == 1
    assert CheckIn.objects.count() == SCANS
