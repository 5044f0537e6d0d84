"""/api/v1/press-releases/ and attachments: same visibility as the pages, every role."""

from datetime import timedelta

import pytest
from django.utils import timezone

from press.models import PressRelease, PressReleaseAttachment
from tests.factories import EventFactory, PressReleaseFactory
from tests.press.support import Clock, docx_file, fake_file, pdf_file, png_file


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(timezone, "now", clock)
    return clock


@pytest.fixture
def releases(event, clock):
    return {
        "public": PressReleaseFactory(event=event, title="Công khai", language="vi"),
        "english": PressReleaseFactory(event=event, title="Public English", language="en"),
        "embargoed": PressReleaseFactory(
            event=event, title="Cấm đăng", embargo_until=clock.now + timedelta(hours=1)
        ),
        "accredited": PressReleaseFactory(event=event, title="Phóng viên", audience="accredited"),
    }


def titles(response):
    return sorted(r["title"] for r in response.json()["results"])


EVERYTHING = sorted(["Cấm đăng", "Công khai", "Phóng viên", "Public English"])


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", ["Công khai", "Public English"]),
        ("journalist", ["Công khai", "Public English"]),
        ("front_desk", ["Công khai", "Public English"]),
        ("other_organizer", ["Công khai", "Public English"]),
        ("organizer", EVERYTHING),
        ("superuser", EVERYTHING),
    ],
)
def test_list_shows_each_role_what_it_may_read(role, expected, releases, api_client_for):
    response = api_client_for(role).get("/api/v1/press-releases/")
    assert response.status_code == 200
    assert titles(response) == expected


def test_an_approved_journalist_reads_the_embargoed_release_marked_as_such(
    releases, event, journalist, approve, api_client_for
):
    approve(journalist, event)
    response = api_client_for("journalist").get("/api/v1/press-releases/")
    assert titles(response) == EVERYTHING
    embargoed = next(r for r in response.json()["results"] if r["title"] == "Cấm đăng")
    assert embargoed["embargoed"] is True
    assert embargoed["embargo_label"].startswith("CẤM CÔNG BỐ TRƯỚC")


def test_the_embargo_lifts_on_its_own_at_its_time(releases, api_client, clock):
    assert "Cấm đăng" not in titles(api_client.get("/api/v1/press-releases/"))
    clock.advance(hours=1)
    response = api_client.get("/api/v1/press-releases/")
    assert "Cấm đăng" in titles(response)
    lifted = next(r for r in response.json()["results"] if r["title"] == "Cấm đăng")
    assert lifted["embargoed"] is False
    assert lifted["embargo_label"] == ""


@pytest.mark.parametrize("role", ["anonymous", "journalist", "other_organizer"])
def test_an_embargoed_release_is_not_found_by_those_who_may_not_read_it(
    role, releases, api_client_for
):
    pk = releases["embargoed"].pk
    assert api_client_for(role).get(f"/api/v1/press-releases/{pk}/").status_code == 404


def test_list_filters_by_event_and_language(releases, event, api_client):
    PressReleaseFactory(event=EventFactory(), title="Sự kiện khác")
    assert titles(api_client.get(f"/api/v1/press-releases/?event={event.pk}&language=en")) == [
        "Public English"
    ]
    assert titles(api_client.get(f"/api/v1/press-releases/?event={event.pk}")) == [
        "Công khai",
        "Public English",
    ]


@pytest.mark.parametrize("query", ["langauge=vi", "event=abc", "language=fr", "audience=all"])
def test_bad_filters_are_refused_with_400(query, api_client, db):
    assert api_client.get(f"/api/v1/press-releases/?{query}").status_code == 400


def test_list_runs_a_constant_number_of_queries(
    event, organizer, api_client_for, django_assert_num_queries
):
    client = api_client_for("organizer")
    PressReleaseFactory(event=event).attachments.create(
        file="private/x.pdf",
        original_name="x.pdf",
        kind="pdf",
        content_type="application/pdf",
        size=1,
    )
    client.get("/api/v1/press-releases/")
    for _ in range(5):
        release = PressReleaseFactory(event=EventFactory(organization=event.organization))
        release.attachments.create(
            file="private/y.pdf",
            original_name="y.pdf",
            kind="pdf",
            content_type="application/pdf",
            size=1,
        )
    # The count, the releases, their attachments (the organizer's roles were read once already).
    with django_assert_num_queries(3):
        response = client.get("/api/v1/press-releases/")
    assert response.json()["count"] == 6


# --- writing -------------------------------------------------------------------------------


def new_release(event, **extra):
    return {
        "event": getattr(event, "pk", event),
        "title": "Thông cáo về Lễ hội Áo dài",
        "body": "Đoạn một.\n\n**Đoạn hai.**",
        "language": "vi",
        "audience": "public",
        **extra,
    }


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("journalist", 403),
        ("front_desk", 403),
        ("other_organizer", 403),
        ("organizer", 201),
        ("superuser", 201),
    ],
)
def test_only_the_events_organizers_write_releases(
    role, expected, event, api_client_for, assert_unchanged
):
    with assert_unchanged(PressRelease, unless=expected == 201):
        response = api_client_for(role).post(
            "/api/v1/press-releases/", new_release(event), format="json"
        )
    assert response.status_code == expected
    assert PressRelease.objects.count() == (1 if expected == 201 else 0)
    if expected == 201:
        body = response.json()
        assert body["title"] == "Thông cáo về Lễ hội Áo dài"
        assert body["body_html"] == "<p>Đoạn một.</p><p><strong>Đoạn hai.</strong></p>"


def test_a_release_with_an_embargo_is_created_embargoed(event, api_client_for, clock):
    lift = (clock.now + timedelta(days=1)).isoformat()
    response = api_client_for("organizer").post(
        "/api/v1/press-releases/", new_release(event, embargo_until=lift), format="json"
    )
    assert response.status_code == 201
    assert response.json()["embargoed"] is True
    assert PressRelease.objects.get().embargo_until == clock.now + timedelta(days=1)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": ""}, "title"),
        ({"body": ""}, "body"),
        ({"language": "fr"}, "language"),
        ({"audience": "everyone"}, "audience"),
        ({"embargo_until": "tomorrow"}, "embargo_until"),
        ({"event": "999999"}, "event"),
    ],
)
def test_bad_input_is_answered_400_with_field_errors_and_nothing_saved(
    change, field, event, api_client_for
):
    response = api_client_for("organizer").post(
        "/api/v1/press-releases/", {**new_release(event), **change}, format="json"
    )
    assert response.status_code == 400
    assert field in response.json()
    assert PressRelease.objects.count() == 0


def test_an_embargo_in_the_past_is_refused(event, api_client_for, clock):
    past = (clock.now - timedelta(minutes=1)).isoformat()
    response = api_client_for("organizer").post(
        "/api/v1/press-releases/", new_release(event, embargo_until=past), format="json"
    )
    assert response.status_code == 400
    assert "embargo_until" in response.json()


def test_release_with_attachments_in_one_multipart_request(event, api_client_for):
    response = api_client_for("organizer").post(
        "/api/v1/press-releases/",
        {**new_release(event), "attachments": [pdf_file(), png_file(), docx_file()]},
        format="multipart",
    )
    assert response.status_code == 201, response.json()
    kinds = sorted(a["kind"] for a in response.json()["attachments"])
    assert kinds == ["document", "image", "pdf"]
    assert all(
        a.file.name.startswith("private/press/") for a in PressReleaseAttachment.objects.all()
    )


@pytest.mark.parametrize(
    "upload",
    [
        lambda: fake_file(),
        lambda: fake_file("photo.jpg", b"\xff\xd8\xff\xe0 truncated jpeg"),
        lambda: fake_file("empty.pdf", b""),
        lambda: docx_file("macro.docx", macros=True),
        lambda: fake_file("page.html", b"<html><script>alert(1)</script></html>"),
    ],
)
def test_files_are_judged_by_their_content_and_a_bad_one_saves_nothing(
    upload, event, api_client_for
):
    response = api_client_for("organizer").post(
        "/api/v1/press-releases/",
        {**new_release(event), "attachments": [pdf_file(), upload()]},
        format="multipart",
    )
    assert response.status_code == 400
    assert "attachments" in response.json()
    assert PressRelease.objects.count() == 0
    assert PressReleaseAttachment.objects.count() == 0


def test_files_over_the_size_limit_are_refused(event, api_client_for, settings):
    settings.PRESS_ATTACHMENT_MAX_BYTES = 100
    response = api_client_for("organizer").post(
        "/api/v1/press-releases/",
        {**new_release(event), "attachments": [pdf_file()]},
        format="multipart",
    )
    assert response.status_code == 400
    assert "MB" in response.json()["attachments"][0]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("journalist", 403),
        ("front_desk", 403),
        ("other_organizer", 403),
        ("organizer", 200),
        ("superuser", 200),
    ],
)
def test_only_organizers_change_a_release(
    role, expected, releases, api_client_for, assert_unchanged
):
    release = releases["public"]
    with assert_unchanged(release, unless=expected == 200):
        response = api_client_for(role).patch(
            f"/api/v1/press-releases/{release.pk}/", {"title": "Đã sửa"}, format="json"
        )
    assert response.status_code == expected
    release.refresh_from_db()
    assert (release.title == "Đã sửa") == (expected == 200)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 401),
        ("journalist", 403),
        ("other_organizer", 403),
        ("organizer", 204),
    ],
)
def test_only_organizers_delete_a_release(
    role, expected, releases, api_client_for, assert_unchanged
):
    release = releases["public"]
    with assert_unchanged(release, PressReleaseAttachment, unless=expected == 204):
        response = api_client_for(role).delete(f"/api/v1/press-releases/{release.pk}/")
    assert response.status_code == expected
    assert PressRelease.objects.filter(pk=release.pk).exists() == (expected != 204)


# --- attachments ---------------------------------------------------------------------------


@pytest.fixture
def embargoed_with_file(event, clock, api_client_for):
    release = PressReleaseFactory(event=event, embargo_until=clock.now + timedelta(hours=1))
    response = api_client_for("organizer").post(
        f"/api/v1/press-releases/{release.pk}/attachments/",
        {"files": [pdf_file("lịch trình.pdf")]},
        format="multipart",
    )
    assert response.status_code == 201
    return PressReleaseAttachment.objects.get()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 404),
        ("journalist", 404),
        ("front_desk", 404),
        ("other_organizer", 404),
        ("organizer", 200),
        ("superuser", 200),
    ],
)
def test_an_embargoed_attachment_is_served_only_to_those_who_may_read_the_release(
    role, expected, embargoed_with_file, api_client_for
):
    response = api_client_for(role).get(f"/api/v1/press-attachments/{embargoed_with_file.pk}/")
    assert response.status_code == expected
    if expected == 200:
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_the_attachment_keeps_its_name_but_is_stored_under_a_random_private_one(
    embargoed_with_file,
):
    assert embargoed_with_file.original_name == "lịch trình.pdf"
    assert embargoed_with_file.file.name.startswith("private/press/")
    assert "lịch" not in embargoed_with_file.file.name


def test_the_attachment_reaches_an_approved_journalist_and_after_the_lift_everyone(
    embargoed_with_file, event, journalist, approve, api_client_for, api_client, clock
):
    url = f"/api/v1/press-attachments/{embargoed_with_file.pk}/"
    approve(journalist, event)
    assert api_client_for("journalist").get(url).status_code == 200
    clock.advance(hours=1)
    assert api_client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 401), ("journalist", 403), ("other_organizer", 403), ("organizer", 201)],
)
def test_only_organizers_add_attachments(
    role, expected, releases, api_client_for, assert_unchanged
):
    release = releases["public"]
    with assert_unchanged(release, PressReleaseAttachment, unless=expected == 201):
        response = api_client_for(role).post(
            f"/api/v1/press-releases/{release.pk}/attachments/",
            {"files": [png_file()]},
            format="multipart",
        )
    assert response.status_code == expected
    assert release.attachments.count() == (1 if expected == 201 else 0)


def test_organizer_deletes_an_attachment_and_its_file(embargoed_with_file, api_client_for):
    storage, name = embargoed_with_file.file.storage, embargoed_with_file.file.name
    assert storage.exists(name)
    assert (
        api_client_for("journalist")
        .delete(f"/api/v1/press-attachments/{embargoed_with_file.pk}/")
        .status_code
        == 404
    )
    response = api_client_for("organizer").delete(
        f"/api/v1/press-attachments/{embargoed_with_file.pk}/"
    )
    assert response.status_code == 204
    assert not PressReleaseAttachment.objects.exists()


def test_too_many_attachments_are_refused(releases, api_client_for, settings):
    settings.PRESS_ATTACHMENTS_PER_RELEASE = 2
    response = api_client_for("organizer").post(
        f"/api/v1/press-releases/{releases['public'].pk}/attachments/",
        {"files": [png_file(), png_file(), png_file()]},
        format="multipart",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "too_many_attachments"
    assert not PressReleaseAttachment.objects.exists()
