"""Roles every endpoint is tried with, clients logged in as each of them, and shared checks."""

from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.db import models
from django.test import Client
from rest_framework.test import APIClient

from organizations.models import MembershipRole
from tests.factories import EventFactory, MembershipFactory, OrganizationFactory, UserFactory

ROLES = ["anonymous", "journalist", "front_desk", "organizer", "other_organizer", "superuser"]
# The same with a second journalist, for pages and endpoints that hold one journalist's data.
ROLES_WITH_OTHER_JOURNALIST = [
    "anonymous",
    "journalist",
    "other_journalist",
    "front_desk",
    "organizer",
    "other_organizer",
    "superuser",
]


# Tests make many users; the real hasher's deliberate slowness would only cost time.
FAST_PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def media_root(tmp_path):
    """Where uploads go: the test's own folder (a module sharing one world overrides it)."""
    return tmp_path / "media"


@pytest.fixture(autouse=True)
def _test_settings(settings, media_root):
    """Uploads go to `media_root`; passwords use a fast hasher."""
    settings.MEDIA_ROOT = media_root
    settings.PASSWORD_HASHERS = FAST_PASSWORD_HASHERS
    cache.clear()  # throttling counters must not leak from one test into the next


@pytest.fixture
def organization(db):
    return OrganizationFactory()


@pytest.fixture
def other_organization(db):
    return OrganizationFactory()


@pytest.fixture
def journalist(db):
    """A plain signed-up user with no role in any organization."""
    return UserFactory(username="journalist")


@pytest.fixture
def organizer(organization):
    return MembershipFactory(
        organization=organization, role=MembershipRole.ORGANIZER, user__username="organizer"
    ).user


@pytest.fixture
def front_desk(organization):
    return MembershipFactory(
        organization=organization, role=MembershipRole.FRONT_DESK, user__username="frontdesk"
    ).user


@pytest.fixture
def other_organizer(other_organization):
    return MembershipFactory(
        organization=other_organization,
        role=MembershipRole.ORGANIZER,
        user__username="otherorganizer",
    ).user


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def user_for_role(request, journalist, front_desk, organizer, other_organizer, superuser):
    """Look up the user playing a role by name (None for anonymous).

    The users of ROLES all exist from the start, as in a real site; "other_journalist" (with
    a profile) is made only when a test asks for that role.
    """
    users = {
        "anonymous": None,
        "journalist": journalist,
        "front_desk": front_desk,
        "organizer": organizer,
        "other_organizer": other_organizer,
        "superuser": superuser,
    }

    def get(role: str):
        if role == "other_journalist":
            return request.getfixturevalue("other_journalist")
        return users[role]

    return get


def logged_in(user, *, client_class=Client, language: str | None = None):
    """A new `client_class` with a session for `user` (none for None: anonymous).

    `language` sets the language cookie, as a browser that chose it would send.
    """
    client = client_class()
    if language is not None:
        client.cookies["django_language"] = language
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def client_for(user_for_role):
    """`client_for(role)`: a django.test.Client with a session for the named role, for pages.

    `client_for(role, language="en")` also sends that language cookie.
    """

    def make(role: str, *, language: str | None = None) -> Client:
        return logged_in(user_for_role(role), language=language)

    return make


@pytest.fixture
def api_client_for(user_for_role):
    """`api_client_for(role)`: a DRF APIClient authenticated as the named role."""

    def make(role: str) -> APIClient:
        client = APIClient()
        user = user_for_role(role)
        if user is not None:
            client.force_authenticate(user)
        return client

    return make


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture
def event(organization):
    """A published event of `organization`, a week from now."""
    return EventFactory(organization=organization)


@pytest.fixture
def journalist_profile(journalist):
    """The `journalist` user's verified profile (writer at a newspaper)."""
    from tests.factories import JournalistProfileFactory

    return JournalistProfileFactory(user=journalist, email=journalist.email)


@pytest.fixture
def other_journalist(db):
    """A second journalist, with a profile, who must never see the first one's data."""
    from tests.factories import JournalistProfileFactory

    return JournalistProfileFactory(user__username="otherjournalist").user


@pytest.fixture
def approve(db):
    """Approve a user's accreditation for an event: `approve(user, event)` (badge included)."""
    from accreditation.models import AccreditationStatus
    from tests.factories import AccreditationFactory

    def make(user, event):
        return AccreditationFactory(
            event=event, journalist__user=user, status=AccreditationStatus.APPROVED
        )

    return make


def _rows(thing):
    """What `thing` holds in the database now: one instance's row (None once deleted) with its
    many-to-many ids, or every row of a model class or a queryset."""
    if isinstance(thing, models.Model):
        model = type(thing)
        row = model._base_manager.filter(pk=thing.pk).values().first()
        if row is not None:
            for field in model._meta.many_to_many:
                row[field.name] = sorted(getattr(thing, field.name).values_list("pk", flat=True))
        return row
    queryset = thing._base_manager.all() if isinstance(thing, type) else thing
    return list(queryset.order_by("pk").values())


@pytest.fixture
def assert_unchanged():
    """`with assert_unchanged(event, Badge):` fails if the block changed anything they hold.

    Pass instances (their row is re-read and compared column by column, many-to-many ids too;
    a deleted row fails), model classes (every row: one added or removed fails) or querysets.
    `unless=True` skips the comparison, for the roles whose write is allowed and whose test
    checks what it changed: `with assert_unchanged(event, unless=role in ALLOWED):`.
    """

    @contextmanager
    def check(*things, unless: bool = False):
        before = [_rows(thing) for thing in things]
        yield
        if not unless:
            after = [_rows(thing) for thing in things]
            assert after == before, "a refused write changed the database"

    return check
