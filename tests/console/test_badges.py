"""The console's badges tab: the list, printing all or the ticked badges, reprint with reason."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from accreditation.models import AccreditationLog, AccreditationStatus, Badge, BadgeStatus
from tests.conftest import ROLES
from tests.factories import AccreditationFactory, BadgeFactory, EventFactory, MediaOutletFactory

pytestmark = pytest.mark.django_db

EXPECTED = {
    "anonymous": 302,
    "journalist": 403,
    "front_desk": 403,
    "organizer": 200,
    "other_organizer": 404,
    "superuser": 200,
}


def badge_for(event, name, outlet=None):
    return BadgeFactory(
        accreditation__event=event,
        accreditation__journalist__full_name=name,
        accreditation__journalist__outlet=outlet or MediaOutletFactory(),
    )


def pdf_text(data: bytes) -> tuple[int, list[str]]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.fixture
def three_badges(event):
    return [
        badge_for(event, "Nguyễn Thị Mai Hương", MediaOutletFactory(name="Tuổi Trẻ")),
        badge_for(event, "Đặng Văn Lâm", MediaOutletFactory(name="An ninh Thủ đô")),
        badge_for(event, "Bùi Tiến Dũng", MediaOutletFactory(name="Zing News")),
    ]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "path",
    [
        "/manage/events/{slug}/badges/",
        "/manage/events/{slug}/badges.pdf",
        "/manage/events/{slug}/badges/{pk}/reprint/",
    ],
)
def test_badge_pages_are_for_organizers_of_the_event(role, path, client_for, event):
    badge = badge_for(event, "Nguyễn Thị Mai Hương")
    response = client_for(role).get(path.format(slug=event.slug, pk=badge.accreditation_id))

    assert response.status_code == EXPECTED[role]
    if EXPECTED[role] == 200 and path.endswith(".pdf"):
        assert response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("role", ROLES)
def test_only_organizers_of_the_event_reprint_from_the_console(
    role, client_for, assert_unchanged, event
):
    badge = badge_for(event, "Nguyễn Thị Mai Hương")
    url = reverse("manage-badge-reprint", args=[event.slug, badge.accreditation_id])
    allowed = EXPECTED[role] == 200

    with assert_unchanged(Badge, AccreditationLog, unless=allowed):
        response = client_for(role).post(url, {"reason": "Mất thẻ ở sảnh"})

    assert response.status_code == (302 if allowed else EXPECTED[role])
    badge.refresh_from_db()
    assert badge.status == (BadgeStatus.SUPERSEDED if allowed else BadgeStatus.ACTIVE)


def test_badges_tab_lists_approved_journalists_with_serial_and_leaves_others_out(
    client_for, event, three_badges
):
    AccreditationFactory(event=event, journalist__full_name="Chờ Duyệt", status="pending")
    badge_for(EventFactory(organization=event.organization), "Sự Kiện Khác")

    response = client_for("organizer").get(reverse("manage-event-badges", args=[event.slug]))

    content = response.content.decode()
    for badge in three_badges:
        assert badge.accreditation.journalist.full_name in content
        assert badge.serial in content
    assert "Chờ Duyệt" not in content
    assert "Sự Kiện Khác" not in content
    # Sorted by name, accents ignored: Bùi, Đặng, Nguyễn.
    assert content.index("Bùi Tiến Dũng") < content.index("Đặng Văn Lâm")
    assert content.index("Đặng Văn Lâm") < content.index("Nguyễn Thị Mai Hương")


def test_badges_tab_makes_the_same_number_of_queries_for_2_and_12_badges(
    client_for, event, django_assert_num_queries
):
    client = client_for("organizer")
    url = reverse("manage-event-badges", args=[event.slug])
    for i in range(2):
        badge_for(event, f"Nguyễn Văn {i}")
    client.get(url)  # warm the session and caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(10):
        badge_for(event, f"Trần Thị {i}")
    with django_assert_num_queries(len(few)):
        response = client.get(url)
    assert response.content.decode().count('name="ids"') == 12


def test_print_all_as_cards_gives_one_page_per_badge_with_the_names(
    client_for, event, three_badges
):
    response = client_for("organizer").get(
        reverse("manage-event-badges-pdf", args=[event.slug]),
        {"layout": "card", "sort": "name", "scope": "all"},
    )

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    pages, texts = pdf_text(response.content)
    assert pages == 3
    assert "Bùi Tiến Dũng" in texts[0]
    assert "Đặng Văn Lâm" in texts[1]
    assert "Nguyễn Thị Mai Hương" in texts[2]


def test_print_sorted_by_outlet_orders_the_pages_by_outlet(client_for, event, three_badges):
    response = client_for("organizer").get(
        reverse("manage-event-badges-pdf", args=[event.slug]),
        {"layout": "card", "sort": "outlet", "scope": "all"},
    )

    _pages, texts = pdf_text(response.content)
    # An ninh Thủ đô, Tuổi Trẻ, Zing News
    assert "Đặng Văn Lâm" in texts[0]
    assert "Nguyễn Thị Mai Hương" in texts[1]
    assert "Bùi Tiến Dũng" in texts[2]


def test_print_selected_prints_only_the_ticked_badges(client_for, event, three_badges):
    ticked = [three_badges[0].accreditation_id, three_badges[2].accreditation_id]

    response = client_for("organizer").get(
        reverse("manage-event-badges-pdf", args=[event.slug]),
        {"layout": "card", "sort": "name", "scope": "selected", "ids": ticked},
    )

    pages, texts = pdf_text(response.content)
    assert pages == 2
    joined = " ".join(texts)
    assert "Nguyễn Thị Mai Hương" in joined
    assert "Bùi Tiến Dũng" in joined
    assert "Đặng Văn Lâm" not in joined


def test_print_on_a4_puts_ten_badges_on_a_sheet(client_for, event):
    for i in range(12):
        badge_for(event, f"Phạm Minh {i:02d}")

    response = client_for("organizer").get(
        reverse("manage-event-badges-pdf", args=[event.slug]),
        {"layout": "a4", "sort": "name", "scope": "all"},
    )

    pages, texts = pdf_text(response.content)
    assert pages == 2
    assert texts[0].count("Phạm Minh") == 10
    assert texts[1].count("Phạm Minh") == 2


def test_print_selected_without_ticks_shows_the_error_on_the_tab(client_for, event, three_badges):
    response = client_for("organizer").get(
        reverse("manage-event-badges-pdf", args=[event.slug]),
        {"layout": "card", "sort": "name", "scope": "selected", "lang": "en"},
    )

    assert response.status_code == 400
    assert "Tick the badges to print first." in response.content.decode()


def test_print_refuses_a_badge_of_another_event(client_for, event, three_badges):
    elsewhere = badge_for(EventFactory(organization=event.organization), "Sự Kiện Khác")

    response = client_for("organizer").get(
        reverse("manage-event-badges-pdf", args=[event.slug]),
        {"scope": "selected", "layout": "card", "sort": "name", "ids": [elsewhere.pk]},
    )

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


def test_reprint_without_a_reason_keeps_the_badge_and_says_why(
    client_for, assert_unchanged, event, three_badges
):
    badge = three_badges[0]
    url = reverse("manage-badge-reprint", args=[event.slug, badge.accreditation_id])

    with assert_unchanged(Badge, AccreditationLog):
        response = client_for("organizer").post(url + "?lang=en", {"reason": "  "})

    assert response.status_code == 400
    content = response.content.decode()
    assert "field-reason has-error" in content
    assert "This field is required." in content
    assert Badge.objects.filter(accreditation=badge.accreditation).count() == 1


def test_reprint_supersedes_the_old_badge_and_shows_in_the_audit_log(
    client_for, event, three_badges, organizer
):
    badge = three_badges[0]
    client = client_for("organizer")
    url = reverse("manage-badge-reprint", args=[event.slug, badge.accreditation_id])
    confirm = client.get(url)
    assert badge.serial in confirm.content.decode()  # the confirmation names the old badge

    response = client.post(url, {"reason": "Mất thẻ ở sảnh"})

    assert response.status_code == 302
    badge.refresh_from_db()
    assert badge.status == BadgeStatus.SUPERSEDED
    assert badge.superseded_by == organizer
    new = Badge.objects.get(accreditation=badge.accreditation, status=BadgeStatus.ACTIVE)
    assert new.version == 2
    log = AccreditationLog.objects.get(accreditation=badge.accreditation)
    assert log.actor == organizer
    assert "Mất thẻ ở sảnh" in log.reason
    assert new.serial in log.reason
    review = client.get(reverse("accreditation-review", args=[event.slug])).content.decode()
    assert "Mất thẻ ở sảnh" in review
    tab = client.get(response["Location"]).content.decode()
    assert new.serial in tab


def test_reprint_of_a_request_that_is_not_approved_is_not_found(client_for, event):
    pending = AccreditationFactory(event=event, status=AccreditationStatus.PENDING)

    response = client_for("organizer").post(
        reverse("manage-badge-reprint", args=[event.slug, pending.pk]), {"reason": "lost"}
    )

    assert response.status_code == 404
    assert not Badge.objects.filter(accreditation=pending).exists()
