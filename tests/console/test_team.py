"""The team page: organizers add, invite, change and remove their organization's members."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organizations import services
from organizations.models import Membership, MembershipRole
from tests.conftest import ROLES
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()

PAGE = {
    "anonymous": 302,
    "journalist": 403,
    "front_desk": 403,
    "organizer": 200,
    "other_organizer": 200,
    "superuser": 200,
}
ONE_MEMBER = {**PAGE, "other_organizer": 404}


@pytest.fixture
def member(organization):
    return MembershipFactory(
        organization=organization,
        role=MembershipRole.FRONT_DESK,
        user__username="lan",
        user__first_name="Lan",
        user__last_name="Phạm Thị",
    )


@pytest.mark.parametrize("role", ROLES)
def test_team_page_by_role(role, client_for, member):
    response = client_for(role).get(reverse("manage-team"))

    assert response.status_code == PAGE[role]
    if role == "other_organizer":
        assert "Phạm Thị" not in response.content.decode()  # another organization's people


@pytest.mark.parametrize("role", ROLES)
def test_remove_page_by_role(role, client_for, member):
    response = client_for(role).get(reverse("manage-team-remove", args=[member.pk]))

    assert response.status_code == ONE_MEMBER[role]


@pytest.mark.parametrize("role", ROLES)
def test_role_change_by_role(role, client_for, assert_unchanged, member):
    with assert_unchanged(Membership, unless=ONE_MEMBER[role] == 200):
        response = client_for(role).post(
            reverse("manage-team-role", args=[member.pk]), {"role": "organizer"}
        )

    member.refresh_from_db()
    allowed = ONE_MEMBER[role] == 200
    assert response.status_code == (302 if allowed else ONE_MEMBER[role])
    assert member.role == ("organizer" if allowed else "front_desk")


@pytest.mark.parametrize("role", ROLES)
def test_removing_a_member_by_role(role, client_for, assert_unchanged, member):
    allowed = ONE_MEMBER[role] == 200
    with assert_unchanged(Membership, unless=allowed):
        response = client_for(role).post(reverse("manage-team-remove", args=[member.pk]))

    assert response.status_code == (302 if allowed else ONE_MEMBER[role])
    assert Membership.objects.filter(pk=member.pk).exists() is not allowed


def test_team_page_lists_members_with_the_same_number_of_queries_for_few_and_many(
    client_for, organization, member, django_assert_num_queries
):
    client = client_for("organizer")
    client.get(reverse("manage-team"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("manage-team"))
    MembershipFactory.create_batch(8, organization=organization, role=MembershipRole.FRONT_DESK)

    with django_assert_num_queries(len(few)):
        response = client.get(reverse("manage-team"))
    assert response.content.decode().count('id="member-') == 11


def test_adding_an_existing_user_by_email_makes_them_front_desk(
    client_for, organization, front_desk
):
    someone = UserFactory(username="thu", email="thu@example.org")

    response = client_for("organizer").post(
        reverse("manage-team"),
        {"organization": organization.pk, "login": "THU@example.org", "role": "front_desk"},
    )

    assert response.status_code == 302
    membership = Membership.objects.get(user=someone, organization=organization)
    assert membership.role == MembershipRole.FRONT_DESK
    assert mail.outbox == []  # they already have an account: no invitation
    # and the new member reaches the desk pages at once
    client = Client()
    client.force_login(someone)
    assert client.get(reverse("manage-desk-home")).status_code == 200


def test_inviting_a_new_email_creates_an_account_without_password_and_sends_the_reset_link(
    client_for, organization, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("organizer").post(
            reverse("manage-team") + "?lang=en",
            {"organization": organization.pk, "login": "Moi@Example.org", "role": "organizer"},
        )

    assert response.status_code == 302
    user = User.objects.get(email="moi@example.org")
    assert not user.has_usable_password()
    assert Membership.objects.get(user=user).role == MembershipRole.ORGANIZER
    [message] = mail.outbox
    assert message.to == ["moi@example.org"]
    assert organization.tr("name", "en") in message.subject  # in the inviter's language
    link = re.search(r"http\S+/accounts/reset/(\S+)/(\S+)/", message.body)
    assert link is not None
    # The link works: Django's reset page accepts it and lets them choose a password.
    page = Client().get(link.group(0), follow=True)
    assert page.status_code == 200
    assert b'name="new_password1"' in page.content


def test_adding_an_unknown_username_says_so_next_to_the_field(client_for, organization):
    response = client_for("organizer").post(
        reverse("manage-team") + "?lang=en",
        {"organization": organization.pk, "login": "nobody-here", "role": "front_desk"},
    )

    assert response.status_code == 400
    content = response.content.decode()
    assert "field-login has-error" in content
    assert 'value="nobody-here"' in content
    assert not User.objects.filter(username="nobody-here").exists()


def test_adding_someone_twice_is_refused(client_for, organization, member):
    response = client_for("organizer").post(
        reverse("manage-team") + "?lang=en",
        {"organization": organization.pk, "login": "lan", "role": "organizer"},
    )

    assert response.status_code == 400
    assert "already a member" in response.content.decode()
    member.refresh_from_db()
    assert member.role == MembershipRole.FRONT_DESK


def test_an_organizer_cannot_add_people_to_another_organization(client_for, other_organization):
    UserFactory(username="thu")

    response = client_for("organizer").post(
        reverse("manage-team"),
        {"organization": other_organization.pk, "login": "thu", "role": "organizer"},
    )

    assert response.status_code == 400  # not among the choices
    assert not Membership.objects.filter(organization=other_organization, user__username="thu")


def test_removing_a_member_after_confirmation(client_for, member):
    client = client_for("organizer")
    url = reverse("manage-team-remove", args=[member.pk])
    assert "Phạm Thị" in client.get(url + "?lang=en").content.decode()

    response = client.post(url)

    assert response.status_code == 302
    assert not Membership.objects.filter(pk=member.pk).exists()
    assert User.objects.filter(pk=member.user_id).exists()  # the account stays


def test_the_last_organizer_cannot_leave_or_step_down(
    client_for, assert_unchanged, organizer, organization
):
    own = Membership.objects.get(user=organizer, organization=organization)
    client = client_for("organizer")

    with assert_unchanged(Membership):
        removed = client.post(reverse("manage-team-remove", args=[own.pk]) + "?lang=en")
        demoted = client.post(
            reverse("manage-team-role", args=[own.pk]) + "?lang=en",
            {"role": "front_desk"},
            follow=True,
        )

    assert removed.status_code == 409
    assert "at least one organizer" in removed.content.decode()
    assert "at least one organizer" in demoted.content.decode()
    own.refresh_from_db()
    assert own.role == MembershipRole.ORGANIZER


def test_an_organizer_may_leave_when_another_organizer_stays(client_for, organizer, organization):
    MembershipFactory(organization=organization, role=MembershipRole.ORGANIZER)
    own = Membership.objects.get(user=organizer, organization=organization)

    response = client_for("organizer").post(reverse("manage-team-remove", args=[own.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert not Membership.objects.filter(pk=own.pk).exists()


def test_membership_services_raise_domain_errors_with_codes(organization, organizer):
    own = Membership.objects.get(user=organizer)
    with pytest.raises(services.MembershipError) as last:
        services.membership_remove(membership=own, by=organizer)
    assert last.value.code == "last_organizer"
    with pytest.raises(services.MembershipError) as unknown:
        services.membership_add(
            organization=organization, login="ghost", role="organizer", by=organizer
        )
    assert unknown.value.code == "user_not_found"
    with pytest.raises(services.MembershipError) as twice:
        services.membership_add(
            organization=organization, login="organizer", role="organizer", by=organizer
        )
    assert twice.value.code == "already_member"
