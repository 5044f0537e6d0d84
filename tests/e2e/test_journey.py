"""One event from start to finish, in a real browser: an organizer creates and publishes it, a
journalist signs up and asks for accreditation, the organizer approves, the journalist downloads
the badge, and the front desk checks it in. The organizer works in English (chosen with the
language switch), the journalist in Vietnamese (the site's default)."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from accreditation.models import Accreditation, AccreditationStatus
from checkin.models import CheckIn, ScanResult
from common.dates import DATETIME_LOCAL_FORMAT, ICT
from events.models import Event, EventStatus
from tests.e2e.conftest import PASSWORD
from tests.e2e.helpers import link_in_last_mail_to, qr_codes_in_pdf
from tests.factories import MediaOutletFactory, MembershipFactory, OrganizationFactory, RoomFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

JOURNALIST = "Trần Thị Minh Châu"
JOURNALIST_EMAIL = "minhchau@tuoitre.example"
TITLE_VI = "Họp báo Lễ hội Pháo hoa Quốc tế Đà Nẵng"


@pytest.fixture
def world(db):
    organization = OrganizationFactory(
        name="Sở Thông tin và Truyền thông", name_en="Department of Information and Communications"
    )
    organizer = MembershipFactory(organization=organization, user__username="organizer").user
    room = RoomFactory(name="Hội trường A", name_en="Hall A", venue__name_en="City Press Center")
    outlet = MediaOutletFactory(name="Báo Tuổi Trẻ", verified=True)
    return {"organization": organization, "organizer": organizer, "room": room, "outlet": outlet}


def local(moment) -> str:
    """A datetime as an organizer types it into a datetime-local field (ICT wall clock)."""
    return moment.astimezone(ICT).strftime(DATETIME_LOCAL_FORMAT)


def test_an_event_from_creation_to_check_in(new_page, world, shoot, tmp_path):
    # --- 1. The organizer logs in, creates the event in the console and publishes it. ---
    organizer = new_page()
    organizer.goto("/")
    organizer.get_by_role("button", name="English").click()
    expect(organizer.locator("html")).to_have_attribute("lang", "en")
    organizer.get_by_role("link", name="Log in").click()
    organizer.get_by_label("Username").fill("organizer")
    organizer.get_by_label("Password").fill(PASSWORD)
    organizer.get_by_role("button", name="Log in").click()
    organizer.get_by_role("link", name="Manage").click()
    expect(organizer.get_by_role("navigation", name="Console")).to_be_visible()
    shoot(organizer, "en-console-dashboard")

    organizer.get_by_role("link", name="New event").first.click()
    starts = (
        (timezone.now() + timedelta(days=5))
        .astimezone(ICT)
        .replace(hour=9, minute=0, second=0, microsecond=0)
    )
    # One organization: the form does not ask which.
    expect(organizer.get_by_label("Organization")).to_have_count(0)
    organizer.get_by_label("Kind").select_option("press_conference")
    organizer.get_by_role("textbox", name="Title", exact=True).fill(TITLE_VI)
    organizer.get_by_label("Title (English)").fill("Da Nang International Fireworks Festival")
    organizer.get_by_label("Starts at").fill(local(starts))
    organizer.get_by_label("Ends at").fill(local(starts + timedelta(hours=2)))
    organizer.get_by_label("Room").select_option(str(world["room"].pk))
    organizer.get_by_label("Press seats").fill("40")
    shoot(organizer, "en-console-event-form")
    organizer.get_by_role("button", name="Save as draft").click()

    expect(organizer.get_by_role("heading", level=1)).to_contain_text(
        "Da Nang International Fireworks Festival"
    )
    event = Event.objects.get(title_en="Da Nang International Fireworks Festival")
    assert event.status == EventStatus.DRAFT
    assert event.starts_at == starts
    assert event.room == world["room"]

    organizer.get_by_role("button", name="Publish").click()
    expect(organizer.locator(".messages")).to_contain_text("The event is now published")
    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED

    # --- 2. A journalist finds the event, signs up, confirms the e-mail, fills the profile
    #        and asks for accreditation from the event page. (Vietnamese, the default.) ---
    journalist = new_page(locale="vi-VN")
    journalist.goto("/events/")
    expect(journalist.locator("html")).to_have_attribute("lang", "vi")
    journalist.get_by_role("link", name=TITLE_VI).click()
    shoot(journalist, "vi-event-detail-anonymous")
    journalist.locator("#accreditation").get_by_role("link", name="Đăng ký tài khoản").click()

    journalist.get_by_label("Họ và tên", exact=False).fill(JOURNALIST)
    journalist.get_by_role("textbox", name=re.compile(r"^E-?mail$")).fill(JOURNALIST_EMAIL)
    journalist.get_by_label("Mật khẩu", exact=True).fill("a long and unusual passphrase")
    journalist.get_by_label("Nhập lại mật khẩu").fill("a long and unusual passphrase")
    journalist.locator("input[name=consent]").check()
    shoot(journalist, "vi-signup")
    journalist.locator("main").get_by_role("button", name="Đăng ký tài khoản").click()
    expect(journalist.locator(".messages")).to_contain_text(
        f"Chúng tôi đã gửi đường dẫn xác nhận tới {JOURNALIST_EMAIL}"
    )
    expect(journalist.get_by_role("alert").first).to_contain_text("chưa được xác nhận")

    journalist.goto(link_in_last_mail_to(JOURNALIST_EMAIL, r"/accounts/verify/[^/\s]+/"))
    expect(journalist.locator(".messages")).to_contain_text(
        "Cảm ơn bạn: địa chỉ e-mail đã được xác nhận."
    )

    journalist.get_by_label("Cơ quan báo chí", exact=True).select_option(label="Báo Tuổi Trẻ")
    journalist.get_by_label("Số thẻ nhà báo").fill("HN-12345")
    journalist.get_by_label("Hạn thẻ nhà báo").fill(f"{timezone.now().year + 2}-12-31")
    journalist.get_by_label("Quốc tịch").fill("vn")
    journalist.get_by_role("button", name="Lưu lại").click()
    expect(journalist.locator(".messages")).to_contain_text("Đã lưu hồ sơ của bạn.")
    shoot(journalist, "vi-profile")

    journalist.goto(event.get_absolute_url())
    journalist.get_by_role("button", name="Đăng ký tác nghiệp").click()
    expect(journalist.locator(".messages")).to_contain_text("Đã gửi yêu cầu của bạn.")
    expect(journalist.locator("#accreditation .acc-state")).to_have_text("Chờ duyệt")
    accreditation = Accreditation.objects.get(event=event, journalist__email=JOURNALIST_EMAIL)
    assert accreditation.status == AccreditationStatus.PENDING
    assert accreditation.journalist.nationality == "VN"

    # --- 3. The organizer approves the request on the review page. ---
    organizer.get_by_role("link", name="Accreditations").click()
    row = organizer.locator(f"#accreditation-{accreditation.pk}")
    expect(row).to_contain_text(JOURNALIST)
    expect(row).to_contain_text("Báo Tuổi Trẻ")
    shoot(organizer, "en-review")
    mail.outbox.clear()
    row.get_by_role("button", name="Approve").click()
    expect(organizer.locator(".messages")).to_contain_text(f"{JOURNALIST}: approved.")
    expect(organizer.locator(f"#accreditation-{accreditation.pk} .acc-state")).to_have_text(
        "Approved"
    )
    accreditation.refresh_from_db()
    assert accreditation.status == AccreditationStatus.APPROVED
    [approval] = mail.outbox
    assert approval.to == [JOURNALIST_EMAIL]

    # --- 4. The journalist follows the e-mail to the portal and downloads the badge PDF. ---
    journalist.goto(link_in_last_mail_to(JOURNALIST_EMAIL, r"/me/accreditations/[^\s]*"))
    mine = journalist.locator(f"#accreditation-{accreditation.pk}")
    expect(mine.locator(".acc-state")).to_have_text("Đã duyệt")
    shoot(journalist, "vi-my-accreditations")
    mine.get_by_role("link", name="Thẻ của tôi").click()
    expect(journalist.locator(".my-badge-who")).to_contain_text(JOURNALIST)
    shoot(journalist, "vi-my-badge")
    with journalist.expect_download() as download_info:
        journalist.get_by_role("link", name="Tải thẻ (PDF, khổ thẻ)").click()
    pdf = tmp_path / "badge.pdf"
    download_info.value.save_as(pdf)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert JOURNALIST in " ".join(text.split())  # the name may wrap onto two lines
    [code] = qr_codes_in_pdf(data)

    # --- 5. At the front desk a scanner types the badge's code and presses Enter. ---
    organizer.goto(f"/manage/events/{event.slug}/")
    organizer.get_by_role("link", name="Front desk").click()
    scanner = organizer.get_by_label("Scanner")
    expect(scanner).to_be_focused()
    scanner.press_sequentially(code)
    scanner.press("Enter")
    expect(organizer.locator("#verdict-word")).to_have_text("ACCEPTED")
    expect(organizer.locator("#verdict-name")).to_have_text(JOURNALIST)
    expect(organizer.locator("#count-checked-in")).to_have_text("1")
    shoot(organizer, "en-desk-accepted")
    accepted = CheckIn.objects.filter(accreditation=accreditation, result=ScanResult.ACCEPTED)
    assert accepted.count() == 1

    scanner.press_sequentially(code)
    scanner.press("Enter")
    expect(organizer.locator("#verdict-word")).to_have_text("ALREADY CHECKED IN")
    expect(organizer.locator("#verdict-detail")).to_have_text(re.compile(r"Checked in at .+"))
    expect(organizer.locator("#count-repeats")).to_have_text("1")
    shoot(organizer, "en-desk-already")
