"""Schemathesis against our own OpenAPI schema: no 5xx, and responses match the schema.

Runs in-process against the WSGI application, anonymously and as an organizer, with a bounded
number of examples per operation: FUZZ_EXAMPLES from the environment, 3 by default so that
`make test` stays quick; CI (.ci/run) sets more.
"""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from config.wsgi import application
from tests.factories import AgendaItemFactory, EventFactory, SpeakerFactory

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)

FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "3"))
FUZZ_SETTINGS = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
CHECKS = [not_a_server_error, response_schema_conformance]


@pytest.fixture
def seeded(organization, organizer):
    """Some rows for generated ids to hit, and the organizer's API token.

    Requests go straight to the WSGI application, which closes the database connection when a
    request ends; Django's test client switches that off, and so do we, or the test's
    transaction would be closed under it.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    event = EventFactory(organization=organization)
    AgendaItemFactory(event=event).speakers.add(SpeakerFactory(organization=organization))
    yield Token.objects.create(user=organizer).key
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.fuzz
@pytest.mark.django_db
@schema.parametrize()
@FUZZ_SETTINGS
def test_api_anonymous_never_fails_and_matches_the_schema(case, seeded):
    case.call_and_validate(checks=CHECKS)


@pytest.mark.fuzz
@pytest.mark.django_db
@schema.parametrize()
@FUZZ_SETTINGS
def test_api_as_organizer_never_fails_and_matches_the_schema(case, seeded):
    case.call_and_validate(headers={"Authorization": f"Token {seeded}"}, checks=CHECKS)
