"""Realistic bilingual demo data: venues and rooms, organizations, a month of events."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from events import services as event_services
from events.models import Event, EventKind, EventStatus
from organizations.models import Membership, MembershipRole, Organization
from venues import services as venue_services
from venues.models import Venue

VENUES = [
    {
        "name": "Trung tâm Báo chí Hà Nội",
        "name_en": "Hanoi Press Center",
        "address": "2 Lê Thạch, Hoàn Kiếm",
        "city": "Hà Nội",
        "latitude": "21.026200",
        "longitude": "105.855100",
        "contact_phone": "024 3825 1234",
        "contact_email": "lienhe@tiepthibaochi.example.vn",
        "access_notes": (
            "Lối vào chính từ phố Lê Thạch. Xuất trình thẻ tác nghiệp tại bàn đón tiếp."
        ),
        "access_notes_en": "Main entrance on Le Thach street. Show your badge at the welcome desk.",
        "rooms": [
            (
                "Hội trường lớn",
                "Main Hall",
                300,
                {
                    "has_interpretation": True,
                    "has_livestream": True,
                    "has_projector": True,
                    "has_photo_riser": True,
                    "is_step_free": True,
                },
            ),
            (
                "Phòng họp báo 1",
                "Briefing Room 1",
                80,
                {"has_projector": True, "is_step_free": True},
            ),
            ("Phòng họp báo 2", "Briefing Room 2", 40, {"has_projector": True}),
        ],
    },
    {
        "name": "Cung Văn hóa Hữu nghị Việt Xô",
        "name_en": "Vietnam–Soviet Friendship Cultural Palace",
        "address": "91 Trần Hưng Đạo, Hoàn Kiếm",
        "city": "Hà Nội",
        "latitude": "21.022700",
        "longitude": "105.843300",
        "contact_phone": "024 3942 4321",
        "rooms": [
            (
                "Phòng Hội nghị quốc tế",
                "International Conference Room",
                200,
                {"has_interpretation": True, "has_projector": True, "has_photo_riser": True},
            ),
            ("Sảnh triển lãm", "Exhibition Hall", 500, {"is_step_free": True}),
        ],
    },
    {
        "name": "Trung tâm Hội nghị Quốc gia",
        "name_en": "National Convention Center",
        "address": "57 Phạm Hùng, Nam Từ Liêm",
        "city": "Hà Nội",
        "latitude": "21.006900",
        "longitude": "105.787100",
        "rooms": [
            (
                "Phòng Lotus",
                "Lotus Room",
                150,
                {"has_interpretation": True, "has_livestream": True},
            ),
        ],
    },
]

ORGANIZATIONS = [
    ("Sở Văn hóa và Thể thao Hà Nội", "Hanoi Department of Culture and Sports"),
    ("Sở Du lịch Hà Nội", "Hanoi Department of Tourism"),
    ("Trung tâm Báo chí Thủ đô", "Capital Press Center"),
]

# (days from today, hour, minutes long, kind, vi title, en title, organization index, room)
PROGRAMME = [
    (
        1,
        9,
        120,
        EventKind.PRESS_CONFERENCE,
        "Họp báo công bố Lễ hội Áo dài Hà Nội 2026",
        "Press conference: Hanoi Ao Dai Festival 2026",
        0,
        ("Hanoi Press Center", "Main Hall"),
    ),
    (
        2,
        14,
        150,
        EventKind.SEMINAR,
        "Tọa đàm: Báo chí số và trí tuệ nhân tạo",
        "Seminar: Digital journalism and artificial intelligence",
        2,
        ("Hanoi Press Center", "Briefing Room 1"),
    ),
    (
        4,
        8,
        240,
        EventKind.FORUM,
        "Diễn đàn Du lịch Hà Nội – Kết nối di sản",
        "Hanoi Tourism Forum – Connecting Heritage",
        1,
        ("Vietnam–Soviet Friendship Cultural Palace", "International Conference Room"),
    ),
    (
        6,
        9,
        90,
        EventKind.PRESS_CONFERENCE,
        "Họp báo thường kỳ quý IV của UBND Thành phố",
        "City People's Committee quarterly press briefing, Q4",
        2,
        ("Hanoi Press Center", "Main Hall"),
    ),
    (
        9,
        8,
        480,
        EventKind.CONFERENCE,
        "Hội nghị Thành phố thông minh ASEAN",
        "ASEAN Smart Cities Conference",
        2,
        ("National Convention Center", "Lotus Room"),
    ),
    (
        13,
        10,
        60,
        EventKind.PRESS_CONFERENCE,
        "Họp báo giải Marathon Quốc tế Di sản Hà Nội",
        "Press conference: Hanoi Heritage International Marathon",
        0,
        ("Hanoi Press Center", "Briefing Room 2"),
    ),
    (
        16,
        14,
        120,
        EventKind.SEMINAR,
        "Hội thảo bảo tồn phố cổ Hà Nội",
        "Seminar on preserving Hanoi's Old Quarter",
        1,
        ("Hanoi Press Center", "Briefing Room 1"),
    ),
    (
        20,
        9,
        180,
        EventKind.FORUM,
        "Diễn đàn Sáng tạo trẻ Thủ đô",
        "Capital Young Creators Forum",
        0,
        ("Vietnam–Soviet Friendship Cultural Palace", "International Conference Room"),
    ),
    (
        27,
        9,
        120,
        EventKind.PRESS_CONFERENCE,
        "Họp báo tổng kết năm Du lịch 2026",
        "Press conference: Tourism year 2026 in review",
        1,
        ("Hanoi Press Center", "Main Hall"),
    ),
]

SPEAKERS = [
    (
        "Nguyễn Thị Mai Hương",
        "Giám đốc Sở",
        "Director",
        0,
        "Hơn 20 năm kinh nghiệm quản lý văn hóa tại Thủ đô.",
        "Over 20 years in cultural management in the capital.",
    ),
    (
        "Trần Quốc Đạt",
        "Phó Giám đốc",
        "Deputy Director",
        1,
        "Phụ trách xúc tiến du lịch và hợp tác quốc tế.",
        "In charge of tourism promotion and international cooperation.",
    ),
    (
        "Lê Minh Châu",
        "Người phát ngôn",
        "Spokesperson",
        2,
        "Người phát ngôn của Trung tâm Báo chí Thủ đô.",
        "Spokesperson of the Capital Press Center.",
    ),
]


def _at(days: int, hour: int, minute: int = 0):
    today = timezone.localdate()
    return timezone.make_aware(datetime.combine(today + timedelta(days=days), time(hour, minute)))


class Command(BaseCommand):
    help = "Load bilingual demo data: venues, rooms, organizations, a month of events."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already holds events.",
        )

    def handle(self, *args, **options):
        from django.test import override_settings

        # The demo's notification e-mails go nowhere: they are sent after the transaction
        # commits, so the override must outlive it.
        quiet = override_settings(
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
        )
        with quiet:
            self._load(**options)

    @transaction.atomic
    def _load(self, *, if_empty=False, **options):
        if if_empty and Event.objects.exists():
            self.stdout.write("Database already has events; demo data not loaded.")
            return
        rooms = {}
        for spec in VENUES:
            spec = dict(spec)
            room_specs = spec.pop("rooms")
            venue = Venue.objects.filter(name=spec["name"]).first() or venue_services.venue_create(
                **spec
            )
            for name, name_en, capacity, features in room_specs:
                room = venue.rooms.filter(name=name).first() or venue_services.room_create(
                    venue=venue, name=name, name_en=name_en, capacity=capacity, **features
                )
                rooms[(spec["name_en"], name_en)] = room
        organizations = []
        for name, name_en in ORGANIZATIONS:
            org, _ = Organization.objects.get_or_create(
                name=name, defaults={"name_en": name_en, "slug": f"org-{len(organizations) + 1}"}
            )
            organizations.append(org)
        speakers = []
        for name, position, position_en, org_index, bio, bio_en in SPEAKERS:
            speaker = organizations[org_index].speakers.filter(name=name).first()
            speaker = speaker or event_services.speaker_create(
                organization=organizations[org_index],
                name=name,
                position=position,
                position_en=position_en,
                affiliation=organizations[org_index].name,
                affiliation_en=organizations[org_index].name_en,
                bio=bio,
                bio_en=bio_en,
            )
            speakers.append(speaker)

        created = 0
        for days, hour, minutes, kind, title, title_en, org_index, room_key in PROGRAMME:
            starts = _at(days, hour)
            ends = starts + timedelta(minutes=minutes)
            if Event.objects.filter(title=title).exists():
                continue
            event = event_services.event_create(
                organization=organizations[org_index],
                title=title,
                title_en=title_en,
                kind=kind,
                status=EventStatus.PUBLISHED,
                starts_at=starts,
                ends_at=ends,
                room=rooms[room_key],
                summary=f"{title}. Mời các cơ quan báo chí đăng ký tác nghiệp.",
                summary_en=f"{title_en}. Media are invited to apply for accreditation.",
                description="Chương trình gồm phát biểu khai mạc, thông tin chính và phần hỏi đáp "
                "với phóng viên.",
                description_en="The programme has opening remarks, the main announcement and "
                "questions from the press.",
                contact_name="Phạm Thu Trang",
                contact_phone="0912 345 678",
                contact_email="baochi@example.vn",
                press_capacity=min(rooms[room_key].capacity, 120),
                accreditation_opens_at=timezone.now() - timedelta(days=1),
                accreditation_closes_at=starts - timedelta(hours=12),
                allow_walk_ins=kind == EventKind.PRESS_CONFERENCE,
            )
            speaker = speakers[org_index]
            half = starts + timedelta(minutes=minutes // 2)
            event_services.agenda_item_create(
                event=event,
                starts_at=starts,
                ends_at=starts + timedelta(minutes=15),
                title="Đón tiếp đại biểu và phóng viên",
                title_en="Welcome of guests and press",
            )
            event_services.agenda_item_create(
                event=event,
                starts_at=starts + timedelta(minutes=15),
                ends_at=half,
                title="Phát biểu khai mạc và thông tin chính",
                title_en="Opening remarks and main announcement",
                speakers=[speaker],
            )
            event_services.agenda_item_create(
                event=event,
                starts_at=half,
                ends_at=ends,
                title="Hỏi đáp với báo chí",
                title_en="Questions from the press",
                speakers=[speaker],
            )
            created += 1

        exhibition_title = "Triển lãm ảnh “Hà Nội – Thành phố vì hòa bình”"
        if not Event.objects.filter(title=exhibition_title).exists():
            event_services.event_create(
                organization=organizations[0],
                title=exhibition_title,
                title_en="Photo exhibition “Hanoi – City for Peace”",
                kind=EventKind.EXHIBITION,
                status=EventStatus.PUBLISHED,
                starts_at=_at(3, 8),
                ends_at=_at(17, 18),
                room=rooms[("Vietnam–Soviet Friendship Cultural Palace", "Exhibition Hall")],
                summary="200 bức ảnh tư liệu về Hà Nội qua các thời kỳ.",
                summary_en="200 archive photographs of Hanoi through the ages.",
                press_capacity=60,
            )
            created += 1
        postponed_title = "Họp báo Lễ hội Ẩm thực đường phố"
        if not Event.objects.filter(title=postponed_title).exists():
            event_services.event_create(
                organization=organizations[1],
                title=postponed_title,
                title_en="Street Food Festival press conference",
                kind=EventKind.PRESS_CONFERENCE,
                status=EventStatus.POSTPONED,
                starts_at=_at(8, 15),
                ends_at=_at(8, 16),
                room=rooms[("Hanoi Press Center", "Briefing Room 2")],
                cancellation_reason="Hoãn do thời tiết xấu; thời gian mới sẽ được thông báo sau.",
            )
            created += 1

        users = self._users(organizations)
        accredited = self._journalists(users)
        self.stdout.write(
            self.style.SUCCESS(f"Demo data loaded: {created} events, {accredited} accreditations.")
        )

    def _journalists(self, users) -> int:
        """Outlets, journalists (log-in `journalist`/`journalist` is one) and their requests."""
        from accreditation import services as accreditation_services
        from accreditation.models import Accreditation, JournalistProfile, MediaOutlet

        if Accreditation.objects.exists():
            return 0
        outlets = [
            MediaOutlet.objects.get_or_create(
                name=name, defaults={"kind": kind, "country": country}
            )[0]
            for name, kind, country in (
                ("Báo Tin tức Thủ đô", "newspaper", "VN"),
                ("Đài Phát thanh và Truyền hình Thủ đô", "tv", "VN"),
                ("Tạp chí Văn hóa Hà Nội", "magazine", "VN"),
                ("Asia Pacific Newswire", "news_agency", "SG"),
            )
        ]
        people = [
            ("journalist", "Nguyễn Thị Mai Hương", 0, "writer", "VN"),
            (None, "Trần Quang Huy", 1, "video", "VN"),
            (None, "Lê Thu Trang", 0, "photographer", "VN"),
            (None, "Phạm Đức Anh", 2, "writer", "VN"),
            (None, "Hoàng Minh Ngọc", 1, "radio", "VN"),
            (None, "Emily Carter", 3, "writer", "GB"),
        ]
        User = get_user_model()
        events = list(
            Event.objects.filter(
                status=EventStatus.PUBLISHED, accreditation_closes_at__isnull=False
            ).order_by("starts_at")
        )
        events = [event for event in events if event.accreditation_is_open()][:2]
        organizer = users["organizer"]
        count = 0
        for index, (username, name, outlet, role, country) in enumerate(people):
            user = None
            if username and not User.objects.filter(username=username).exists():
                user = User.objects.create_user(username, f"{username}@example.vn", username)
            profile = JournalistProfile.objects.create(
                user=user,
                full_name=name,
                email=f"press{index}@example.vn",
                phone=f"0912 000 00{index}",
                nationality=country,
                outlet=outlets[outlet],
                role=role,
                press_card_number=f"{123450 + index}" if country == "VN" else "",
                foreign_permit_number="" if country == "VN" else "FP-2026-118",
                press_card_expiry=timezone.localdate() + timedelta(days=700),
                email_verified_at=timezone.now(),
                consent_at=timezone.now(),
            )
            for event_index, event in enumerate(events):
                accreditation = accreditation_services.accreditation_request(
                    journalist=profile, event=event, by=organizer
                )
                count += 1
                if (index + event_index) % 3 != 2:
                    accreditation_services.accreditation_approve(
                        accreditation=accreditation, by=organizer
                    )
        return count

    def _users(self, organizations):
        """Demo log-ins (development only): admin, an organizer and a front-desk clerk."""
        User = get_user_model()
        if not User.objects.filter(username="admin").exists():
            User.objects.create_superuser("admin", "admin@example.vn", "admin")
        for username, role in (
            ("organizer", MembershipRole.ORGANIZER),
            ("desk", MembershipRole.FRONT_DESK),
        ):
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User.objects.create_user(username, f"{username}@example.vn", username)
            for org in organizations:
                Membership.objects.get_or_create(
                    user=user, organization=org, defaults={"role": role}
                )
        return {"organizer": User.objects.get(username="organizer")}
