"""Approvals racing for the last seats: the event row lock lets exactly `capacity` through.

Runs on whichever database the suite uses: SQLite by default, PostgreSQL with DATABASE_URL.
"""

import threading

import pytest
from django.db import connection
from django.db.models import Count

from accreditation import services
from accreditation.models import Accreditation, AccreditationLog, AccreditationStatus
from accreditation.services import AccreditationError
from tests.factories import (
    AccreditationFactory,
    EventFactory,
    JournalistProfileFactory,
    MediaOutletFactory,
    OutletQuotaFactory,
)

pytestmark = [pytest.mark.race, pytest.mark.django_db(transaction=True)]


def race(accreditations, organizer, **kwargs):
    """Approve every request from its own thread, all released at once; collect outcomes."""
    start = threading.Barrier(len(accreditations))
    outcomes, lock = [], threading.Lock()

    def approve(accreditation):
        try:
            start.wait()
            services.accreditation_approve(accreditation=accreditation, by=organizer, **kwargs)
            outcome = "approved"
        except AccreditationError as error:
            outcome = error.code
        except Exception as error:  # noqa: BLE001 - any other failure must show up in the test
            outcome = f"crash: {error!r}"
        finally:
            connection.close()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=approve, args=(a,)) for a in accreditations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def test_fifty_racing_approvals_against_twenty_seats_approve_exactly_twenty(
    organization, organizer
):
    event = EventFactory(organization=organization, press_capacity=20)
    requests = AccreditationFactory.create_batch(50, event=event, journalist__user=None)

    outcomes = race(requests, organizer)

    assert sorted(set(outcomes)) == ["approved", "capacity_full"]
    assert outcomes.count("approved") == 20
    assert (
        Accreditation.objects.filter(event=event, status=AccreditationStatus.APPROVED).count() == 20
    )
    assert AccreditationLog.objects.filter(event=event, to_status="approved").count() == 20


def test_racing_approvals_with_waitlist_leave_twenty_approved_and_thirty_waiting(
    organization, organizer
):
    event = EventFactory(organization=organization, press_capacity=20)
    requests = AccreditationFactory.create_batch(50, event=event, journalist__user=None)

    outcomes = race(requests, organizer, waitlist_if_full=True)

    assert outcomes == ["approved"] * 50  # waitlisting is not a refusal
    counts = dict(
        Accreditation.objects.filter(event=event)
        .values_list("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    assert counts == {"approved": 20, "waitlisted": 30}


def test_racing_approvals_respect_the_outlet_quota(organization, organizer):
    event = EventFactory(organization=organization, press_capacity=50)
    outlet = MediaOutletFactory()
    OutletQuotaFactory(event=event, category="writer", limit=2)
    requests = [
        AccreditationFactory(
            event=event, journalist=JournalistProfileFactory(outlet=outlet, user=None)
        )
        for _ in range(12)
    ]

    outcomes = race(requests, organizer)

    assert outcomes.count("approved") == 2
    assert outcomes.count("outlet_quota_full") == 10
