"""Factories for every model, in one place."""

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from accreditation.badges import badge_issue, badge_serial, new_badge_code
from accreditation.models import (
    Accreditation,
    AccreditationStatus,
    Badge,
    JournalistProfile,
    JournalistRole,
    MediaOutlet,
    OutletKind,
    OutletQuota,
)
from events.models import AgendaItem, Event, EventKind, EventStatus, Speaker
from organizations.models import Membership, MembershipRole, Organization
from venues.models import Room, Venue


def in_days(days: float, hour: int = 9):
    """A UTC time `days` from now, at a round hour (09:00 ICT by default)."""
    local = timezone.localtime(timezone.now() + timedelta(days=days))
    return local.replace(hour=hour, minute=0, second=0, microsecond=0)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = "Mai"
    last_name = "Nguyễn"
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Sở Văn hóa và Thể thao {n}")
    name_en = factory.Sequence(lambda n: f"Department of Culture and Sports {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = MembershipRole.ORGANIZER


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Trung tâm Báo chí {n}")
    name_en = factory.Sequence(lambda n: f"Press Center {n}")
    slug = factory.Sequence(lambda n: f"venue-{n}")
    address = "2 Lê Thạch, Hoàn Kiếm"
    city = "Hà Nội"


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    venue = factory.SubFactory(VenueFactory)
    name = factory.Sequence(lambda n: f"Phòng {n}")
    name_en = factory.Sequence(lambda n: f"Room {n}")
    capacity = 120
    has_interpretation = True


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Họp báo về Lễ hội Áo dài Hà Nội {n}")
    title_en = factory.Sequence(lambda n: f"Press conference on the Hanoi Ao Dai Festival {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    summary = "Thông tin về chương trình lễ hội."
    kind = EventKind.PRESS_CONFERENCE
    status = EventStatus.PUBLISHED
    # Each event gets its own room by default, so factories never trip the double-booking rule.
    room = factory.SubFactory(RoomFactory)
    starts_at = factory.Sequence(lambda n: in_days(7 + n % 50))
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + timedelta(hours=2))
    press_capacity = 50


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Trần Văn Đức {n}")
    position = "Giám đốc"
    position_en = "Director"
    bio = "Nhà báo, nhà quản lý văn hóa."


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Phát biểu khai mạc {n}")
    starts_at = factory.LazyAttribute(lambda a: a.event.starts_at)
    ends_at = factory.LazyAttribute(lambda a: a.event.starts_at + timedelta(minutes=30))


class MediaOutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MediaOutlet

    name = factory.Sequence(lambda n: f"Báo Tuổi Trẻ {n}")
    kind = OutletKind.NEWSPAPER
    country = "VN"


class JournalistProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JournalistProfile

    user = factory.SubFactory(UserFactory)
    full_name = factory.Sequence(lambda n: f"Nguyễn Thị Mai Hương {n}")
    email = factory.LazyAttribute(lambda p: p.user.email if p.user else "walkin@example.org")
    phone = "+84 912 345 678"
    nationality = "VN"
    outlet = factory.SubFactory(MediaOutletFactory)
    role = JournalistRole.WRITER
    press_card_number = factory.Sequence(lambda n: f"{100000 + n}")
    press_card_expiry = factory.LazyFunction(lambda: (timezone.now() + timedelta(days=900)).date())
    email_verified_at = factory.LazyFunction(timezone.now)


class AccreditationFactory(factory.django.DjangoModelFactory):
    """A request; an APPROVED one comes with its badge, as approval issues it.

    `AccreditationFactory(status=APPROVED, badge=False)` is approved without a badge, for tests
    of issuing one.
    """

    class Meta:
        model = Accreditation
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory)
    journalist = factory.SubFactory(JournalistProfileFactory)
    category = factory.LazyAttribute(lambda a: a.journalist.role)
    status = AccreditationStatus.PENDING

    @factory.post_generation
    def badge(obj, create, extracted, **kwargs):
        if create and obj.status == AccreditationStatus.APPROVED and extracted is not False:
            badge_issue(accreditation=obj, by=None)


class OutletQuotaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutletQuota

    event = factory.SubFactory(EventFactory)
    category = JournalistRole.WRITER
    limit = 2


class PressReleaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "press.PressRelease"

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Thông cáo báo chí số {n}")
    body = (
        "Hà Nội sẽ tổ chức **Lễ hội Áo dài** vào tháng Ba.\n\n"
        "Thông tin chi tiết *sẽ được cập nhật*."
    )
    language = "vi"
    audience = "public"
    embargo_until = None


class MediaContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "press.MediaContact"

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Lê Thị Thu Hà {n}")
    role = "Phụ trách báo chí"
    role_en = "Press officer"
    phone = "+84 24 3825 1234"
    email = factory.Sequence(lambda n: f"press{n}@example.org")


class BadgeFactory(factory.django.DjangoModelFactory):
    """A badge made field by field, for an accreditation that has none yet.

    An approved journalist's badge is simply `AccreditationFactory(status=APPROVED)`'s; this
    is for what approval alone does not make: a second print run, a revoked holder's badge.
    """

    class Meta:
        model = Badge

    accreditation = factory.SubFactory(
        AccreditationFactory, status=AccreditationStatus.APPROVED, badge=False
    )
    code = factory.LazyFunction(new_badge_code)
    version = 1
    serial = factory.LazyAttribute(lambda b: badge_serial(b.accreditation, b.version))
    issued_at = factory.LazyFunction(timezone.now)
