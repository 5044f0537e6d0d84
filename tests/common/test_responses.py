"""File answers: personal files are kept by no cache, press material by no shared cache, and
every file name survives the trip (RFC 5987 for Vietnamese names)."""

import pytest
from django.test import Client
from django.urls import reverse

from common.responses import (
    PER_VISITOR,
    PERSONAL,
    content_disposition,
    file_response,
    pdf_response,
)
from press import services as press_services
from tests.factories import BadgeFactory, PressReleaseFactory
from tests.press.support import pdf_file


def test_an_ascii_name_is_quoted_and_a_vietnamese_one_is_encoded():
    assert content_disposition("badge-0001.pdf", download=True) == (
        'attachment; filename="badge-0001.pdf"'
    )
    assert content_disposition('say "hi".pdf', download=False) == (
        'inline; filename="say \\"hi\\".pdf"'
    )
    assert content_disposition("Thông cáo.pdf", download=True) == (
        "attachment; filename*=utf-8''Th%C3%B4ng%20c%C3%A1o.pdf"
    )


def test_generated_files_are_personal_unless_told_otherwise():
    csv = file_response(b"a,b", filename="x.csv", content_type="text/csv", download=True)
    kit = pdf_response(b"%PDF-", "kit.pdf", download=False, cache_control=PER_VISITOR)

    assert (csv["Cache-Control"], csv["Content-Type"]) == (PERSONAL, "text/csv")
    assert (kit["Cache-Control"], kit["Content-Disposition"]) == (
        "private, no-cache",
        'inline; filename="kit.pdf"',
    )
    assert PERSONAL == "private, no-store"


@pytest.fixture
def organizer_client(organizer):
    client = Client()
    client.force_login(organizer)
    return client


@pytest.mark.django_db
def test_badges_and_the_attendance_list_are_stored_by_no_cache(event, organizer_client):
    badge = BadgeFactory(accreditation__event=event)
    urls = {
        reverse("my-badge-pdf", args=[badge.accreditation.pk]): f"badge-{badge.serial}.pdf",
        reverse("manage-event-badges-pdf", args=[event.slug]): f"badges-{event.slug}-card.pdf",
        f"/api/v1/accreditations/{badge.accreditation.pk}/badge/": f"badge-{badge.serial}.pdf",
        reverse("manage-event-attendance-csv", args=[event.slug]): f"attendance-{event.slug}-",
    }

    for url, name in urls.items():
        response = organizer_client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "private, no-store", url
        assert f'filename="{name}' in response["Content-Disposition"], url


@pytest.mark.django_db
def test_the_press_kit_and_attachments_stay_out_of_shared_caches_and_keep_their_names(
    event, organizer, organizer_client
):
    release = PressReleaseFactory(event=event)
    press_services.press_attachments_add(release=release, uploads=[pdf_file("Thông cáo.pdf")])
    attachment = release.attachments.get()

    kit = organizer_client.get(f"/events/{event.slug}/press-kit.pdf?lang=vi")
    download = organizer_client.get(attachment.get_absolute_url())

    assert kit["Cache-Control"] == "private, no-cache"
    assert kit["Content-Disposition"] == f'inline; filename="press-kit-{event.slug}-vi.pdf"'
    assert download["Cache-Control"] == "private, no-cache"
    assert download["Content-Disposition"] == "inline; filename*=utf-8''Th%C3%B4ng%20c%C3%A1o.pdf"
    assert download["Content-Security-Policy"] == "sandbox"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
