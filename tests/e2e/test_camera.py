"""The desk's camera scanning, with Chromium's fake camera playing a video of a badge's QR code.

The video is made here: the badge's code drawn by the qrcode package, large, on a white frame,
written as a few identical YUV4MPEG2 4:2:0 frames (Chromium loops the file)."""

import pytest
import qrcode
from django.conf import settings
from PIL import Image
from playwright.sync_api import expect

from accreditation import services
from accreditation.selectors import active_badge
from checkin.models import CheckIn, ScanResult
from tests.e2e.conftest import launch
from tests.e2e.helpers import log_in_as
from tests.factories import AccreditationFactory, EventFactory, JournalistProfileFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTH, HEIGHT = 640, 480


def write_y4m(path, image: Image.Image, frames: int = 5) -> None:
    """Write a greyscale image as an uncompressed Y4M video: luma from the image, neutral chroma."""
    luma = image.convert("L").resize((WIDTH, HEIGHT)).tobytes()
    chroma = bytes([128]) * ((WIDTH // 2) * (HEIGHT // 2))
    with open(path, "wb") as out:
        out.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F10:1 Ip A1:1 C420jpeg\n".encode("ascii"))
        for _ in range(frames):
            out.write(b"FRAME\n" + luma + chroma + chroma)


def qr_frame(code: str) -> Image.Image:
    """The code as a phone held up to the camera would show it: big, centred, white around."""
    symbol = qrcode.make(code, box_size=10, border=4).get_image().convert("L")
    side = HEIGHT - 40
    frame = Image.new("L", (WIDTH, HEIGHT), 255)
    frame.paste(symbol.resize((side, side), Image.NEAREST), ((WIDTH - side) // 2, 20))
    return frame


@pytest.fixture
def camera_browser(playwright, tmp_path):
    """A Chromium whose camera films a badge: `camera_browser(code)`."""
    browsers = []

    def make(code: str):
        video = tmp_path / "badge.y4m"
        write_y4m(video, qr_frame(code))
        browser = launch(
            playwright,
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={video}",
        )
        browsers.append(browser)
        return browser

    yield make
    for browser in browsers:
        browser.close()


def test_desk_camera_reads_a_badge_and_accepts_it(camera_browser, live_server, organizer):
    event = EventFactory(organization=organizer.memberships.first().organization)
    accreditation = AccreditationFactory(
        event=event, journalist=JournalistProfileFactory(full_name="Đỗ Hải Yến")
    )
    services.accreditation_approve(accreditation=accreditation, by=organizer)
    code = active_badge(accreditation).code

    browser = camera_browser(code)
    context = browser.new_context(base_url=live_server.url, permissions=["camera"])
    context.set_default_timeout(15_000)
    log_in_as(context, organizer, live_server)
    context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url}]
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"/desk/{event.slug}/")

    page.get_by_role("button", name="Camera").click()
    expect(page.locator("#verdict-word")).to_have_text("ACCEPTED")
    expect(page.locator("#verdict-name")).to_have_text("Đỗ Hải Yến")
    context.close()
    assert errors == []
    accepted = CheckIn.objects.filter(accreditation=accreditation, result=ScanResult.ACCEPTED)
    assert accepted.count() == 1
