"""Badge PDF benchmark: 1,000 badges with photos in one PDF against a text-only floor.

The floor, measured in the same run: 1,000 CR80 pages with two lines of Vietnamese text (name
and outlet) in the same embedded font, the cheapest PDF that could still be called a badge.
The badges: `event_badges_pdf()` for an event with 1,000 approved journalists, each with a
600×800 JPEG photo: first cold (photo derivatives made), then warm (derivatives reused).

    .venv/bin/python -m bench.badges        (BENCH_BADGES=1000)
"""

import io
import os
import random
import re
import tempfile
import time
import tracemalloc
from pathlib import Path

import bench

COUNT = int(os.environ.get("BENCH_BADGES", "1000"))
GOAL = 5.0


def _photo(rng: random.Random) -> bytes:
    """A 600×800 portrait-like JPEG: background, face, shoulders, a little grain."""
    from PIL import Image, ImageDraw, ImageFilter

    background = tuple(rng.randint(150, 230) for _ in range(3))
    image = Image.new("RGB", (600, 800), background)
    draw = ImageDraw.Draw(image)
    skin = (rng.randint(190, 240), rng.randint(150, 200), rng.randint(120, 170))
    draw.ellipse((170, 140, 430, 470), fill=skin)
    draw.rectangle((100, 520, 500, 800), fill=tuple(rng.randint(20, 120) for _ in range(3)))
    draw.ellipse((230, 260, 270, 290), fill=(40, 30, 30))
    draw.ellipse((330, 260, 370, 290), fill=(40, 30, 30))
    noise = Image.effect_noise((600, 800), 12).convert("RGB")
    image = Image.blend(image, noise, 0.06).filter(ImageFilter.SMOOTH)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88)
    return out.getvalue()


def _make_event(media_root: Path):
    from django.utils import timezone

    from accreditation.badges import badge_serial, new_badge_code
    from accreditation.models import (
        Accreditation,
        AccreditationStatus,
        Badge,
        JournalistProfile,
        JournalistRole,
        MediaOutlet,
    )
    from events.models import Event, EventStatus
    from organizations.models import Organization
    from venues.models import Room, Venue

    rng = random.Random(7)
    now = timezone.now()
    organization = Organization.objects.create(name="Trung tâm Báo chí", slug="bench-badges")
    venue = Venue.objects.create(name="Trung tâm Báo chí Hà Nội", slug="bench-venue", city="Hà Nội")
    room = Room.objects.create(venue=venue, name="Phòng họp báo lớn", capacity=300)
    event = Event.objects.create(
        organization=organization,
        title="Họp báo công bố Lễ hội Áo dài Du lịch Hà Nội năm 2026",
        slug="bench-badges-event",
        kind="press_conference",
        status=EventStatus.PUBLISHED,
        starts_at=now,
        ends_at=now + timezone.timedelta(hours=2),
        room=room,
    )
    outlets = MediaOutlet.objects.bulk_create(
        MediaOutlet(name=name, kind="newspaper")
        for name in [
            "Báo Tuổi Trẻ",
            "Đài Truyền hình Việt Nam",
            "Thông tấn xã Việt Nam",
            "Báo Sài Gòn Giải Phóng",
            "Đài Tiếng nói Việt Nam",
            "Reuters",
        ]
    )
    photos_dir = media_root / "private" / "photos"
    photos_dir.mkdir(parents=True)
    photos = [_photo(rng) for _ in range(50)]  # 50 distinct images, each file still its own
    families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
    middles = ["Thị", "Văn", "Hữu", "Minh", "Thu", "Quang", "Ngọc"]
    givens = ["Hương", "Đức", "Anh", "Châu", "Vinh", "Hà", "Thảo", "Bình", "Khoa", "Lan"]
    profiles = []
    for i in range(COUNT):
        name = f"photo-{i}.jpg"
        (photos_dir / name).write_bytes(photos[i % len(photos)])
        profiles.append(
            JournalistProfile(
                full_name=f"{rng.choice(families)} {rng.choice(middles)} {rng.choice(givens)} {i}",
                email=f"j{i}@example.org",
                outlet=rng.choice(outlets),
                role=rng.choice(JournalistRole.values),
                photo=f"private/photos/{name}",
            )
        )
    profiles = JournalistProfile.objects.bulk_create(profiles)
    accreditations = Accreditation.objects.bulk_create(
        Accreditation(
            event=event, journalist=p, category=p.role, status=AccreditationStatus.APPROVED
        )
        for p in profiles
    )
    Badge.objects.bulk_create(
        Badge(accreditation=a, code=new_badge_code(), serial=badge_serial(a, 1), issued_at=now)
        for a in accreditations
    )
    return event


def text_floor(lines: list[tuple[str, str]]) -> bytes:
    """The floor: one CR80 page per badge with two lines of text, same embedded font."""
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    from common.pdf_fonts import FONT, FONT_BOLD, register_fonts

    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(85.6 * mm, 54 * mm), pageCompression=1)
    for name, outlet in lines:
        canvas.setFont(FONT_BOLD, 10)
        canvas.drawString(26 * mm, 34 * mm, name)
        canvas.setFont(FONT, 7)
        canvas.drawString(26 * mm, 29 * mm, outlet)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _timed(function):
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def main() -> None:
    bench.django_setup()
    from django.test import override_settings

    from accreditation.pdf import event_badges_pdf as draw
    from accreditation.selectors import event_badges_print_data

    def event_badges_pdf(event, layout="card"):
        # Reading and drawing, as a print from the console does.
        return draw(event_badges_print_data(event), event_title=event.title, layout=layout)

    with (
        tempfile.TemporaryDirectory(prefix="bench-badges-") as folder,
        override_settings(MEDIA_ROOT=folder),
        bench.temporary_database(),
    ):
        event = _make_event(Path(folder))
        lines = [(b.full_name, b.outlet) for b in event_badges_print_data(event)]
        floor_pdf = text_floor(lines)
        cold_seconds, pdf = _timed(lambda: event_badges_pdf(event))
        # Interleaved, best of five each: a neighbour's burst then hits both sides alike.
        floor_runs, warm_runs = [], []
        for _ in range(5):
            floor_runs.append(_timed(lambda: text_floor(lines))[0])
            warm_runs.append(_timed(lambda: event_badges_pdf(event))[0])
        floor_seconds, warm_seconds = min(floor_runs), min(warm_runs)
        a4_seconds = bench.best_of(lambda: event_badges_pdf(event, layout="a4"), repeat=1)
        tracemalloc.start()
        event_badges_pdf(event)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()

    pages = len(re.findall(rb"/Type /Page\b", pdf))
    images = pdf.count(b"/DCTDecode")
    ratio = warm_seconds / floor_seconds

    def row(label, seconds, extra=""):
        print(
            f"  {label:<20}{seconds * 1000:8.0f} ms {seconds * 1000 / COUNT:7.2f} ms/badge  {extra}"
        )

    print(f"badge PDF benchmark: {COUNT} badges with photos, CR80, one per page")
    row("text-only floor", floor_seconds, f"{len(floor_pdf) / COUNT / 1024:.1f} KiB/badge")
    row("badges, cold photos", cold_seconds, "(photo derivatives made)")
    row(
        "badges, warm",
        warm_seconds,
        f"{len(pdf) / COUNT / 1024:.1f} KiB/badge, {len(pdf) / 1e6:.1f} MB",
    )
    row("A4 sheets, 10-up", a4_seconds)
    print(f"  pages {pages}, embedded JPEGs {images}, peak traced memory {peak / 1e6:.0f} MB")
    verdict = "meets" if ratio <= GOAL else "misses"
    print(
        f"ratio badges/floor: {ratio:.2f} (warm; {verdict} the {GOAL:.0f}x goal); "
        f"cold {cold_seconds / floor_seconds:.2f}"
    )
    assert pages == COUNT, f"expected {COUNT} pages, found {pages}"


if __name__ == "__main__":
    main()
