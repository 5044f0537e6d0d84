"""The attendance tab: live figures (page and JSON), the CSV export, the desk list."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accreditation.models import AccreditationStatus, JournalistRole
from checkin.models import CheckIn
from checkin.services import checkin_manual, checkin_scan
from common.dates import ICT
from tests.conftest import ROLES
from tests.factories import AccreditationFactory, BadgeFactory, EventFactory, MediaOutletFactory

pytestmark = pytest.mark.django_db

FIGURES = {
    "anonymous": 302,
    "journalist": 403,
    "front_desk": 200,
    "organizer": 200,
    "other_organizer": 404,
    "superuser": 200,
}
EXPORT = {**FIGURES, "front_desk": 403}


def badge_for(event, name, *, outlet="Tuổi Trẻ", category=JournalistRole.WRITER):
    return BadgeFactory(
        accreditation__event=event,
        accreditation__category=category,
        accreditation__journalist__full_name=name,
        accreditation__journalist__outlet=MediaOutletFactory(name=outlet),
    )


@pytest.fixture
def arrivals(event, organizer):
    """Three approved (two arrived at two desks), one refused scan, one repeat."""
    mai = badge_for(event, "Nguyễn Thị Mai Hương")
    lam = badge_for(event, "Đặng Văn Lâm", outlet="VTV", category=JournalistRole.VIDEO)
    badge_for(event, "Bùi Tiến Dũng", outlet="VOV", category=JournalistRole.RADIO)
    checkin_scan(code=mai.code, event=event, desk="Cổng 1", by=organizer)
    checkin_scan(code=mai.code, event=event, desk="Cổng 2", by=organizer)
    checkin_manual(accreditation=lam.accreditation, event=event, desk="Cổng 2", by=organizer)
    checkin_scan(code="PC1" + "A" * 26, event=event, desk="Cổng 1", by=organizer)
    return {"mai": mai, "lam": lam}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/manage/events/{slug}/attendance/", FIGURES),
        ("/manage/events/{slug}/attendance.json", FIGURES),
        ("/manage/events/{slug}/attendance.csv", EXPORT),
        ("/manage/desk/", {**FIGURES, "other_organizer": 200}),
    ],
)
def test_attendance_pages_by_role(role, path, expected, client_for, event):
    response = client_for(role).get(path.format(slug=event.slug))

    assert response.status_code == expected[role]


def test_front_desk_still_gets_403_on_the_rest_of_the_console(client_for, event):
    client = client_for("front_desk")
    for url in ("/manage/", "/manage/events/", f"/manage/events/{event.slug}/", "/manage/team/"):
        assert client.get(url).status_code == 403, url


def test_front_desk_sees_only_the_desk_tabs(client_for, event):
    content = (
        client_for("front_desk")
        .get(reverse("manage-event-attendance", args=[event.slug]) + "?lang=en")
        .content.decode()
    )

    assert reverse("desk", args=[event.slug]) in content
    assert reverse("accreditation-review", args=[event.slug]) not in content
    assert reverse("manage-event-badges", args=[event.slug]) not in content
    assert reverse("manage-event-attendance-csv", args=[event.slug]) not in content
    assert reverse("manage-dashboard") + '"' not in content


def test_attendance_json_counts_arrivals_refusals_desks_and_categories(client_for, event, arrivals):
    figures = (
        client_for("front_desk")
        .get(reverse("manage-event-attendance-json", args=[event.slug]))
        .json()
    )

    assert figures["approved"] == 3
    assert figures["checked_in"] == 2
    assert figures["not_arrived"] == 1
    assert figures["refused_total"] == 1
    assert [(r["result"], r["count"]) for r in figures["refused"]] == [("invalid", 1)]
    desks = {d["desk"]: (d["accepted"], d["repeats"], d["refused"]) for d in figures["desks"]}
    assert desks == {"Cổng 1": (1, 0, 1), "Cổng 2": (1, 1, 0)}
    categories = {c["category"]: (c["arrived"], c["approved"]) for c in figures["categories"]}
    assert categories == {"writer": (1, 1), "video": (1, 1), "radio": (0, 1)}
    assert sum(slot["count"] for slot in figures["slots"]) == 2


def test_arrivals_are_counted_per_quarter_hour_in_ict_with_empty_quarters(event, organizer):
    from checkin.attendance import attendance_figures

    badges = [badge_for(event, f"Lê Văn {i}") for i in range(3)]
    for badge in badges:
        checkin_scan(code=badge.code, event=event, desk="Cổng 1", by=organizer)
    base = event.starts_at.astimezone(ICT).replace(hour=8, minute=5)
    times = [base, base + timedelta(minutes=7), base + timedelta(minutes=40)]  # 8:05 8:12 8:45
    for badge, moment in zip(badges, times, strict=True):
        CheckIn.objects.filter(badge=badge).update(created_at=moment)

    slots = attendance_figures(event)["slots"]

    assert [(s["label"], s["count"]) for s in slots] == [
        ("08:00", 2),
        ("08:15", 0),
        ("08:30", 0),
        ("08:45", 1),
    ]


def test_attendance_json_makes_the_same_number_of_queries_for_few_and_many(
    client_for, event, organizer, django_assert_num_queries
):
    client = client_for("organizer")
    url = reverse("manage-event-attendance-json", args=[event.slug])
    badge_for(event, "Nguyễn Văn A")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(15):
        badge = badge_for(event, f"Trần Thị {i}", category=JournalistRole.PHOTOGRAPHER)
        checkin_scan(code=badge.code, event=event, desk=f"Cổng {i % 3}", by=organizer)

    with django_assert_num_queries(len(few)):
        figures = client.get(url).json()
    assert figures["checked_in"] == 15


def test_attendance_page_shows_the_figures_and_the_polling_hooks(client_for, event, arrivals):
    content = (
        client_for("organizer")
        .get(reverse("manage-event-attendance", args=[event.slug]))
        .content.decode()
    )

    assert 'data-url="/manage/events/' in content
    assert 'data-figure="checked_in">2<' in content
    assert 'data-figure="not_arrived">1<' in content
    assert "Cổng 2" in content
    assert "/static/js/attendance.js" in content
    assert "<script>" not in content  # CSP: no inline scripts


def test_csv_export_lists_accredited_and_checked_in_journalists_for_excel(
    client_for, event, arrivals, organizer
):
    revoked = badge_for(event, "Hoàng Thị Thu", outlet="Lao Động")
    checkin_scan(code=revoked.code, event=event, desk="Cổng 1", by=organizer)
    revoked.accreditation.status = AccreditationStatus.REVOKED
    revoked.accreditation.save()
    AccreditationFactory(event=event, journalist__full_name="Chưa Duyệt")
    badge_for(EventFactory(organization=event.organization), "Sự Kiện Khác")

    response = client_for("organizer").get(
        reverse("manage-event-attendance-csv", args=[event.slug]) + "?lang=en"
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Name",
        "Outlet",
        "Category",
        "Status",
        "Badge serial",
        "Checked in at (ICT)",
        "Desk",
    ]
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {
        "Bùi Tiến Dũng",
        "Đặng Văn Lâm",
        "Hoàng Thị Thu",
        "Nguyễn Thị Mai Hương",
    }
    assert [row[0] for row in rows[1:]][:2] == ["Bùi Tiến Dũng", "Đặng Văn Lâm"]
    mai = by_name["Nguyễn Thị Mai Hương"]
    assert mai[1:5] == ["Tuổi Trẻ", "writer / reporter", "approved", arrivals["mai"].serial]
    admission = CheckIn.objects.get(badge=arrivals["mai"], result="accepted")
    assert mai[5] == admission.created_at.astimezone(ICT).strftime("%Y-%m-%d %H:%M:%S")
    assert mai[6] == "Cổng 1"
    assert by_name["Bùi Tiến Dũng"][5:] == ["", ""]
    assert by_name["Hoàng Thị Thu"][3] == "revoked"


def test_csv_export_makes_the_same_number_of_queries_for_few_and_many(
    client_for, event, organizer, django_assert_num_queries
):
    client = client_for("organizer")
    url = reverse("manage-event-attendance-csv", args=[event.slug])
    badge_for(event, "Nguyễn Văn A")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(10):
        badge = badge_for(event, f"Trần Thị {i}")
        checkin_scan(code=badge.code, event=event, desk="Cổng 1", by=organizer)

    with django_assert_num_queries(len(few)):
        response = client.get(url)
    assert response.content.decode("utf-8-sig").count("\n") == 12


def test_desk_list_shows_the_staffs_events_with_links(client_for, event, other_organization):
    EventFactory(organization=other_organization, title="Sự kiện của nơi khác")

    content = client_for("front_desk").get(reverse("manage-desk-home")).content.decode()

    assert reverse("desk", args=[event.slug]) in content
    assert reverse("manage-event-attendance", args=[event.slug]) in content
    assert "Sự kiện của nơi khác" not in content
