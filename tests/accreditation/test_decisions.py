"""Which decisions a request allows: one table, obeyed by the services and offered by the pages."""

import pytest
from django.test import Client
from django.urls import reverse

from accreditation import services
from accreditation.models import LIVE_STATUSES, Accreditation, AccreditationStatus
from accreditation.services import DECISIONS, AccreditationError, allowed_decisions
from tests.factories import AccreditationFactory, EventFactory

S = AccreditationStatus
pytestmark = pytest.mark.django_db


def _decide(decision: str, accreditation, by):
    calls = {
        "approve": lambda: services.accreditation_approve(accreditation=accreditation, by=by),
        "waitlist": lambda: services.accreditation_waitlist(accreditation=accreditation, by=by),
        "reject": lambda: services.accreditation_reject(
            accreditation=accreditation, by=by, reason="No seat for this outlet."
        ),
        "revoke": lambda: services.accreditation_revoke(
            accreditation=accreditation, by=by, reason="Press card withdrawn."
        ),
        "cancel": lambda: services.accreditation_cancel(accreditation=accreditation, by=by),
    }
    return calls[decision]()


@pytest.mark.parametrize("status", S.values)
@pytest.mark.parametrize("decision", list(DECISIONS))
def test_the_service_accepts_exactly_the_decisions_allowed_from_a_state(
    status, decision, event, organizer
):
    accreditation = AccreditationFactory(event=event, status=status)
    allowed = decision in allowed_decisions(accreditation)

    if allowed:
        done = _decide(decision, accreditation, organizer)
        assert done.status == DECISIONS[decision][0]
    else:
        with pytest.raises(AccreditationError) as error:
            _decide(decision, accreditation, organizer)
        assert error.value.code == "invalid_transition"
        accreditation.refresh_from_db()
        assert accreditation.status == status


def test_live_requests_are_the_pending_waitlisted_and_approved_ones(event):
    for status in S.values:
        AccreditationFactory(event=event, status=status)

    live = set(Accreditation.objects.live().values_list("status", flat=True))

    assert live == {S.PENDING, S.WAITLISTED, S.APPROVED} == set(LIVE_STATUSES)


def test_a_journalist_may_cancel_every_live_request_and_nothing_else(event):
    cancellable = {
        status
        for status in S.values
        if "cancel" in allowed_decisions(AccreditationFactory.build(event=event, status=status))
    }

    assert cancellable == set(LIVE_STATUSES)


def test_the_review_page_offers_only_the_decisions_the_service_accepts(event, organizer):
    requests = {status: AccreditationFactory(event=event, status=status) for status in S.values}
    client = Client()
    client.force_login(organizer)

    page = client.get(reverse("accreditation-review", args=[event.slug])).content.decode()

    for status, accreditation in requests.items():
        offered = {
            decision
            for decision in DECISIONS
            if decision != "cancel"  # the journalist's own act, never on the review page
            and reverse(
                "accreditation-review-action", args=[event.slug, accreditation.pk, decision]
            )
            in page
        }
        assert offered == set(allowed_decisions(accreditation)) - {"cancel"}, status


def test_my_accreditations_offer_cancel_exactly_where_the_service_allows_it(journalist_profile):
    requests = {
        status: AccreditationFactory(
            event=EventFactory(), journalist=journalist_profile, status=status
        )
        for status in S.values
    }
    client = Client()
    client.force_login(journalist_profile.user)

    page = client.get(reverse("my-accreditations")).content.decode()

    offered = {
        status
        for status, accreditation in requests.items()
        if reverse("accreditation-cancel", args=[accreditation.pk]) in page
    }
    assert offered == set(LIVE_STATUSES)
