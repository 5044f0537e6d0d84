"""The desk page, the desk search and the journalist's badge page, tried by every role."""

import pytest
from django.urls import reverse

from accreditation.models import AccreditationStatus
from checkin.services import checkin_scan
from tests.conftest import ROLES
from tests.factories import AccreditationFactory, BadgeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_badge(event, journalist):
    return BadgeFactory(
        accreditation__event=event,
        accreditation__journalist__user=journalist,
        accreditation__journalist__full_name="Nguyễn <Thị> Mai",
    )


DESK_STATUS = {
    "anonymous": 302,
    "journalist": 403,
    "front_desk": 200,
    "organizer": 200,
    "other_organizer": 403,
    "superuser": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_desk_page_is_for_desk_staff_and_organizers_of_the_event(role, client_for, event):
    response = client_for(role).get(reverse("desk", args=[event.slug]))

    assert response.status_code == DESK_STATUS[role]
    if response.status_code == 200:
        html = response.content.decode()
        assert 'id="scan-input"' in html
        assert "js/desk.js" in html
        assert "//cdn" not in html
        assert "jsdelivr" not in html
        assert response.context["desk_config"]["event"] == event.pk
        assert response.cookies.get("csrftoken")


def test_desk_page_shows_the_counters(client_for, event, own_badge, front_desk):
    checkin_scan(code=own_badge.code, event=event, desk="Desk 1", by=front_desk)

    response = client_for("front_desk").get(reverse("desk", args=[event.slug]))

    assert response.context["counters"]["checked_in"] == 1
    assert response.context["counters"]["approved"] == 1


def test_desk_page_of_an_unknown_event_is_a_404(client_for):
    assert client_for("front_desk").get(reverse("desk", args=["nope"])).status_code == 404


def test_vendored_barcode_polyfill_points_at_our_own_wasm():
    from django.conf import settings

    vendor = settings.BASE_DIR / "static" / "vendor" / "barcode-detector"
    assert (vendor / "zxing_reader.wasm").stat().st_size > 500_000
    assert (vendor / "LICENSE-barcode-detector.txt").exists()
    desk_js = (settings.BASE_DIR / "static" / "js" / "desk.js").read_text()
    assert "locateFile" in desk_js
    assert "config.wasmUrl" in desk_js


# --- desk search ---------------------------------------------------------------------------

SEARCH_STATUS = {
    "anonymous": 401,
    "journalist": 403,
    "front_desk": 200,
    "organizer": 200,
    "other_organizer": 403,
    "superuser": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_desk_search_finds_by_name_for_desk_staff(role, api_client_for, event, own_badge):
    url = reverse("api-event-desk-search", args=[event.pk])

    response = api_client_for(role).get(url, {"q": "Mai"})

    assert response.status_code == SEARCH_STATUS[role]
    if response.status_code == 200:
        (row,) = response.json()["results"]
        assert row["accreditation"]["id"] == own_badge.accreditation_id
        assert row["checked_in"] is None


def test_desk_search_says_when_someone_is_already_in(api_client_for, event, own_badge, front_desk):
    checkin_scan(code=own_badge.code, event=event, desk="Desk 4", by=front_desk)

    response = api_client_for("front_desk").get(
        reverse("api-event-desk-search", args=[event.pk]), {"q": "Mai"}
    )

    assert response.json()["results"][0]["checked_in"]["desk"] == "Desk 4"


def test_desk_search_needs_two_characters(api_client_for, event):
    response = api_client_for("front_desk").get(
        reverse("api-event-desk-search", args=[event.pk]), {"q": "M"}
    )

    assert response.status_code == 400
    assert "q" in response.json()


# --- the journalist's badge page -----------------------------------------------------------

MY_BADGE_STATUS = {
    "anonymous": 302,
    "journalist": 200,
    "front_desk": 404,
    "organizer": 200,
    "other_organizer": 404,
    "superuser": 200,
}


@pytest.mark.parametrize("role", ROLES)
def test_badge_page_shows_the_qr_to_its_journalist(role, client_for, own_badge):
    response = client_for(role).get(reverse("my-badge", args=[own_badge.accreditation_id]))

    assert response.status_code == MY_BADGE_STATUS[role]
    if response.status_code == 200:
        html = response.content.decode()
        assert "<svg" in html
        assert own_badge.serial in html
        assert "Nguyễn &lt;Thị&gt; Mai" in html
        assert reverse("my-badge-pdf", args=[own_badge.accreditation_id]) in html


@pytest.mark.parametrize("role", ROLES)
def test_badge_pdf_download_from_the_page(role, client_for, own_badge):
    response = client_for(role).get(reverse("my-badge-pdf", args=[own_badge.accreditation_id]))

    assert response.status_code == MY_BADGE_STATUS[role]
    if response.status_code == 200:
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")


def test_badge_page_of_a_pending_accreditation_says_there_is_no_badge(
    client_for, event, journalist
):
    pending = AccreditationFactory(
        event=event, journalist__user=journalist, status=AccreditationStatus.PENDING
    )

    response = client_for("journalist").get(reverse("my-badge", args=[pending.pk]))

    assert response.status_code == 200
    assert "<svg" not in response.content.decode()
    assert (
        client_for("journalist").get(reverse("my-badge-pdf", args=[pending.pk])).status_code == 404
    )
