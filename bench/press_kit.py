"""Benchmark: a press kit with 60 agenda items and 20 speakers (with photos), against a
one-page reportlab document in the same embedded font, measured in the same run.

    .venv/bin/python -m bench.press_kit
"""

import io
import statistics
import tempfile
import time
from datetime import timedelta

ROUNDS = 5


def _make_event():
    from django.core.files.base import ContentFile
    from django.utils import timezone
    from PIL import Image

    from tests.factories import (
        AgendaItemFactory,
        EventFactory,
        MediaContactFactory,
        PressReleaseFactory,
        SpeakerFactory,
    )

    start = timezone.now().replace(microsecond=0) + timedelta(days=10)
    event = EventFactory(
        title="Diễn đàn Kinh tế Thủ đô Hà Nội: Chuyển đổi số và đô thị thông minh",
        summary="Diễn đàn thường niên của Trung tâm Báo chí Thủ đô. " * 5,
        starts_at=start,
        ends_at=start + timedelta(hours=11),
        contact_name="Nguyễn Thị Mai Hương",
        contact_phone="+84 24 3825 1234",
    )
    speakers = []
    for n in range(20):
        speaker = SpeakerFactory(
            organization=event.organization,
            name=f"Trần Văn Đức {n:02d}",
            affiliation="Viện Nghiên cứu Phát triển",
            bio="Ông có hơn hai mươi năm nghiên cứu chính sách đô thị. " * 12,
        )
        photo = io.BytesIO()
        Image.new("RGB", (600, 800), (20 + n * 10, 80, 120)).save(photo, "JPEG", quality=90)
        speaker.photo.save(f"s{n}.jpg", ContentFile(photo.getvalue()), save=True)
        speakers.append(speaker)
    event.speakers.set(speakers)
    for i in range(60):
        AgendaItemFactory(
            event=event,
            title=f"Phiên {i + 1}: Đổi mới sáng tạo trong quản lý đô thị",
            description="Thảo luận, hỏi đáp với các chuyên gia trong và ngoài nước.",
            starts_at=start + timedelta(minutes=10 * i),
            ends_at=start + timedelta(minutes=10 * i + 10),
        ).speakers.set(speakers[i % 20 : i % 20 + 2])
    for _ in range(3):
        MediaContactFactory(event=event)
        PressReleaseFactory(event=event, body="Nội dung thông cáo **quan trọng**. " * 40)
    return event


def _baseline_page() -> bytes:
    """The floor: one A4 page with a Vietnamese paragraph in the same embedded font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from common.pdf_fonts import register_fonts

    fonts = register_fonts()
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(
        [
            Paragraph(
                "Trung tâm Báo chí Thủ đô Hà Nội — Nguyễn Thị Mai Hương " * 6,
                ParagraphStyle("b", fontName=fonts.regular),
            )
        ]
    )
    return buffer.getvalue()


def _time(fn, rounds=ROUNDS) -> tuple[float, object]:
    samples, result = [], None
    for _ in range(rounds):
        started = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples), result


def main() -> None:
    from bench import django_setup, temporary_database

    django_setup()
    from django.conf import settings

    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="press-kit-bench-")
    with temporary_database():
        _run()


def _run() -> None:
    from django.core.cache import cache
    from pypdf import PdfReader

    from press.press_kit import render_press_kit
    from press.selectors import press_kit_data, press_kit_pdf_for

    event = _make_event()
    _baseline_page()  # font registration and imports are not part of either figure
    baseline, _ = _time(_baseline_page, rounds=ROUNDS * 4)
    data = press_kit_data(None, event, language="vi")
    first, _ = _time(lambda: render_press_kit(data), rounds=1)
    rendered, pdf = _time(lambda: render_press_kit(data))
    read, _ = _time(lambda: press_kit_data(None, event, language="vi"))
    cache.clear()
    press_kit_pdf_for(None, event, language="vi")
    cached, _ = _time(lambda: press_kit_pdf_for(None, event, language="vi"))
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print("press kit: 60 agenda items, 20 speakers with photos, 3 releases (vi), median of 5")
    print(f"  baseline one-page PDF, same font : {baseline * 1000:8.1f} ms")
    print(f"  first render (photos prepared)   : {first * 1000:8.1f} ms")
    print(
        f"  press kit render (uncached)      : {rendered * 1000:8.1f} ms"
        f"  ({pages} pages, {len(pdf) / 1024:.0f} KiB)"
    )
    print(f"  press kit data read + fingerprint: {read * 1000:8.1f} ms")
    print(f"  press kit served from cache      : {cached * 1000:8.1f} ms")
    print(f"  ratio render / baseline          : {rendered / baseline:8.1f}x")
    print(f"  ratio render / baseline per page : {rendered / pages / baseline:8.1f}x")
    print(f"  ratio cached / render            : {cached / rendered:8.3f}")


if __name__ == "__main__":
    main()
