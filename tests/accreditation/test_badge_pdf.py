"""Badge PDFs, read back the way a printer and a scanner would: rendered, decoded, extracted."""

import io
import re

import pypdfium2 as pdfium
import pytest
import zxingcpp
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from accreditation import pdf
from accreditation.models import AccreditationStatus, JournalistRole
from accreditation.selectors import badge_print_data, event_badges_print_data
from tests.factories import AccreditationFactory, BadgeFactory, MediaOutletFactory

pytestmark = pytest.mark.django_db

MM = 72 / 25.4


def _badge_pdf(badge, *, layout: str = "card") -> bytes:
    return pdf.badge_pdf(badge_print_data(badge.accreditation), layout=layout)


def _event_pdf(event, *, sort: str = "name", layout: str = "card") -> bytes:
    badges = event_badges_print_data(event, sort=sort)
    return pdf.event_badges_pdf(badges, event_title=event.title, layout=layout)


def _pages(data: bytes) -> list:
    document = pdfium.PdfDocument(data)
    return [document[i] for i in range(len(document))]


def _qr_codes(page, dpi: int = 300) -> list[str]:
    image = page.render(scale=dpi / 72).to_pil()
    return sorted(result.text for result in zxingcpp.read_barcodes(image))


def _text(page) -> str:
    return page.get_textpage().get_text_range()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _jpeg(width=600, height=800, color=(200, 150, 120)) -> bytes:
    image = Image.new("RGB", (width, height), (210, 220, 230))
    ImageDraw.Draw(image).ellipse((width * 0.3, height * 0.2, width * 0.7, height * 0.6), color)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def _with_photo(badge):
    badge.accreditation.journalist.photo.save("face.jpg", ContentFile(_jpeg()))
    return badge


def test_the_qr_of_a_card_badge_decodes_to_the_exact_code():
    badge = _with_photo(BadgeFactory())

    (page,) = _pages(_badge_pdf(badge))

    assert _qr_codes(page) == [badge.code]


def test_a_card_badge_is_cr80_sized_and_an_a6_badge_is_a6():
    badge = BadgeFactory()

    (card,) = _pages(_badge_pdf(badge))
    (a6,) = _pages(_badge_pdf(badge, layout="a6"))

    assert card.get_size() == pytest.approx((85.6 * MM, 54 * MM), abs=0.01)
    assert a6.get_size() == pytest.approx((105 * MM, 148 * MM), abs=0.01)
    assert _qr_codes(a6, dpi=150) == [badge.code]


def test_vietnamese_text_extracted_from_the_badge_equals_the_input():
    badge = BadgeFactory(
        accreditation__journalist__full_name="Nguyễn Thị Mai Hương",
        accreditation__journalist__outlet=MediaOutletFactory(name="Đài Tiếng nói Việt Nam"),
        accreditation__event__title="Trung tâm Báo chí Thủ đô Hà Nội: họp báo Tết Bính Ngọ",
        accreditation__category=JournalistRole.PHOTOGRAPHER,
    )

    text = _one_line(_text(_pages(_badge_pdf(badge))[0]))

    assert "Nguyễn Thị Mai Hương" in text
    assert "Đài Tiếng nói Việt Nam" in text
    assert "Trung tâm Báo chí Thủ đô Hà Nội: họp báo Tết Bính Ngọ" in text
    assert "PHOTO" in text
    assert badge.serial in text


def test_decomposed_vietnamese_input_prints_as_the_composed_letters():
    decomposed = "Nguye\u0302\u0303n Thi\u0323 Mai"  # what some phones send for "Nguyễn Thị Mai"
    badge = BadgeFactory(accreditation__journalist__full_name=decomposed)

    text = _one_line(_text(_pages(_badge_pdf(badge))[0]))

    assert "Nguyễn Thị Mai" in text


def test_markup_characters_in_names_render_literally():
    badge = BadgeFactory(
        accreditation__journalist__full_name="<b>Tom</b> & Jerry",
        accreditation__journalist__outlet=MediaOutletFactory(name="A&B <Media> &amp;"),
    )

    text = _one_line(_text(_pages(_badge_pdf(badge))[0]))

    assert "<b>Tom</b> & Jerry" in text
    assert "A&B <Media> &amp;" in text


@pytest.mark.parametrize("layout", ["card", "a6"])
def test_very_long_names_and_outlets_stay_inside_their_box(layout):
    long_name = ("Tôn Nữ Hoàng Thị Phương Thảo " * 6).strip()  # 173 of 200 characters
    long_outlet = ("Đài Phát thanh và Truyền hình Thành phố Hồ Chí Minh " * 3).strip()
    badge = BadgeFactory(
        accreditation__journalist__full_name=long_name,
        accreditation__journalist__outlet=MediaOutletFactory(name=long_outlet),
    )
    geometry = pdf.CARD if layout == "card" else pdf.A6

    (page,) = _pages(_badge_pdf(badge, layout=layout))

    text_page = page.get_textpage()
    # Every character of the name and outlet block lies inside the text column.
    name_left, name_right = geometry.name.x, geometry.name.x + geometry.name.w
    inside = 0
    for index in range(text_page.count_chars()):
        left, bottom, right, top = text_page.get_charbox(index)
        if right <= left:  # spaces and line breaks have no box
            continue
        assert 0 <= left
        assert right <= geometry.width + 0.01
        assert 0 <= bottom
        assert top <= geometry.height + 0.01
        if geometry.name.y <= bottom and top <= geometry.name.top + 1:
            assert name_left - 0.5 <= left
            assert right <= name_right + 0.5
            inside += 1
    assert inside > 20
    assert "…" in _text(page)
    assert _qr_codes(page) == [badge.code]


def test_a_name_without_spaces_longer_than_the_card_is_broken_not_overflowing():
    badge = BadgeFactory(accreditation__journalist__full_name="X" * 120)

    (page,) = _pages(_badge_pdf(badge))

    text_page = page.get_textpage()
    rights = [text_page.get_charbox(i)[2] for i in range(text_page.count_chars())]
    assert max(rights) <= pdf.CARD.width


def _event_with_badges(event, names_and_outlets):
    badges = []
    for name, outlet in names_and_outlets:
        badges.append(
            BadgeFactory(
                accreditation__event=event,
                accreditation__journalist__full_name=name,
                accreditation__journalist__outlet=MediaOutletFactory(name=outlet),
            )
        )
    return badges


def test_event_badges_one_per_page_sorted_by_name_ignoring_accents(event):
    _event_with_badges(
        event,
        [("Trần Văn Bình", "Zing"), ("Đặng Thu Thảo", "Báo Mới"), ("An Nguyễn", "VTV")],
    )
    AccreditationFactory(event=event, status=AccreditationStatus.PENDING)
    BadgeFactory(accreditation__status=AccreditationStatus.APPROVED)  # another event

    pages = _pages(_event_pdf(event, sort="name"))

    names = [
        re.search(r"(An Nguyễn|Đặng Thu Thảo|Trần Văn Bình)", _one_line(_text(p)))[1] for p in pages
    ]
    assert names == ["An Nguyễn", "Đặng Thu Thảo", "Trần Văn Bình"]


def test_event_badges_sorted_by_outlet(event):
    _event_with_badges(
        event,
        [("Trần Văn Bình", "Zing"), ("Đặng Thu Thảo", "Báo Mới"), ("An Nguyễn", "VTV")],
    )

    pages = _pages(_event_pdf(event, sort="outlet"))

    outlets = [re.search(r"(Zing|Báo Mới|VTV)", _text(p))[1] for p in pages]
    assert outlets == ["Báo Mới", "VTV", "Zing"]


def test_a4_sheets_hold_ten_cards_each_and_every_qr_decodes(event):
    badges = _event_with_badges(event, [(f"Nhà báo {i:02d}", "VnExpress") for i in range(12)])

    pages = _pages(_event_pdf(event, layout="a4"))

    assert len(pages) == 2
    assert pages[0].get_size() == pytest.approx((595.27, 841.89), abs=0.1)
    decoded = _qr_codes(pages[0], dpi=200) + _qr_codes(pages[1], dpi=200)
    assert sorted(decoded) == sorted(b.code for b in badges)


def test_each_photo_is_embedded_once_as_a_print_resolution_jpeg(event):
    badges = _event_with_badges(event, [("Lê Một", "A"), ("Lê Hai", "B")])
    for badge in badges:
        _with_photo(badge)

    data = _event_pdf(event, layout="a4")

    assert data.count(b"/DCTDecode") == 2
    assert b"/ASCII85Decode" not in data
    widths = sorted(int(w) for w in re.findall(rb"/Width (\d+)", data))
    expected = pdf._pixels(pdf.CARD.photo)[0]
    assert widths == [expected, expected]
    assert len(data) < 2 * 40_000


def test_a_badge_with_an_unreadable_photo_still_prints(event):
    badge = BadgeFactory(accreditation__event=event)
    badge.accreditation.journalist.photo.save("broken.jpg", ContentFile(b"not a jpeg"))

    (page,) = _pages(_badge_pdf(badge))

    assert _qr_codes(page) == [badge.code]


def test_drawing_badges_runs_no_queries_the_selectors_read_everything(
    event, django_assert_num_queries
):
    badges = _event_with_badges(event, [("Lê Một", "A"), ("Lê Hai", "B")])
    _with_photo(badges[0])
    one = badge_print_data(badges[0].accreditation)
    every = event_badges_print_data(event, sort="outlet")

    with django_assert_num_queries(0):
        single = pdf.badge_pdf(one, layout="a6")
        sheet = pdf.event_badges_pdf(every, event_title=event.title, layout="a4")

    assert _qr_codes(_pages(single)[0], dpi=150) == [badges[0].code]
    assert sorted(_qr_codes(_pages(sheet)[0], dpi=200)) == sorted(b.code for b in badges)


def test_only_an_approved_accreditation_has_a_badge_to_print(event):
    badge = BadgeFactory(accreditation__event=event)
    AccreditationFactory(event=event, status=AccreditationStatus.PENDING)
    revoked = BadgeFactory(accreditation__event=event, accreditation__status="revoked")

    assert badge_print_data(revoked.accreditation) is None
    assert [b.code for b in event_badges_print_data(event)] == [badge.code]
