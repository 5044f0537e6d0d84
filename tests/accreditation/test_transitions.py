"""The accreditation workflow at the service level: every transition and every refusal."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accreditation import services
from accreditation.models import (
    Accreditation,
    AccreditationLog,
    AccreditationStatus,
    JournalistRole,
)
from accreditation.services import AccreditationError
from events.models import EventStatus
from tests.factories import (
    AccreditationFactory,
    EventFactory,
    JournalistProfileFactory,
    MediaOutletFactory,
    OutletQuotaFactory,
)

S = AccreditationStatus
pytestmark = pytest.mark.django_db


def last_log(accreditation):
    return AccreditationLog.objects.filter(accreditation=accreditation).latest("id")


# ---------------------------------------------------------------- requesting


def test_request_creates_a_pending_request_in_the_journalists_role(event, journalist_profile):
    journalist_profile.role = JournalistRole.PHOTOGRAPHER
    journalist_profile.save()

    accreditation = services.accreditation_request(
        journalist=journalist_profile,
        event=event,
        note="Covering for Tuổi Trẻ",
        by=journalist_profile.user,
    )

    accreditation.refresh_from_db()
    assert accreditation.status == S.PENDING
    assert accreditation.category == JournalistRole.PHOTOGRAPHER
    assert accreditation.note == "Covering for Tuổi Trẻ"
    log = last_log(accreditation)
    assert (log.from_status, log.to_status, log.actor) == ("", S.PENDING, journalist_profile.user)


def test_request_takes_the_chosen_category(event, journalist_profile):
    accreditation = services.accreditation_request(
        journalist=journalist_profile,
        event=event,
        category=JournalistRole.VIDEO,
        by=journalist_profile.user,
    )
    assert accreditation.category == JournalistRole.VIDEO


def test_request_is_refused_when_email_not_verified(event, journalist_profile):
    journalist_profile.email_verified_at = None
    journalist_profile.save()
    with pytest.raises(AccreditationError) as refused:
        services.accreditation_request(
            journalist=journalist_profile, event=event, by=journalist_profile.user
        )
    assert refused.value.code == "email_not_verified"
    assert not Accreditation.objects.exists()


def test_organizer_may_request_for_an_unverified_walk_in(event, organizer):
    walk_in = JournalistProfileFactory(user=None, email_verified_at=None)
    accreditation = services.accreditation_request(journalist=walk_in, event=event, by=organizer)
    assert accreditation.status == S.PENDING


@pytest.mark.parametrize(
    "change",
    [
        {"status": EventStatus.DRAFT},
        {"status": EventStatus.CANCELLED},
        {"status": EventStatus.POSTPONED},
        {"accreditation_opens_at_days": 2},
        {"accreditation_closes_at_days": -1},
    ],
    ids=["draft", "cancelled", "postponed", "not-yet-open", "already-closed"],
)
def test_request_is_refused_when_accreditation_is_closed(organization, journalist_profile, change):
    now = timezone.now()
    fields = {"organization": organization}
    if "status" in change:
        fields["status"] = change["status"]
    if "accreditation_opens_at_days" in change:
        fields["accreditation_opens_at"] = now + timedelta(
            days=change["accreditation_opens_at_days"]
        )
    if "accreditation_closes_at_days" in change:
        fields["accreditation_opens_at"] = now - timedelta(days=5)
        fields["accreditation_closes_at"] = now + timedelta(
            days=change["accreditation_closes_at_days"]
        )
    event = EventFactory(**fields)
    with pytest.raises(AccreditationError) as refused:
        services.accreditation_request(
            journalist=journalist_profile, event=event, by=journalist_profile.user
        )
    assert refused.value.code == "accreditation_closed"


def test_second_request_for_the_same_event_is_refused(event, journalist_profile):
    services.accreditation_request(
        journalist=journalist_profile, event=event, by=journalist_profile.user
    )
    with pytest.raises(AccreditationError) as refused:
        services.accreditation_request(
            journalist=journalist_profile, event=event, by=journalist_profile.user
        )
    assert refused.value.code == "duplicate_request"
    assert Accreditation.objects.count() == 1


def test_cancelled_request_can_be_asked_again(event, journalist_profile):
    first = services.accreditation_request(
        journalist=journalist_profile, event=event, by=journalist_profile.user
    )
    services.accreditation_cancel(accreditation=first, by=journalist_profile.user)
    again = services.accreditation_request(
        journalist=journalist_profile, event=event, by=journalist_profile.user
    )
    assert again.pk == first.pk
    assert again.status == S.PENDING
    assert last_log(again).from_status == S.CANCELLED


# ---------------------------------------------------------------- decisions


@pytest.mark.parametrize("start", [S.PENDING, S.WAITLISTED])
def test_approve_from_pending_or_waitlisted(event, organizer, start):
    accreditation = AccreditationFactory(event=event, status=start)
    services.accreditation_approve(accreditation=accreditation, by=organizer)
    accreditation.refresh_from_db()
    assert accreditation.status == S.APPROVED
    assert accreditation.decided_at is not None
    log = last_log(accreditation)
    assert (log.from_status, log.to_status, log.actor) == (start, S.APPROVED, organizer)


def test_waitlist_from_pending(event, organizer):
    accreditation = AccreditationFactory(event=event)
    services.accreditation_waitlist(accreditation=accreditation, by=organizer)
    accreditation.refresh_from_db()
    assert accreditation.status == S.WAITLISTED


@pytest.mark.parametrize("start", [S.PENDING, S.WAITLISTED])
def test_reject_records_the_reason(event, organizer, start):
    accreditation = AccreditationFactory(event=event, status=start)
    services.accreditation_reject(
        accreditation=accreditation, by=organizer, reason="Không phải nhà báo"
    )
    accreditation.refresh_from_db()
    assert accreditation.status == S.REJECTED
    assert accreditation.status_reason == "Không phải nhà báo"
    assert last_log(accreditation).reason == "Không phải nhà báo"


def test_revoke_approved_records_the_reason(event, organizer):
    accreditation = AccreditationFactory(event=event, status=S.APPROVED)
    services.accreditation_revoke(accreditation=accreditation, by=organizer, reason="Misconduct")
    accreditation.refresh_from_db()
    assert accreditation.status == S.REVOKED
    assert last_log(accreditation).reason == "Misconduct"


@pytest.mark.parametrize("start", [S.PENDING, S.APPROVED, S.WAITLISTED])
def test_journalist_cancels_pending_approved_or_waitlisted(event, journalist_profile, start):
    accreditation = AccreditationFactory(event=event, journalist=journalist_profile, status=start)
    services.accreditation_cancel(accreditation=accreditation, by=journalist_profile.user)
    accreditation.refresh_from_db()
    assert accreditation.status == S.CANCELLED
    assert last_log(accreditation).actor == journalist_profile.user


@pytest.mark.parametrize("service", ["reject", "revoke"])
@pytest.mark.parametrize("reason", ["", "   "])
def test_reject_and_revoke_require_a_reason(event, organizer, service, reason):
    start = S.APPROVED if service == "revoke" else S.PENDING
    accreditation = AccreditationFactory(event=event, status=start)
    with pytest.raises(ValidationError) as refused:
        getattr(services, f"accreditation_{service}")(
            accreditation=accreditation, by=organizer, reason=reason
        )
    assert "reason" in refused.value.message_dict
    accreditation.refresh_from_db()
    assert accreditation.status == start
    assert not AccreditationLog.objects.exists()


INVALID = [
    ("approve", S.APPROVED),
    ("approve", S.REJECTED),
    ("approve", S.CANCELLED),
    ("approve", S.REVOKED),
    ("waitlist", S.WAITLISTED),
    ("waitlist", S.APPROVED),
    ("waitlist", S.REJECTED),
    ("reject", S.APPROVED),
    ("reject", S.REJECTED),
    ("reject", S.CANCELLED),
    ("revoke", S.PENDING),
    ("revoke", S.WAITLISTED),
    ("revoke", S.REVOKED),
    ("cancel", S.REJECTED),
    ("cancel", S.REVOKED),
    ("cancel", S.CANCELLED),
]


@pytest.mark.parametrize(("action", "start"), INVALID)
def test_transition_not_in_the_workflow_is_refused(event, organizer, action, start):
    accreditation = AccreditationFactory(event=event, status=start)
    kwargs = {"accreditation": accreditation, "by": organizer}
    if action in ("reject", "revoke"):
        kwargs["reason"] = "because"
    with pytest.raises(AccreditationError) as refused:
        getattr(services, f"accreditation_{action}")(**kwargs)
    assert refused.value.code == "invalid_transition"
    accreditation.refresh_from_db()
    assert accreditation.status == start


# ---------------------------------------------------------------- limits


def test_approve_is_refused_when_capacity_is_full(organization, organizer):
    event = EventFactory(organization=organization, press_capacity=2)
    AccreditationFactory.create_batch(2, event=event, status=S.APPROVED)
    third = AccreditationFactory(event=event)
    with pytest.raises(AccreditationError) as refused:
        services.accreditation_approve(accreditation=third, by=organizer)
    assert refused.value.code == "capacity_full"
    third.refresh_from_db()
    assert third.status == S.PENDING


def test_approve_waitlists_instead_when_asked_and_capacity_is_full(organization, organizer):
    event = EventFactory(organization=organization, press_capacity=1)
    AccreditationFactory(event=event, status=S.APPROVED)
    second = AccreditationFactory(event=event)
    services.accreditation_approve(accreditation=second, by=organizer, waitlist_if_full=True)
    second.refresh_from_db()
    assert second.status == S.WAITLISTED
    assert "1" in second.status_reason


def test_approve_is_refused_when_outlet_quota_full(event, organizer):
    outlet = MediaOutletFactory()
    OutletQuotaFactory(event=event, category=JournalistRole.WRITER, limit=2)
    for _ in range(2):
        AccreditationFactory(
            event=event, status=S.APPROVED, journalist=JournalistProfileFactory(outlet=outlet)
        )
    third = AccreditationFactory(event=event, journalist=JournalistProfileFactory(outlet=outlet))
    with pytest.raises(AccreditationError) as refused:
        services.accreditation_approve(accreditation=third, by=organizer)
    assert refused.value.code == "outlet_quota_full"


def test_outlet_quota_counts_only_the_same_outlet_and_category(event, organizer):
    outlet = MediaOutletFactory()
    OutletQuotaFactory(event=event, category=JournalistRole.WRITER, limit=1)
    AccreditationFactory(
        event=event, status=S.APPROVED, journalist=JournalistProfileFactory(outlet=outlet)
    )
    photographer = AccreditationFactory(
        event=event,
        category=JournalistRole.PHOTOGRAPHER,
        journalist=JournalistProfileFactory(outlet=outlet, role=JournalistRole.PHOTOGRAPHER),
    )
    other_outlet_writer = AccreditationFactory(event=event)
    services.accreditation_approve(accreditation=photographer, by=organizer)
    services.accreditation_approve(accreditation=other_outlet_writer, by=organizer)
    assert Accreditation.objects.filter(event=event, status=S.APPROVED).count() == 3


def test_third_writer_is_waitlisted_and_moves_up_when_a_colleague_cancels(event, organizer):
    """DOMAIN scenario 2."""
    outlet = MediaOutletFactory()
    OutletQuotaFactory(event=event, category=JournalistRole.WRITER, limit=2)
    first, second, third = (
        AccreditationFactory(event=event, journalist=JournalistProfileFactory(outlet=outlet))
        for _ in range(3)
    )
    for accreditation in (first, second, third):
        services.accreditation_approve(
            accreditation=accreditation, by=organizer, waitlist_if_full=True
        )
    third.refresh_from_db()
    assert third.status == S.WAITLISTED

    services.accreditation_cancel(accreditation=first, by=first.journalist.user)
    promoted = services.accreditation_promote_next(event=event, by=organizer)

    assert promoted.pk == third.pk
    third.refresh_from_db()
    assert third.status == S.APPROVED
    assert last_log(third).from_status == S.WAITLISTED


def test_promote_skips_waitlisted_requests_that_still_do_not_fit(event, organizer):
    full_outlet = MediaOutletFactory()
    OutletQuotaFactory(event=event, category=JournalistRole.WRITER, limit=1)
    AccreditationFactory(
        event=event, status=S.APPROVED, journalist=JournalistProfileFactory(outlet=full_outlet)
    )
    blocked = AccreditationFactory(
        event=event, status=S.WAITLISTED, journalist=JournalistProfileFactory(outlet=full_outlet)
    )
    fits = AccreditationFactory(event=event, status=S.WAITLISTED)
    assert blocked.created_at <= fits.created_at

    promoted = services.accreditation_promote_next(event=event, by=organizer)

    assert promoted.pk == fits.pk
    blocked.refresh_from_db()
    assert blocked.status == S.WAITLISTED


def test_promote_returns_none_when_nobody_fits(organization, organizer):
    event = EventFactory(organization=organization, press_capacity=1)
    AccreditationFactory(event=event, status=S.APPROVED)
    waiting = AccreditationFactory(event=event, status=S.WAITLISTED)
    assert services.accreditation_promote_next(event=event, by=organizer) is None
    waiting.refresh_from_db()
    assert waiting.status == S.WAITLISTED


# ---------------------------------------------------------------- bulk


def test_bulk_approve_judges_each_request_on_its_own(organization, organizer):
    event = EventFactory(organization=organization, press_capacity=2)
    already = AccreditationFactory(event=event, status=S.REJECTED)
    fresh = AccreditationFactory.create_batch(3, event=event)

    results = services.accreditation_bulk(
        action="approve", accreditations=[already, *fresh], by=organizer
    )

    assert [(r.ok, r.code) for r in results] == [
        (False, "invalid_transition"),
        (True, ""),
        (True, ""),
        (False, "capacity_full"),
    ]
    assert Accreditation.objects.filter(event=event, status=S.APPROVED).count() == 2


def test_bulk_reject_needs_a_reason_and_changes_nothing_without_one(event, organizer):
    pending = AccreditationFactory.create_batch(2, event=event)
    with pytest.raises(ValidationError):
        services.accreditation_bulk(action="reject", accreditations=pending, by=organizer)
    assert Accreditation.objects.filter(status=S.PENDING).count() == 2


# ---------------------------------------------------------------- outlets


def test_merging_outlets_moves_journalists_and_removes_the_duplicate(db, organizer):
    keep = MediaOutletFactory(name="Báo Thanh Niên")
    duplicate = services.outlet_create(name="bao thanh nien", kind="newspaper", by=None)
    moved = JournalistProfileFactory(outlet=duplicate)
    services.outlet_merge(source=duplicate, target=keep)
    moved.refresh_from_db()
    assert moved.outlet == keep
    assert not type(keep).objects.filter(pk=duplicate.pk).exists()


def test_outlet_proposed_by_journalist_is_unverified_and_by_organizer_verified(
    journalist, organizer
):
    proposed = services.outlet_create(name="VnExpress", kind="online", by=journalist)
    added = services.outlet_create(name="VTV", kind="tv", by=organizer)
    assert (proposed.verified, added.verified) == (False, True)
