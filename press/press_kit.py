"""The press kit as a PDF: plain functions from PressKitData to bytes (reportlab platypus).

No queries here: press.selectors.press_kit_data reads (and prefetches) everything a kit shows.

Contents: cover, about, practical information and media contacts, agenda, speakers, the
releases the requester may read (embargoed ones watermarked), a QR code to the event page,
a running header, page numbers, and a table of contents once the kit runs past a few pages.
All user text goes through common.pdf_text, so it is escaped and can never become markup.
"""

import hashlib
import io
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import timedelta

import qrcode
from django.utils.translation import gettext as _
from django.utils.translation import override
from PIL import Image as PILImage
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from common.dates import SHORT_DATE_FORMAT, format_date, format_time, local
from common.pdf_fonts import register_fonts
from common.pdf_qr import draw_qr_modules
from common.pdf_text import escape, plain_paragraphs, rich_paragraphs
from events.models import AgendaItem, Event, EventStatus, Speaker
from press.models import MediaContact, PressRelease

logger = logging.getLogger(__name__)

# Raise when the kit's layout changes, so kits cached by the previous code are not served.
PRESS_KIT_LAYOUT_VERSION = 1

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 2 * cm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
# "When it runs past a few pages": shorter kits need no table of contents.
TOC_AFTER_PAGES = 4
TOC_MAX_ENTRIES = 40  # keeps the contents on one page, which the page numbering relies on
# Our choice: the accreditation desk opens an hour before the start; most arrive in the last 30'.
DESK_OPENS_BEFORE = timedelta(minutes=60)
IMAGE_DPI = 200

BRAND = colors.HexColor("#0b5394")
MUTED = colors.HexColor("#5a6473")
LINE = colors.HexColor("#d9dee5")
EMBARGO_RED = colors.HexColor("#b3261e")

_WEEKDAYS = {
    "vi": ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}


@dataclass
class PressKitRelease:
    release: PressRelease
    embargoed: bool


@dataclass
class PressKitData:
    """Everything that goes into one press kit; its fingerprint keys the cache."""

    event: Event
    language: str
    site_url: str
    agenda: list[AgendaItem] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    releases: list[PressKitRelease] = field(default_factory=list)
    contacts: list[MediaContact] = field(default_factory=list)

    @property
    def event_url(self) -> str:
        return f"{self.site_url}{self.event.get_absolute_url()}"

    def fingerprint(self) -> str:
        """A hash of every value that can change what the kit looks like."""
        event = self.event
        parts = [
            PRESS_KIT_LAYOUT_VERSION,
            self.language,
            self.site_url,
            _row(event),
            _row(event.organization),
            _row(event.room),
            _row(event.room.venue if event.room_id else None),
            [(_row(item), [s.pk for s in item.speakers.all()]) for item in self.agenda],
            [_row(speaker) for speaker in self.speakers],
            [(_row(r.release), r.embargoed) for r in self.releases],
            [_row(contact) for contact in self.contacts],
        ]
        return hashlib.sha256(repr(parts).encode()).hexdigest()


def _row(obj) -> tuple | None:
    if obj is None:
        return None
    return tuple(
        str(getattr(obj, f.attname))
        if f.get_internal_type() in ("FileField", "ImageField")
        else getattr(obj, f.attname)
        for f in obj._meta.concrete_fields
    )


def render_press_kit(data: PressKitData) -> bytes:
    """The press kit PDF for `data`, in `data.language`."""
    register_fonts()
    images = _ImageCache()
    with override(data.language):
        pdf, pages, headings = _build(data, images, toc=None)
        if pages > TOC_AFTER_PAGES and headings:
            entries = (
                [h for h in headings if h[0] == 0] if len(headings) > TOC_MAX_ENTRIES else headings
            )
            # The contents take exactly one page after the cover, so every later page moves by one.
            pdf, _pages, _headings = _build(
                data, images, toc=[(level, text, page + 1) for level, text, page in entries]
            )
    return pdf


# --- document --------------------------------------------------------------------------------


class _Styles:
    def __init__(self):
        fonts = register_fonts()
        base = ParagraphStyle("body", fontName=fonts.family, fontSize=10, leading=14, spaceAfter=6)
        self.fonts = fonts
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, spaceAfter=2)
        self.muted = ParagraphStyle("muted", parent=self.small, textColor=MUTED)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=9, leading=12, spaceAfter=0)
        self.cell_head = ParagraphStyle(
            "cell_head", parent=self.cell, fontName=fonts.bold, textColor=colors.white
        )
        self.h1 = ParagraphStyle(
            "h1",
            parent=base,
            fontName=fonts.bold,
            fontSize=16,
            leading=20,
            textColor=BRAND,
            spaceBefore=6,
            spaceAfter=10,
        )
        self.h2 = ParagraphStyle(
            "h2",
            parent=base,
            fontName=fonts.bold,
            fontSize=12.5,
            leading=16,
            spaceBefore=8,
            spaceAfter=4,
        )
        self.cover_kicker = ParagraphStyle(
            "kicker", parent=base, fontName=fonts.bold, fontSize=10, textColor=BRAND, leading=14
        )
        self.cover_title = ParagraphStyle(
            "cover_title",
            parent=base,
            fontName=fonts.bold,
            fontSize=24,
            leading=30,
            spaceBefore=6,
            spaceAfter=14,
        )
        self.cover_line = ParagraphStyle("cover_line", parent=base, fontSize=12, leading=17)
        self.embargo = ParagraphStyle(
            "embargo",
            parent=base,
            fontName=fonts.bold,
            fontSize=11,
            textColor=EMBARGO_RED,
            borderColor=EMBARGO_RED,
            borderWidth=1,
            borderPadding=5,
            spaceBefore=4,
            spaceAfter=12,
        )
        self.banner = ParagraphStyle(
            "banner", parent=self.embargo, fontSize=12, alignment=TA_CENTER
        )
        self.toc = ParagraphStyle("toc", parent=base, fontSize=10.5, leading=15, spaceAfter=0)
        self.toc_sub = ParagraphStyle("toc_sub", parent=self.toc, leftIndent=14, fontSize=9.5)
        self.toc_page = ParagraphStyle("toc_page", parent=self.toc, alignment=TA_RIGHT)


class _Heading(Paragraph):
    """A heading that the table of contents lists."""

    def __init__(self, text: str, style, *, level: int):
        super().__init__(escape(text), style)
        self.toc_level = level
        self.toc_text = text


def _heading(text: str, style, *, level: int = 0) -> list:
    """A heading listed in the contents, moved to the next page if it would end one."""
    return [CondPageBreak(3 * cm), _Heading(text, style, level=level)]


class _Watermark(Flowable):
    """Zero-size marker: pages from here on carry `text` as a watermark (None stops it)."""

    def __init__(self, text: str | None):
        super().__init__()
        self.text = text

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        pass


class _KitDoc(BaseDocTemplate):
    def __init__(self, buffer, data: PressKitData, styles: _Styles):
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=2.4 * cm,
            bottomMargin=2 * cm,
            title=data.event.tr("title", data.language),
            author=data.event.organization.tr("name", data.language),
            subject=_("Press kit"),
            creator="Press Center",
        )
        self.styles = styles
        self.watermark: str | None = None
        self.headings: list[tuple[int, str, int]] = []
        self.header_title = data.event.tr("title", data.language)
        self.header_label = _("Press kit")
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        cover_frame = Frame(
            MARGIN,
            2 * cm,
            CONTENT_WIDTH,
            PAGE_HEIGHT - 4 * cm,
            id="cover",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate("cover", [cover_frame], onPage=self._draw_cover_band),
                PageTemplate(
                    "content", [frame], onPage=self._draw_header, onPageEnd=self._draw_watermark
                ),
            ]
        )

    def afterFlowable(self, flowable):
        if isinstance(flowable, _Watermark):
            self.watermark = flowable.text
        elif isinstance(flowable, _Heading):
            self.headings.append((flowable.toc_level, flowable.toc_text, self.page))

    def _draw_cover_band(self, canv, doc):
        canv.saveState()
        canv.setFillColor(BRAND)
        canv.rect(0, PAGE_HEIGHT - 1.2 * cm, PAGE_WIDTH, 1.2 * cm, stroke=0, fill=1)
        canv.restoreState()

    def _draw_header(self, canv, doc):
        fonts = self.styles.fonts
        canv.saveState()
        canv.setFont(fonts.bold, 8.5)
        canv.setFillColor(BRAND)
        label_width = stringWidth(self.header_label, fonts.bold, 8.5)
        canv.drawRightString(PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 1.4 * cm, self.header_label)
        canv.setFont(fonts.regular, 8.5)
        canv.setFillColor(MUTED)
        title = _fit(self.header_title, fonts.regular, 8.5, CONTENT_WIDTH - label_width - 1 * cm)
        canv.drawString(MARGIN, PAGE_HEIGHT - 1.4 * cm, title)
        canv.setStrokeColor(LINE)
        canv.setLineWidth(0.6)
        canv.line(MARGIN, PAGE_HEIGHT - 1.6 * cm, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 1.6 * cm)
        canv.restoreState()

    def _draw_watermark(self, canv, doc):
        if not self.watermark:
            return
        fonts = self.styles.fonts
        canv.saveState()
        canv.setFillColor(EMBARGO_RED)
        canv.setFillAlpha(0.13)
        canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canv.rotate(50)
        size = 30
        while size > 10 and stringWidth(self.watermark, fonts.bold, size) > PAGE_HEIGHT * 0.85:
            size -= 1
        canv.setFont(fonts.bold, size)
        canv.drawCentredString(0, 0, self.watermark)
        canv.restoreState()


def _numbered_canvas(fonts, label_of_page):
    """A canvas class that writes "page / pages" once the page count is known."""

    class NumberedCanvas(pdfcanvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._page_states = []

        def showPage(self):
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._page_states)
            for state in self._page_states:
                self.__dict__.update(state)
                number = self._pageNumber
                if number > 1:  # the cover has no number
                    self.saveState()
                    self.setFont(fonts.regular, 8.5)
                    self.setFillColor(MUTED)
                    self.drawCentredString(PAGE_WIDTH / 2, 1.1 * cm, label_of_page(number, total))
                    self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


def _build(data: PressKitData, images, *, toc):
    styles = _Styles()
    buffer = io.BytesIO()
    doc = _KitDoc(buffer, data, styles)
    story = _cover(data, styles, images)
    story.append(NextPageTemplate("content"))
    story.append(PageBreak())
    if toc:
        story += _contents(toc, styles)
        story.append(PageBreak())
    story += _body(data, styles, images)
    doc.build(
        story,
        canvasmaker=_numbered_canvas(
            styles.fonts,
            lambda page, total: _("Page %(page)s of %(total)s") % {"page": page, "total": total},
        ),
    )
    return buffer.getvalue(), doc.page, doc.headings


# --- sections --------------------------------------------------------------------------------


def _cover(data: PressKitData, styles: _Styles, images) -> list:
    event, language = data.event, data.language
    story = [
        Spacer(1, 0.6 * cm),
        Paragraph(
            escape(_("Press kit").upper()) + " · " + escape(_kind(event)), styles.cover_kicker
        ),
        Paragraph(escape(event.tr("title", language)), styles.cover_title),
    ]
    if event.status == EventStatus.CANCELLED:
        story.append(Paragraph(escape(_("This event has been cancelled.")), styles.banner))
    elif event.status == EventStatus.POSTPONED:
        story.append(Paragraph(escape(_("This event has been postponed.")), styles.banner))
    cover = images.flowable(event.cover_image, CONTENT_WIDTH, 8 * cm)
    if cover is not None:
        story += [cover, Spacer(1, 0.5 * cm)]
    lines = [_when(event, language)]
    if event.room_id:
        venue = event.room.venue
        lines.append(f"{event.room.tr('name', language)} · {venue.tr('name', language)}")
        lines.append(f"{venue.address}, {venue.city}")
    elif event.online_url:
        lines.append(_("Online event"))
    lines.append(_("Organizer: %(name)s") % {"name": event.organization.tr("name", language)})
    story += [Paragraph(escape(line), styles.cover_line) for line in lines]
    story.append(Spacer(1, 1 * cm))
    story.append(
        Table(
            [
                [
                    _QRCode(data.event_url, 3.2 * cm),
                    [
                        Paragraph(escape(_("Event page, always up to date:")), styles.small),
                        Paragraph(_link(data.event_url), styles.small),
                    ],
                ]
            ],
            colWidths=[3.6 * cm, CONTENT_WIDTH - 3.6 * cm],
            style=TableStyle(
                [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (0, 0), 0)]
            ),
            hAlign="LEFT",
        )
    )
    return story


def _contents(toc, styles: _Styles) -> list:
    rows = [
        [
            Paragraph(escape(text), styles.toc if level == 0 else styles.toc_sub),
            Paragraph(str(page), styles.toc_page),
        ]
        for level, text, page in toc
    ]
    return [
        Paragraph(escape(_("Contents")), styles.h1),
        Table(
            rows,
            colWidths=[CONTENT_WIDTH - 2 * cm, 2 * cm],
            style=TableStyle(
                [
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, LINE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (0, -1), 0),
                ]
            ),
        ),
    ]


def _body(data: PressKitData, styles: _Styles, images) -> list:
    story = []
    story += _about(data, styles)
    story += _practical(data, styles)
    story += _agenda(data, styles)
    story += _speakers(data, styles, images)
    story += _releases(data, styles)
    return story


def _about(data: PressKitData, styles: _Styles) -> list:
    event, language = data.event, data.language
    summary, description = event.tr("summary", language), event.tr("description", language)
    if not (summary or description):
        return []
    story = _heading(_("About the event"), styles.h1)
    for text in (summary, description):
        story += [Paragraph(p, styles.body) for p in plain_paragraphs(text)]
    if event.cancellation_reason and event.status != EventStatus.PUBLISHED:
        story += [Paragraph(p, styles.body) for p in plain_paragraphs(event.cancellation_reason)]
    return story


def _practical(data: PressKitData, styles: _Styles) -> list:
    event, language = data.event, data.language
    rows = []
    if event.room_id:
        venue = event.room.venue
        rows.append((_("Venue"), escape(venue.tr("name", language))))
        rows.append((_("Address"), escape(f"{venue.address}, {venue.city}")))
        rows.append((_("Room"), escape(event.room.tr("name", language))))
        if venue.effective_map_url:
            rows.append((_("Map"), _link(venue.effective_map_url)))
    if event.online_url:
        rows.append((_("Online link"), _link(event.online_url)))
    rows.append((_("Date and time"), escape(_when(event, language))))
    rows.append((_("Accreditation desk opens"), escape(_time(event.starts_at - DESK_OPENS_BEFORE))))
    if event.accreditation_closes_at:
        rows.append(
            (
                _("Accreditation requests close"),
                escape(_datetime(event.accreditation_closes_at, language)),
            )
        )
    story = [
        *_heading(_("Practical information"), styles.h1),
        _label_table(rows, styles),
        Spacer(1, 0.3 * cm),
    ]
    if event.room_id:
        notes = event.room.venue.tr("access_notes", language)
        story += [Paragraph(p, styles.body) for p in plain_paragraphs(notes)]
    contacts = _contact_rows(data, styles)
    if contacts:
        story += _heading(_("Media contacts"), styles.h2)
        head = [
            Paragraph(escape(t), styles.cell_head)
            for t in (_("Name"), _("Role"), _("Phone"), _("E-mail"))
        ]
        story.append(
            Table(
                [head, *contacts],
                colWidths=[
                    0.3 * CONTENT_WIDTH,
                    0.25 * CONTENT_WIDTH,
                    0.18 * CONTENT_WIDTH,
                    0.27 * CONTENT_WIDTH,
                ],
                repeatRows=1,
                style=_grid_style(),
            )
        )
    return story


def _contact_rows(data: PressKitData, styles: _Styles) -> list:
    event, language = data.event, data.language
    people = []
    if event.contact_name or event.contact_phone or event.contact_email:
        people.append(
            (event.contact_name, _("Press contact"), event.contact_phone, event.contact_email)
        )
    for contact in data.contacts:
        people.append((contact.name, contact.tr("role", language), contact.phone, contact.email))
    return [
        [
            Paragraph(escape(name), styles.cell),
            Paragraph(escape(role), styles.cell),
            Paragraph(escape(phone), styles.cell),
            Paragraph(_link(f"mailto:{email}", email) if email else "", styles.cell),
        ]
        for name, role, phone, email in people
    ]


def _agenda(data: PressKitData, styles: _Styles) -> list:
    if not data.agenda:
        return []
    event, language = data.event, data.language
    multi_day = event.is_multi_day
    rows = [
        [
            Paragraph(escape(_("Time")), styles.cell_head),
            Paragraph(escape(_("Session")), styles.cell_head),
        ]
    ]
    for item in data.agenda:
        when = f"{format_time(item.starts_at)}–{format_time(item.ends_at)}"
        if multi_day:
            when += f"<br/>{local(item.starts_at):{SHORT_DATE_FORMAT}}"
        cell = [Paragraph(f"<b>{escape(item.tr('title', language))}</b>", styles.cell)]
        cell += [
            Paragraph(p, styles.cell) for p in plain_paragraphs(item.tr("description", language))
        ]
        names = ", ".join(s.name for s in item.speakers.all())
        if names:
            cell.append(Paragraph(escape(names), styles.muted))
        if item.room_id and item.room_id != event.room_id:
            cell.append(Paragraph(escape(item.room.tr("name", language)), styles.muted))
        rows.append([Paragraph(when, styles.cell), cell])
    table = Table(
        rows,
        colWidths=[2.6 * cm, CONTENT_WIDTH - 2.6 * cm],
        repeatRows=1,
        # A cell taller than a page (a very long description) is split across pages.
        splitInRow=30,
        style=_grid_style(),
    )
    return [PageBreak(), *_heading(_("Agenda"), styles.h1), table]


def _speakers(data: PressKitData, styles: _Styles, images) -> list:
    if not data.speakers:
        return []
    language = data.language
    story = [PageBreak(), *_heading(_("Speakers"), styles.h1)]
    for speaker in data.speakers:
        role = ", ".join(
            part
            for part in (speaker.tr("position", language), speaker.tr("affiliation", language))
            if part
        )
        name_block = [Paragraph(escape(speaker.name), styles.h2)]
        if role:
            name_block.append(Paragraph(escape(role), styles.muted))
        photo = images.flowable(speaker.photo, 2.4 * cm, 3.2 * cm)
        if photo is not None:
            header = Table(
                [[photo, name_block]],
                colWidths=[2.9 * cm, CONTENT_WIDTH - 2.9 * cm],
                style=TableStyle(
                    [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0)]
                ),
                hAlign="LEFT",
            )
        else:
            header = name_block
        bio = [Paragraph(p, styles.body) for p in plain_paragraphs(speaker.tr("bio", language))]
        # Start a speaker on a new page rather than leave the name alone at the bottom.
        story.append(CondPageBreak(4.5 * cm))
        story += [header] if isinstance(header, Table) else header
        story += bio
        story.append(Spacer(1, 0.4 * cm))
    return story


def _releases(data: PressKitData, styles: _Styles) -> list:
    if not data.releases:
        return []
    language = data.language
    story = []
    for index, item in enumerate(data.releases):
        release = item.release
        label = release.embargo_label(language) if item.embargoed else None
        story += [PageBreak(), _Watermark(label)]
        if index == 0:
            story += _heading(_("Press releases"), styles.h1)
        story += _heading(release.title, styles.h2, level=1)
        meta = [dict(_LANGUAGE_NAMES()).get(release.language, release.language)]
        meta.append(_datetime(release.created_at, language))
        story.append(Paragraph(escape(" · ".join(meta)), styles.muted))
        if label:
            story.append(Paragraph(escape(label), styles.embargo))
        story += [Paragraph(p, styles.body) for p in rich_paragraphs(release.body)]
        attachments = list(release.attachments.all())
        if attachments:
            story.append(Paragraph(escape(_("Attachments")), styles.h2))
            story += [
                Paragraph(
                    _link(f"{data.site_url}{a.get_absolute_url()}", a.original_name), styles.small
                )
                for a in attachments
            ]
    story.append(_Watermark(None))
    return story


def _LANGUAGE_NAMES():
    return (("vi", _("Vietnamese")), ("en", _("English")))


# --- helpers ---------------------------------------------------------------------------------


def _grid_style() -> TableStyle:
    return TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, 0), BRAND),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f6f7f9")]),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
    )


def _label_table(rows, styles: _Styles) -> Table:
    return Table(
        [
            [Paragraph(escape(label), styles.muted), Paragraph(value, styles.cell)]
            for label, value in rows
        ],
        colWidths=[4.6 * cm, CONTENT_WIDTH - 4.6 * cm],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, LINE),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
            ]
        ),
        hAlign="LEFT",
    )


def _link(url: str, text: str | None = None) -> str:
    return f'<a href="{escape(url)}" color="#0b5394">{escape(text or url)}</a>'


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _kind(event) -> str:
    return str(event.get_kind_display()).capitalize()


def _date(moment, language: str) -> str:
    weekday = _WEEKDAYS["en" if language == "en" else "vi"][local(moment).weekday()]
    if language == "en":
        return f"{weekday} {format_date(moment, 'en')}"
    return f"{weekday}, {format_date(moment)}"


def _time(moment) -> str:
    return f"{format_time(moment)} ICT"


def _datetime(moment, language: str) -> str:
    return f"{_date(moment, language)}, {_time(moment)}"


def _when(event, language: str) -> str:
    start, end = event.starts_at, event.ends_at
    if local(start).date() == local(end).date():
        return f"{_date(start, language)}, {format_time(start)}–{format_time(end)} ICT"
    return f"{_date(start, language)} {format_time(start)} – {_date(end, language)} {_time(end)}"


class _QRCode(Flowable):
    """A QR code flowable, drawn as one path of filled runs (common.pdf_qr)."""

    def __init__(self, text: str, size: float):
        super().__init__()
        code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
        code.add_data(text)
        code.make(fit=True)
        self.matrix = code.get_matrix()
        self.size = size

    def wrap(self, available_width, available_height):
        return self.size, self.size

    def draw(self):
        draw_qr_modules(self.canv, self.matrix, x=0, y=0, size=self.size)


class _ImageCache:
    """Photos scaled down to print size and embedded as JPEG, each prepared once per process.

    Stored files get a fresh name on every upload, so the file name is a sound key.
    """

    _prepared: "OrderedDict[tuple, tuple[bytes, int, int] | None]" = OrderedDict()
    _lock = threading.Lock()
    MAX_ENTRIES = 256

    def flowable(self, field_file, max_width: float, max_height: float):
        if not field_file:
            return None
        location = getattr(field_file.storage, "location", "")
        key = (location, field_file.name, max_width, max_height)
        with self._lock:
            loaded = self._prepared.get(key, False)
        if loaded is False:
            loaded = self._load(field_file, max_width, max_height)
            with self._lock:
                self._prepared[key] = loaded
                while len(self._prepared) > self.MAX_ENTRIES:
                    self._prepared.popitem(last=False)
        if loaded is None:
            return None
        data, pixel_width, pixel_height = loaded
        scale = min(max_width / pixel_width, max_height / pixel_height)
        return Image(io.BytesIO(data), width=pixel_width * scale, height=pixel_height * scale)

    @staticmethod
    def _load(field_file, max_width, max_height):
        limit = (int(max_width / 72 * IMAGE_DPI), int(max_height / 72 * IMAGE_DPI))
        try:
            with field_file.open("rb") as handle, PILImage.open(handle) as image:
                image.draft("RGB", limit)  # JPEG: decode at a reduced scale, far faster
                image = image.convert("RGB")
                image.thumbnail(limit, PILImage.Resampling.BILINEAR)
                out = io.BytesIO()
                image.save(out, "JPEG", quality=85)
                return out.getvalue(), image.width, image.height
        except (OSError, ValueError, PILImage.DecompressionBombError):
            # A missing or broken photo must not cost the journalist the whole kit.
            logger.warning("press kit: cannot read image %s", field_file.name, exc_info=True)
            return None
