"""Room double-booking when two organizers save at the same moment (SQLite and PostgreSQL)."""

import threading
from datetime import timedelta

import pytest
from django.db import close_old_connections, connection

from common.errors import DomainError
from events import services
from events.models import Event
from tests.factories import OrganizationFactory, RoomFactory, in_days


@pytest.mark.race
@pytest.mark.django_db(transaction=True)
def test_two_racing_bookings_of_one_room_leave_exactly_one_event():
    organization = OrganizationFactory()
    room = RoomFactory()
    start = in_days(10)
    attempts = 8
    barrier = threading.Barrier(attempts)
    outcomes: list[str] = []

    def book(n):
        try:
            barrier.wait()
            services.event_create(
                organization=organization,
                title=f"Sự kiện {n}",
                kind="forum",
                status="published",
                room=room,
                starts_at=start + timedelta(minutes=n),
                ends_at=start + timedelta(hours=2),
            )
            outcomes.append("created")
        except DomainError as error:
            outcomes.append(error.code)
        except Exception as error:  # noqa: BLE001 - the test reports any other failure below
            outcomes.append(f"error: {error!r}")
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=book, args=(n,)) for n in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["created"] + ["room_conflict"] * (attempts - 1)
    assert Event.objects.filter(room=room).count() == 1
