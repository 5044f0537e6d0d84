"""An event's status changes only through the status service, whichever way in is tried."""

import pytest
from django.contrib import messages
from django.core import mail

from accreditation.models import AccreditationStatus
from events import services
from events.models import Event, EventStatus
from tests.factories import AccreditationFactory, EventFactory, RoomFactory

pytestmark = pytest.mark.django_db


def snapshot(event: Event) -> tuple:
    event.refresh_from_db()
    return (event.status, event.cancellation_reason, event.sequence)


# --- API -------------------------------------------------------------------------------------


@pytest.mark.parametrize("new_status", ["draft", "postponed", "cancelled"])
def test_patch_with_a_status_leaves_the_status_as_it_was(api_client_for, event, new_status):
    before = snapshot(event)
    response = api_client_for("organizer").patch(
        f"/api/v1/events/{event.pk}/", {"status": new_status}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["status"] == "published"
    assert snapshot(event) == before


def test_patch_cannot_cancel_an_event_without_a_reason_or_telling_journalists(
    api_client_for, event
):
    AccreditationFactory(event=event, status=AccreditationStatus.APPROVED)
    before = snapshot(event)
    api_client_for("organizer").patch(
        f"/api/v1/events/{event.pk}/", {"status": "cancelled", "title": "Hủy"}, format="json"
    )
    event.refresh_from_db()
    assert event.title == "Hủy"  # the rest of the edit still goes through
    assert snapshot(event) == before
    assert mail.outbox == []


def test_a_cancelled_event_cannot_be_republished_by_patch_or_put(api_client_for, organization):
    cancelled = EventFactory(
        organization=organization, status=EventStatus.CANCELLED, cancellation_reason="Bão"
    )
    client = api_client_for("organizer")
    before = snapshot(cancelled)
    client.patch(f"/api/v1/events/{cancelled.pk}/", {"status": "published"}, format="json")
    assert snapshot(cancelled) == before

    full = client.get(f"/api/v1/events/{cancelled.pk}/").json()
    full.update(status="published", cancellation_reason="")
    for name in ("agenda", "speakers_detail", "venue", "url", "sequence", "id", "slug"):
        full.pop(name)
    response = client.put(f"/api/v1/events/{cancelled.pk}/", full, format="json")
    assert response.status_code == 200, response.json()
    assert snapshot(cancelled) == before


def test_patch_cannot_blank_the_reason_of_a_cancelled_event(api_client_for, organization):
    cancelled = EventFactory(
        organization=organization, status=EventStatus.CANCELLED, cancellation_reason="Bão"
    )
    before = snapshot(cancelled)
    api_client_for("organizer").patch(
        f"/api/v1/events/{cancelled.pk}/", {"cancellation_reason": ""}, format="json"
    )
    assert snapshot(cancelled) == before


def test_a_published_event_with_accreditations_cannot_go_back_to_draft_and_be_deleted(
    api_client_for, event
):
    accreditation = AccreditationFactory(event=event, status=AccreditationStatus.APPROVED)
    client = api_client_for("organizer")
    client.patch(f"/api/v1/events/{event.pk}/", {"status": "draft"}, format="json")
    response = client.delete(f"/api/v1/events/{event.pk}/")

    assert response.status_code == 409
    assert response.json()["code"] == "event_not_draft"
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED
    accreditation.refresh_from_db()
    assert accreditation.status == AccreditationStatus.APPROVED


def test_events_created_through_the_api_start_as_drafts(api_client_for, organization):
    payload = {
        "title": "Họp báo",
        "kind": "press_conference",
        "status": "published",
        "cancellation_reason": "không",
        "organization": organization.pk,
        "room": RoomFactory().pk,
        "starts_at": "2030-02-03T09:00:00+07:00",
        "ends_at": "2030-02-03T11:00:00+07:00",
    }
    response = api_client_for("organizer").post("/api/v1/events/", payload, format="json")

    assert response.status_code == 201
    event = Event.objects.get(pk=response.json()["id"])
    assert (event.status, event.cancellation_reason) == (EventStatus.DRAFT, "")
    assert response.json()["status"] == "draft"


def test_the_status_endpoint_is_still_how_an_event_is_published(api_client_for, organization):
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)
    response = api_client_for("organizer").post(
        f"/api/v1/events/{draft.pk}/status/", {"status": "published"}, format="json"
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == EventStatus.PUBLISHED


# --- Service ---------------------------------------------------------------------------------


def test_event_update_refuses_to_set_a_status(event):
    with pytest.raises(TypeError):
        services.event_update(event=event, status=EventStatus.DRAFT)
    with pytest.raises(TypeError):
        services.event_update(event=event, cancellation_reason="")
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED


# --- Django admin ----------------------------------------------------------------------------


def admin_form_data(event: Event, **overrides) -> dict:
    start, end = event.starts_at.astimezone(), event.ends_at.astimezone()
    data = {
        "organization": event.organization_id,
        "title": event.title,
        "slug": event.slug,
        "kind": event.kind,
        "room": event.room_id,
        "starts_at_0": start.strftime("%Y-%m-%d"),
        "starts_at_1": start.strftime("%H:%M:%S"),
        "ends_at_0": end.strftime("%Y-%m-%d"),
        "ends_at_1": end.strftime("%H:%M:%S"),
        "press_capacity": event.press_capacity,
        "agenda_items-TOTAL_FORMS": 0,
        "agenda_items-INITIAL_FORMS": 0,
    }
    data.update(overrides)
    return data


def test_admin_shows_the_status_read_only_and_ignores_a_posted_one(client, superuser, event):
    client.force_login(superuser)
    page = client.get(f"/admin/events/event/{event.pk}/change/")
    assert 'name="status"' not in page.content.decode()
    assert f"/manage/events/{event.slug}/" in page.content.decode()

    before = snapshot(event)
    response = client.post(
        f"/admin/events/event/{event.pk}/change/",
        admin_form_data(event, title="Đổi tên", status="draft", cancellation_reason="x"),
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Đổi tên"
    assert snapshot(event) == before


def test_admin_adds_events_as_drafts(client, superuser, organization):
    client.force_login(superuser)
    template = EventFactory.build(organization=organization, room=RoomFactory(), slug="moi")
    response = client.post(
        "/admin/events/event/add/", admin_form_data(template, status="published")
    )
    assert response.status_code == 302
    assert Event.objects.get(slug="moi").status == EventStatus.DRAFT


def test_admin_publish_action_goes_through_the_status_service(client, superuser, organization):
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)
    cancelled = EventFactory(
        organization=organization, status=EventStatus.CANCELLED, cancellation_reason="Bão"
    )
    client.force_login(superuser)
    response = client.post(
        "/admin/events/event/",
        {"action": "publish_selected", "_selected_action": [draft.pk, cancelled.pk]},
        follow=True,
    )

    draft.refresh_from_db()
    cancelled.refresh_from_db()
    assert draft.status == EventStatus.PUBLISHED
    assert draft.sequence == 1
    assert cancelled.status == EventStatus.CANCELLED
    errors = [m.message for m in response.context["messages"] if m.level == messages.ERROR]
    assert len(errors) == 1
    assert errors[0].startswith(cancelled.title)


def test_admin_cannot_delete_a_published_event(client, superuser, event):
    client.force_login(superuser)
    response = client.post(f"/admin/events/event/{event.pk}/delete/", {"post": "yes"}, follow=True)
    assert Event.objects.filter(pk=event.pk).exists()
    errors = [m.message for m in response.context["messages"] if m.level == messages.ERROR]
    assert errors == [services.event_deletion_refusal(event).message]


def test_admin_still_deletes_an_empty_draft(client, superuser, organization):
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)
    client.force_login(superuser)
    response = client.post(f"/admin/events/event/{draft.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Event.objects.filter(pk=draft.pk).exists()
