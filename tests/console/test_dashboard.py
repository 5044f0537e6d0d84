"""The console dashboard: upcoming events of the user's organizations, today first, counters."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accreditation.models import AccreditationStatus
from events.models import EventStatus
from tests.factories import AccreditationFactory, EventFactory

pytestmark = pytest.mark.django_db


def test_dashboard_puts_events_happening_today_first(client, organizer, organization):
    now = timezone.now()
    later = EventFactory(organization=organization, title="Tuần sau")
    tonight = EventFactory(
        organization=organization,
        title="Tối nay",
        starts_at=now + timedelta(minutes=30),
        ends_at=now + timedelta(minutes=90),
    )
    running = EventFactory(
        organization=organization,
        title="Đang diễn ra",
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(hours=1),
    )
    EventFactory(
        organization=organization,
        title="Đã kết thúc",
        starts_at=now - timedelta(days=2),
        ends_at=now - timedelta(days=2) + timedelta(hours=1),
    )
    client.force_login(organizer)
    response = client.get("/manage/")
    assert [e.title for e in response.context["today"]] == [running.title, tonight.title]
    assert [e.title for e in response.context["later"]] == [later.title]
    html = response.content.decode()
    assert html.index("Đang diễn ra") < html.index("Tối nay") < html.index("Tuần sau")
    assert "Đã kết thúc" not in html


def test_dashboard_shows_drafts_but_not_other_organizations(client, organizer, organization):
    EventFactory(organization=organization, title="Bản nháp của tôi", status=EventStatus.DRAFT)
    EventFactory(title="Của tổ chức khác")
    client.force_login(organizer)
    html = client.get("/manage/").content.decode()
    assert "Bản nháp của tôi" in html
    assert "Của tổ chức khác" not in html


def test_dashboard_counts_pending_and_approved_of_capacity(client, organizer, organization):
    event = EventFactory(organization=organization, press_capacity=40)
    AccreditationFactory.create_batch(3, event=event, status=AccreditationStatus.PENDING)
    AccreditationFactory.create_batch(2, event=event, status=AccreditationStatus.APPROVED)
    AccreditationFactory(event=event, status=AccreditationStatus.REJECTED)
    AccreditationFactory(status=AccreditationStatus.PENDING)  # another event's
    client.force_login(organizer)
    response = client.get("/manage/")
    (shown,) = response.context["later"]
    assert (shown.pending_count, shown.approved_count) == (3, 2)
    html = response.content.decode()
    assert "<dd>3</dd>" in html
    assert "2 / 40" in html  # Vietnamese, the default language


def test_dashboard_speaks_vietnamese_and_english(client, organizer, organization):
    EventFactory(organization=organization)
    client.force_login(organizer)
    assert "Sắp diễn ra" in client.get("/manage/").content.decode()
    assert "Coming up" in client.get("/manage/?lang=en").content.decode()


def test_dashboard_query_count_is_constant(
    client, organizer, organization, django_assert_max_num_queries
):
    def add(n):
        for event in EventFactory.create_batch(n, organization=organization):
            AccreditationFactory(event=event)
            AccreditationFactory(event=event, status=AccreditationStatus.APPROVED)

    add(2)
    client.force_login(organizer)
    with django_assert_max_num_queries(12) as small:
        client.get("/manage/")
    add(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/manage/")


def test_superuser_sees_every_organizations_events(client, superuser, organization):
    EventFactory(organization=organization, title="Sự kiện A")
    EventFactory(title="Sự kiện B")
    client.force_login(superuser)
    html = client.get("/manage/").content.decode()
    assert "Sự kiện A" in html
    assert "Sự kiện B" in html
