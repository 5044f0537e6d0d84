"""The HTML side's one translation of service refusals: next to a field, or as a message."""

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from common.errors import DomainError
from common.forms import add_service_error, attempt, service_error_message


class _Form(forms.Form):
    reason = forms.CharField(required=False)


def _request():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_a_domain_error_goes_next_to_its_field_or_above_the_form():
    on_field, above = _Form({}), _Form({})
    on_field.is_valid()
    above.is_valid()

    add_service_error(on_field, DomainError("quota_full", "No seat left.", field="reason"))
    add_service_error(above, DomainError("quota_full", "No seat left.", field="elsewhere"))

    assert on_field.errors == {"reason": ["No seat left."]}
    assert above.non_field_errors() == ["No seat left."]


def test_a_validation_error_goes_next_to_the_fields_it_names():
    form = _Form({})
    form.is_valid()

    add_service_error(form, ValidationError({"reason": "Give a reason.", "other": "Odd."}))

    assert form.errors["reason"] == ["Give a reason."]
    assert form.non_field_errors() == ["Odd."]


def test_the_words_of_a_refusal_are_its_formatted_messages():
    assert service_error_message(DomainError("closed", "Accreditation is closed.")) == (
        "Accreditation is closed."
    )
    error = ValidationError("Expires on %(date)s.", params={"date": "01/02/2030"})
    assert service_error_message(error) == "Expires on 01/02/2030."
    assert service_error_message(ValidationError({"a": "One.", "b": "Two."})) == "One. Two."


def test_attempt_turns_a_refusal_into_a_message_and_passes_a_result_through():
    request = _request()

    def refuse():
        raise DomainError("invalid_token", "This link is invalid or has expired.")

    assert attempt(request, refuse) == (None, False)
    assert attempt(request, lambda value: value * 2, value=21) == (42, True)
    assert [str(m) for m in get_messages(request)] == ["This link is invalid or has expired."]
