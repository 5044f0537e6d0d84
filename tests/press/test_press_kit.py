"""The press kit PDF: exact Vietnamese text, embargo handling, long content, cache, endpoints."""

from datetime import timedelta

import pypdfium2 as pdfium
import pytest
import zxingcpp
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from common.dates import ICT
from events.models import EventStatus
from press import press_kit as kit_pdf
from press.selectors import press_kit_data, press_kit_pdf_for
from tests.conftest import ROLES
from tests.factories import (
    AgendaItemFactory,
    EventFactory,
    MediaContactFactory,
    PressReleaseFactory,
    SpeakerFactory,
)
from tests.press.support import Clock, jpeg_bytes, pdf_pages, pdf_text

TITLE = "Trung tâm Báo chí Thủ đô Hà Nội: Họp báo Lễ hội Áo dài"
SPEAKER = "Nguyễn Thị Mai Hương"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(timezone, "now", clock)
    return clock


@pytest.fixture
def kit_event(organization):
    event = EventFactory(
        organization=organization,
        title=TITLE,
        title_en="Hanoi Press Center: Ao Dai Festival press conference",
        summary="Giới thiệu chương trình Lễ hội Áo dài năm nay.",
        contact_name="Phạm Quốc Bảo",
        contact_phone="+84 24 3825 0000",
    )
    speaker = SpeakerFactory(organization=organization, name=SPEAKER, bio="Nhà thiết kế áo dài.")
    AgendaItemFactory(event=event, title="Khai mạc và phát biểu chào mừng", title_en="Opening")
    AgendaItemFactory(
        event=event,
        title="Trình diễn áo dài truyền thống",
        title_en="Traditional ao dai show",
        starts_at=event.starts_at + timedelta(minutes=30),
        ends_at=event.starts_at + timedelta(minutes=60),
    ).speakers.set([speaker])
    event.speakers.set([speaker])
    MediaContactFactory(event=event, name="Lê Thị Thu Hà")
    return event


def kit(user, event, language="vi", now=None) -> str:
    return pdf_text(press_kit_pdf_for(user, event, language=language, now=now))


def test_vietnamese_title_agenda_and_speaker_names_survive_text_extraction_exactly(kit_event):
    text = kit(None, kit_event)
    assert TITLE in text
    assert "Khai mạc và phát biểu chào mừng" in text
    assert "Trình diễn áo dài truyền thống" in text
    assert SPEAKER in text
    assert "Lê Thị Thu Hà" in text
    assert "Phạm Quốc Bảo" in text


def test_the_english_kit_uses_english_text_and_labels_where_given(kit_event):
    text = kit(None, kit_event, "en")
    assert "Hanoi Press Center: Ao Dai Festival press conference" in text
    assert "Traditional ao dai show" in text
    assert "Agenda" in text
    assert "Speakers" in text
    assert SPEAKER in text  # names are never translated
    vi = kit(None, kit_event, "vi")
    assert "Chương trình" in vi
    assert "Diễn giả" in vi
    assert "Agenda" not in vi


def test_date_and_time_are_printed_in_ict(kit_event):
    local = timezone.localtime(kit_event.starts_at, ICT)
    text = kit(None, kit_event, "en")
    assert f"{local:%H:%M}–" in text
    assert "ICT" in text


def test_embargoed_release_is_absent_for_the_public_before_the_lift(kit_event, journalist, clock):
    PressReleaseFactory(
        event=kit_event,
        title="Tin cấm đăng về lễ hội",
        body="Nội dung bí mật đến giờ công bố.",
        embargo_until=clock.now + timedelta(hours=2),
    )
    for user in (None, journalist):
        text = kit(user, kit_event)
        assert "Tin cấm đăng về lễ hội" not in text
        assert "Nội dung bí mật" not in text
        assert "CẤM CÔNG BỐ" not in text


def test_embargoed_release_is_present_with_its_embargo_line_for_an_approved_journalist(
    kit_event, journalist, approve, clock
):
    approve(journalist, kit_event)
    lift = clock.now + timedelta(hours=2)
    release = PressReleaseFactory(
        event=kit_event,
        title="Tin cấm đăng về lễ hội",
        body="Nội dung bí mật đến giờ công bố.",
        embargo_until=lift,
    )
    pages = pdf_pages(press_kit_pdf_for(journalist, kit_event, language="vi"))
    release_pages = [p for p in pages if "Nội dung bí mật đến giờ công bố." in p]
    assert release_pages
    assert all(release.embargo_label("vi") in p for p in release_pages)
    english = kit(journalist, kit_event, "en")
    assert release.embargo_label("en") in english


def test_after_the_lift_the_public_gets_the_release_without_embargo_line(kit_event, clock):
    release = PressReleaseFactory(
        event=kit_event,
        title="Tin cấm đăng về lễ hội",
        body="Nội dung bí mật đến giờ công bố.",
        embargo_until=clock.now + timedelta(hours=2),
    )
    assert "Nội dung bí mật" not in kit(None, kit_event)
    clock.advance(hours=2)
    text = kit(None, kit_event)
    assert "Tin cấm đăng về lễ hội" in text
    assert "Nội dung bí mật đến giờ công bố." in text
    assert release.embargo_label("vi") not in text


def test_release_for_accredited_journalists_never_reaches_the_public_kit(kit_event, clock):
    PressReleaseFactory(event=kit_event, title="Chỉ cho phóng viên", audience="accredited")
    assert "Chỉ cho phóng viên" not in kit(None, kit_event)


def test_markup_characters_in_titles_and_text_are_printed_not_interpreted(organization):
    title = 'Họp báo <b>"Đổi mới"</b> & <font size=40>Sáng tạo</font>'
    event = EventFactory(organization=organization, title=title, summary="a < b && c > d")
    AgendaItemFactory(event=event, title="Phiên <i>1</i> & <br/> hỏi đáp")
    PressReleaseFactory(event=event, title="Tin <script>x</script>", body="**đậm** & <u>không</u>")
    text = kit(None, event)
    assert title in text
    assert "a < b && c > d" in text
    assert "Phiên <i>1</i> & <br/> hỏi đáp" in text
    assert "Tin <script>x</script>" in text
    assert "đậm & <u>không</u>" in text  # **…** became bold, the rest is literal


def test_sixty_agenda_items_and_a_bio_longer_than_a_page_flow_across_pages(organization):
    start = timezone.now().replace(microsecond=0) + timedelta(days=10)
    event = EventFactory(
        organization=organization,
        title="Diễn đàn",
        starts_at=start,
        ends_at=start + timedelta(hours=10),
    )
    for i in range(60):
        AgendaItemFactory(
            event=event,
            title=f"Phiên số {i:02d}: Chuyển đổi số",
            description=("Thảo luận về đô thị thông minh. " * 400) if i == 7 else "Thảo luận.",
            starts_at=start + timedelta(minutes=10 * i),
            ends_at=start + timedelta(minutes=10 * i + 10),
        )
    long_bio = "\n\n".join(
        f"Đoạn tiểu sử {n}: " + "Ông có nhiều năm công tác. " * 60 for n in range(12)
    )
    speaker = SpeakerFactory(organization=organization, name="Đặng Thị Ngọc Thịnh", bio=long_bio)
    event.speakers.set([speaker])
    pdf = press_kit_pdf_for(None, event, language="vi")
    pages = pdf_pages(pdf)
    text = " ".join(pages)
    for i in range(60):
        assert f"Phiên số {i:02d}: Chuyển đổi số" in text
    assert "Đoạn tiểu sử 11:" in text
    assert len(pages) > 8
    # Past a few pages, a table of contents follows the cover and points at real pages.
    assert "Mục lục" in pages[1]
    assert any("Đoạn tiểu sử 11:" in p for p in pages[-3:])


def test_a_short_kit_has_no_table_of_contents_and_no_empty_headings(organization):
    event = EventFactory(organization=organization, summary="", description="")
    text = kit(None, event)
    for heading in ("Mục lục", "Chương trình", "Diễn giả", "Thông cáo báo chí", "Giới thiệu"):
        assert heading not in text
    assert "Liên hệ báo chí" not in text


def test_cover_image_and_speaker_photos_are_embedded_once_as_jpeg(kit_event):
    kit_event.cover_image.save("cover.jpg", ContentFile(jpeg_bytes((1600, 900))), save=True)
    speaker = kit_event.speakers.get()
    speaker.photo.save("mai.jpg", ContentFile(jpeg_bytes((600, 800), "maroon")), save=True)
    pdf = press_kit_pdf_for(None, kit_event, language="vi")
    assert pdf.count(b"/DCTDecode") == 2
    assert SPEAKER in pdf_text(pdf)


def test_a_broken_photo_leaves_it_out_instead_of_failing_the_kit(kit_event):
    speaker = kit_event.speakers.get()
    speaker.photo.save("broken.jpg", ContentFile(b"not a jpeg"), save=True)
    assert SPEAKER in kit(None, kit_event)


def test_an_unchanged_kit_is_served_from_cache_and_a_change_shows_at_once(
    kit_event, monkeypatch, clock
):
    calls = []
    real = kit_pdf.render_press_kit
    monkeypatch.setattr(kit_pdf, "render_press_kit", lambda data: calls.append(1) or real(data))
    first = press_kit_pdf_for(None, kit_event, language="vi")
    assert press_kit_pdf_for(None, kit_event, language="vi") == first
    assert len(calls) == 1
    press_kit_pdf_for(None, kit_event, language="en")
    assert len(calls) == 2

    item = kit_event.agenda_items.first()
    item.title = "Khai mạc (đã đổi giờ)"
    item.save()
    assert "Khai mạc (đã đổi giờ)" in pdf_text(press_kit_pdf_for(None, kit_event, language="vi"))
    assert len(calls) == 3


def test_the_cache_key_changes_when_an_embargo_lifts(kit_event, clock):
    PressReleaseFactory(event=kit_event, embargo_until=clock.now + timedelta(minutes=5))
    before = press_kit_data(None, kit_event, language="vi").fingerprint()
    clock.advance(minutes=5)
    assert press_kit_data(None, kit_event, language="vi").fingerprint() != before


def test_kit_data_is_read_with_a_constant_number_of_queries(
    kit_event, organizer, django_assert_num_queries
):
    PressReleaseFactory(event=kit_event)
    press_kit_data(organizer, kit_event, language="vi")  # reads the organizer's roles once
    with CaptureQueriesContext(connection) as baseline:
        press_kit_data(organizer, kit_event, language="vi")
    for i in range(10):
        AgendaItemFactory(event=kit_event, title=f"Thêm {i}")
        kit_event.speakers.add(SpeakerFactory(organization=kit_event.organization))
        PressReleaseFactory(event=kit_event)
        MediaContactFactory(event=kit_event)
    with django_assert_num_queries(len(baseline)):
        press_kit_data(organizer, kit_event, language="vi")


# --- endpoints -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_every_role_gets_the_kit_of_a_public_event_from_page_and_api(
    role, kit_event, api_client_for, client_for
):
    page = client_for(role).get(f"/events/{kit_event.slug}/press-kit.pdf?lang=vi")
    api = api_client_for(role).get(f"/api/v1/events/{kit_event.pk}/press-kit/?lang=en")
    assert page.status_code == 200
    assert api.status_code == 200
    assert page["Content-Type"] == api["Content-Type"] == "application/pdf"
    assert TITLE in pdf_text(page.content)
    assert "Hanoi Press Center" in pdf_text(api.content)


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
def test_the_kit_of_a_draft_event_is_only_for_its_organizers(
    role, expected, organization, api_client_for, client_for
):
    draft = EventFactory(organization=organization, status=EventStatus.DRAFT)
    assert client_for(role).get(f"/events/{draft.slug}/press-kit.pdf").status_code == expected
    assert api_client_for(role).get(f"/api/v1/events/{draft.pk}/press-kit/").status_code == expected


def test_an_unknown_language_is_refused_with_400(kit_event, api_client):
    api = api_client.get(f"/api/v1/events/{kit_event.pk}/press-kit/?lang=fr")
    assert api.status_code == 400
    assert "lang" in api.json()
    assert api_client.get(f"/events/{kit_event.slug}/press-kit.pdf?lang=fr").status_code == 400


def test_unknown_kit_parameters_are_refused(kit_event, api_client):
    api = api_client.get(f"/api/v1/events/{kit_event.pk}/press-kit/?lnag=en")
    assert api.status_code == 400


def test_the_api_answers_pdf_even_to_clients_asking_for_pdf_only(kit_event, api_client):
    api = api_client.get(
        f"/api/v1/events/{kit_event.pk}/press-kit/?lang=vi", HTTP_ACCEPT="application/pdf"
    )
    assert api.status_code == 200
    assert api.content.startswith(b"%PDF-")


def test_the_kit_a_journalist_gets_is_not_left_in_shared_caches(kit_event, api_client):
    response = api_client.get(f"/events/{kit_event.slug}/press-kit.pdf")
    assert "private" in response["Cache-Control"]


def test_drawing_the_kit_runs_no_queries_the_selector_reads_everything(
    kit_event, organizer, django_assert_num_queries
):
    PressReleaseFactory(event=kit_event, embargo_until=timezone.now() + timedelta(days=1))
    MediaContactFactory(event=kit_event)
    data = press_kit_data(organizer, kit_event, language="vi")

    with django_assert_num_queries(0):
        pdf = kit_pdf.render_press_kit(data)

    assert TITLE in pdf_text(pdf)


def test_the_cover_qr_scans_to_the_event_page(kit_event, settings):
    cover = pdfium.PdfDocument(press_kit_pdf_for(None, kit_event, language="vi"))[0]

    codes = [r.text for r in zxingcpp.read_barcodes(cover.render(scale=3).to_pil())]

    assert codes == [f"{settings.SITE_URL}{kit_event.get_absolute_url()}"]
