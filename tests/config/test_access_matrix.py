"""Role × endpoint matrix: who may read what, for every route of the site and the API.

Every named route must be classified here. A new route that is not fails
`test_every_route_is_classified`, so nobody adds a page or an endpoint without deciding who may
reach it. Writes (POST/PATCH/DELETE) are tried role by role in each app's own tests; this
matrix reads every page and endpoint with GET as each role, on one shared world with two
organizations and two journalists, so object-level leaks (another journalist's data, another
organization's event) show up too, and checks that no GET changes a row of it. The world is
built once for the module (see `world`).
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from accreditation.models import (
    Accreditation,
    AccreditationLog,
    Badge,
    JournalistProfile,
)
from accreditation.services import accreditation_approve
from checkin.models import CheckIn
from events.models import AgendaItem, Event, EventStatus, Speaker
from organizations.models import Membership, MembershipRole, Organization
from press.models import MediaContact, PressRelease, PressReleaseAttachment
from tests.conftest import FAST_PASSWORD_HASHERS, ROLES_WITH_OTHER_JOURNALIST, logged_in
from tests.factories import (
    AccreditationFactory,
    AgendaItemFactory,
    EventFactory,
    JournalistProfileFactory,
    MediaContactFactory,
    MembershipFactory,
    OrganizationFactory,
    PressReleaseFactory,
    SpeakerFactory,
    UserFactory,
)
from venues.models import Room, Venue

ROLES = ROLES_WITH_OTHER_JOURNALIST

# Who may read (GET) each route. Everyone else must be refused (401/403/404 or a redirect to
# the log-in page).
EVERYONE = set(ROLES)
SIGNED_IN = EVERYONE - {"anonymous"}
OWNER = {"journalist", "organizer", "superuser"}  # the journalist and the event's organizers
ORGANIZERS = {"organizer", "superuser"}
ANY_ORGANIZER = {"organizer", "other_organizer", "superuser"}
DESK = {"front_desk", "organizer", "superuser"}
JOURNALISTS = {"journalist", "other_journalist"}

MATRIX = {
    # public pages
    "home": EVERYONE,
    "event-list": EVERYONE,
    "event-detail": EVERYONE,
    "venue-list": EVERYONE,
    "venue-detail": EVERYONE,
    "press-kit-pdf": EVERYONE,
    "press-release-detail": EVERYONE,
    "event-calendar": EVERYONE,
    "calendar-feed": EVERYONE,
    "signup": {"anonymous"},  # signed-in users are sent on elsewhere
    "login": EVERYONE,
    "password_reset": EVERYONE,
    "password_reset_done": EVERYONE,
    "password_reset_complete": EVERYONE,
    "password_change": SIGNED_IN,
    "password_change_done": SIGNED_IN,
    # the journalist's own pages and files
    "my-profile": SIGNED_IN,
    "my-accreditations": SIGNED_IN,
    "my-data-export": JOURNALISTS,
    "my-delete": JOURNALISTS,
    "my-badge": OWNER,
    "my-badge-pdf": OWNER,
    "personal-calendar": EVERYONE,  # the secret token in the URL is the credential
    "journalist-photo": OWNER | {"front_desk"},  # the desk compares faces of approved holders
    "accreditation-letter": OWNER,
    # organizer console
    "manage-dashboard": ANY_ORGANIZER,
    "manage-event-list": ANY_ORGANIZER,
    "manage-event-create": ANY_ORGANIZER,
    "manage-event-detail": ORGANIZERS,
    "manage-event-edit": ORGANIZERS,
    "manage-event-status": ORGANIZERS,
    "manage-event-duplicate": ORGANIZERS,
    "manage-event-delete": ORGANIZERS,
    "manage-agenda-create": ORGANIZERS,
    "manage-agenda-edit": ORGANIZERS,
    "manage-agenda-delete": ORGANIZERS,
    "manage-speaker-create": ORGANIZERS,
    "manage-speaker-edit": ORGANIZERS,
    "manage-speaker-remove": ORGANIZERS,
    "manage-venue-list": ANY_ORGANIZER,
    "manage-venue-create": ANY_ORGANIZER,
    "manage-venue-edit": ANY_ORGANIZER,
    "manage-room-create": ANY_ORGANIZER,
    "manage-room-availability": ANY_ORGANIZER,
    "manage-room-edit": ANY_ORGANIZER,
    "manage-room-week": ANY_ORGANIZER,
    "accreditation-review": ORGANIZERS,
    "press-desk": ORGANIZERS,
    "press-release-create": ORGANIZERS,
    "press-release-edit": ORGANIZERS,
    "press-attachment-download": EVERYONE,  # attachment of a public, unembargoed release
    "desk": DESK,
    "desk-walk-in": ORGANIZERS,  # front desk only scans and searches
    "manage-event-badges": ORGANIZERS,
    "manage-event-badges-pdf": ORGANIZERS,
    "manage-badge-reprint": ORGANIZERS,
    "manage-event-attendance": DESK,
    "manage-event-attendance-json": DESK,
    "manage-event-attendance-csv": ORGANIZERS,  # a list of names: organizers only
    "manage-desk-home": DESK | ANY_ORGANIZER,  # each sees their own organizations' events
    "manage-team": ANY_ORGANIZER,  # each sees their own organizations' members
    # API
    "api-organization-list": EVERYONE,
    "api-organization-detail": EVERYONE,
    "api-venue-list": EVERYONE,
    "api-venue-detail": EVERYONE,
    "api-room-list": EVERYONE,
    "api-room-detail": EVERYONE,
    "api-event-list": EVERYONE,
    "api-event-detail": EVERYONE,
    "api-event-agenda": EVERYONE,
    "api-agenda-item-detail": EVERYONE,
    "api-speaker-list": EVERYONE,
    "api-speaker-detail": EVERYONE,
    "api-journalist-me": JOURNALISTS,
    "api-journalist-me-export": JOURNALISTS,
    "api-journalist-list": ANY_ORGANIZER,  # limited to journalists of their own events
    "api-journalist-detail": OWNER,
    "api-outlet-list": EVERYONE,
    "api-accreditation-list": SIGNED_IN,  # each sees only their own rows (checked below)
    "api-accreditation-detail": OWNER,
    "api-accreditation-badge": OWNER,
    "api-event-badges": ORGANIZERS,
    "api-event-desk-search": DESK,
    "api-checkin-list": DESK,
    "api-press-release-list": EVERYONE,
    "api-press-release-detail": EVERYONE,
    "api-press-attachment": EVERYONE,
    "api-event-press-kit": EVERYONE,
    "api-schema": EVERYONE,
    "api-docs": EVERYONE,
}

# Routes that only take writes (or a one-off token); their role checks live in the app tests.
WRITE_ONLY = {
    "set-language",
    "logout",
    "verify-email",
    "password_reset_confirm",
    "api-token",
    "api-event-status",
    "api-journalist-calendar-token",
    "api-outlet-merge",
    "api-accreditation-bulk",
    "api-accreditation-approve",
    "api-accreditation-waitlist",
    "api-accreditation-reject",
    "api-accreditation-revoke",
    "api-accreditation-cancel",
    "api-event-accreditation-promote",
    "api-accreditation-reprint",
    "accreditation-cancel",
    "my-calendar-token",
    "accreditation-review-bulk",
    "accreditation-review-promote",
    "accreditation-review-quotas",
    "accreditation-review-action",
    "public-media",
    "accreditation-request",
    "resend-verification",
    "manage-speaker-attach",
    "press-release-delete",
    "media-contact-delete",
    "api-press-release-attachments",
    # The team page's role change (POST) and removal (GET asks first); every role is tried in
    # tests/console/test_team.py.
    "manage-team-role",
    "manage-team-remove",
}
NOT_ROUTES_OF_OURS = {None}


def all_route_names():
    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if getattr(pattern, "app_name", None) == "admin":
                    continue
                yield from walk(pattern.url_patterns)
            elif isinstance(pattern, URLPattern):
                yield pattern.name

    return set(walk(get_resolver().url_patterns)) - NOT_ROUTES_OF_OURS


def test_every_route_is_classified():
    unclassified = sorted(all_route_names() - set(MATRIX) - WRITE_ONLY)
    assert unclassified == [], "classify these routes in MATRIX or WRITE_ONLY"
    assert not set(MATRIX) & WRITE_ONLY


@pytest.fixture(scope="module")
def media_root(tmp_path_factory):
    """One folder for the world's files, which every test of the module reads."""
    return tmp_path_factory.mktemp("matrix-media")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, media_root):
    """The world every test here reads, built once for the module.

    It lives in a transaction opened before the first test and rolled back after the last;
    each test still runs in its own savepoint (`db`), so what one test writes (sessions, log-in
    times) is gone before the next.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    try:
        with (
            django_db_blocker.unblock(),
            override_settings(MEDIA_ROOT=media_root, PASSWORD_HASHERS=FAST_PASSWORD_HASHERS),
        ):
            built = build_world()
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def build_world():
    """Two organizations with a member of each role, one organization's event with everything
    attached, and two journalists, one of them approved for that event."""
    organization, other_organization = OrganizationFactory(), OrganizationFactory()

    def member(organization, role, username):
        return MembershipFactory(organization=organization, role=role, user__username=username).user

    organizer = member(organization, MembershipRole.ORGANIZER, "organizer")
    front_desk = member(organization, MembershipRole.FRONT_DESK, "frontdesk")
    other_organizer = member(other_organization, MembershipRole.ORGANIZER, "otherorganizer")
    journalist = UserFactory(username="journalist")
    superuser = UserFactory(username="admin", is_superuser=True, is_staff=True)

    event = EventFactory(organization=organization, allow_walk_ins=True)
    item = AgendaItemFactory(event=event)
    speaker = SpeakerFactory(organization=organization)
    event.speakers.add(speaker)
    item.speakers.add(speaker)
    EventFactory(organization=other_organization)
    EventFactory(organization=organization, status=EventStatus.DRAFT)
    profile = JournalistProfileFactory(user=journalist)
    profile.photo.save("p.jpg", ContentFile(b"\xff\xd8\xff photo"), save=True)
    accreditation = AccreditationFactory(event=event, journalist=profile)
    accreditation.assignment_letter.save("l.pdf", ContentFile(b"%PDF-1.4 x"), save=True)
    accreditation_approve(accreditation=accreditation, by=organizer)
    other = JournalistProfileFactory(user=UserFactory(username="otherjournalist"))
    release = PressReleaseFactory(event=event)
    attachment = release.attachments.create(
        file=ContentFile(b"%PDF-1.4 attachment", name="a.pdf"),
        original_name="a.pdf",
        content_type="application/pdf",
        size=19,
        kind="pdf",
    )
    contact = MediaContactFactory(event=event)
    return {
        "event": event,
        "item": item,
        "speaker": speaker,
        "room": event.room,
        "venue": event.room.venue,
        "profile": profile,
        "other_profile": other,
        "accreditation": accreditation,
        "release": release,
        "attachment": attachment,
        "contact": contact,
        "users": {
            "anonymous": None,
            "journalist": journalist,
            "other_journalist": other.user,
            "front_desk": front_desk,
            "organizer": organizer,
            "other_organizer": other_organizer,
            "superuser": superuser,
        },
    }


def url_for(name, world):
    """The URL of route `name` in the world (its kwargs filled from the world's objects)."""
    e = world["event"]
    by_name = {
        "event-detail": {"slug": e.slug},
        "press-kit-pdf": {"slug": e.slug},
        "press-release-detail": {"slug": e.slug, "pk": world["release"].pk},
        "event-calendar": {"slug": e.slug},
        "venue-detail": {"slug": world["venue"].slug},
        "personal-calendar": {"token": world["profile"].calendar_token},
        "my-badge": {"pk": world["accreditation"].pk},
        "my-badge-pdf": {"pk": world["accreditation"].pk},
        "journalist-photo": {"pk": world["profile"].pk},
        "accreditation-letter": {"pk": world["accreditation"].pk},
        "accreditation-request": {"slug": e.slug},
        "manage-event-status": {"slug": e.slug, "action": "cancel"},
        "manage-badge-reprint": {"slug": e.slug, "pk": world["accreditation"].pk},
        "manage-agenda-edit": {"slug": e.slug, "pk": world["item"].pk},
        "manage-agenda-delete": {"slug": e.slug, "pk": world["item"].pk},
        "manage-speaker-edit": {"slug": e.slug, "pk": world["speaker"].pk},
        "manage-speaker-remove": {"slug": e.slug, "pk": world["speaker"].pk},
        "manage-venue-edit": {"pk": world["venue"].pk},
        "manage-room-edit": {"pk": world["room"].pk},
        "manage-room-week": {"pk": world["room"].pk},
        "press-release-edit": {"slug": e.slug, "pk": world["release"].pk},
        "press-release-delete": {"slug": e.slug, "pk": world["release"].pk},
        "media-contact-delete": {"slug": e.slug, "pk": world["contact"].pk},
        "press-attachment-download": {"pk": world["attachment"].pk},
        "api-organization-detail": {"pk": e.organization_id},
        "api-venue-detail": {"pk": world["venue"].pk},
        "api-room-detail": {"pk": world["room"].pk},
        "api-event-detail": {"pk": e.pk},
        "api-event-agenda": {"pk": e.pk},
        "api-agenda-item-detail": {"pk": world["item"].pk},
        "api-speaker-detail": {"pk": world["speaker"].pk},
        "api-journalist-detail": {"pk": world["profile"].pk},
        "api-accreditation-detail": {"pk": world["accreditation"].pk},
        "api-accreditation-badge": {"pk": world["accreditation"].pk},
        "api-event-badges": {"pk": e.pk},
        "api-event-desk-search": {"pk": e.pk},
        "api-press-release-detail": {"pk": world["release"].pk},
        "api-press-release-attachments": {"pk": world["release"].pk},
        "api-press-attachment": {"pk": world["attachment"].pk},
        "api-event-press-kit": {"pk": e.pk},
    }
    kwargs = by_name.get(name)
    if kwargs is None:
        try:
            return reverse(name)
        except Exception:  # noqa: BLE001 - every other route with kwargs takes the event slug
            return reverse(name, kwargs={"slug": e.slug})
    return reverse(name, kwargs=kwargs)


QUERIES = {
    "api-checkin-list": "?event={event}",
    "api-event-desk-search": "?q=Nguyễn",
    "manage-room-availability": "?room={room}&starts_at=2030-01-01T09:00&ends_at=2030-01-01T10:00",
}


def client_as(role, world):
    return logged_in(world["users"][role], client_class=APIClient)


def is_refused(response) -> bool:
    if response.status_code in (401, 403, 404):
        return True
    return response.status_code == 302 and "/accounts/login/" in response.get("Location", "")


# What no GET may change, whoever asks and whether or not they are let in. (Sessions are not
# here: logging in writes them, and a page may keep the chosen language in one.)
WORLD_TABLES = [
    get_user_model(),
    Organization,
    Membership,
    Venue,
    Room,
    Event,
    AgendaItem,
    Speaker,
    JournalistProfile,
    Accreditation,
    AccreditationLog,
    Badge,
    CheckIn,
    PressRelease,
    PressReleaseAttachment,
    MediaContact,
]


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_role_reaches_exactly_what_it_may(name, world, db, assert_unchanged):
    query = QUERIES.get(name, "").format(event=world["event"].pk, room=world["room"].pk)
    url = url_for(name, world) + query
    clients = {role: client_as(role, world) for role in ROLES}  # logging in writes; GETs don't
    with assert_unchanged(*WORLD_TABLES):
        responses = {role: client.get(url) for role, client in clients.items()}
    wrong = []
    for role, response in responses.items():
        allowed = role in MATRIX[name]
        if allowed and response.status_code != 200:
            wrong.append(f"{role}: expected 200, got {response.status_code}")
        sent_away = name == "signup" and response.status_code == 302
        if not allowed and not (is_refused(response) or sent_away):
            wrong.append(f"{role}: expected a refusal, got {response.status_code}")
    assert wrong == [], f"{name} {url}"


@pytest.mark.parametrize("role", ROLES)
def test_lists_never_show_another_journalists_requests(role, world, db):
    rows = client_as(role, world).get("/api/v1/accreditations/")
    if rows.status_code != 200:
        assert role == "anonymous"
        return
    journalist_ids = {row["journalist"] for row in rows.json()["results"]}
    expected = {world["profile"].pk} if role in OWNER else set()
    assert journalist_ids == expected
