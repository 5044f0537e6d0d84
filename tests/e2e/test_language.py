"""The language switch in the header: Vietnamese by default, English on request, and back."""

import pytest
from playwright.sync_api import expect

from tests.factories import EventFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_language_switch_changes_the_page_to_english_and_back(new_page, shoot):
    event = EventFactory(title="Họp báo Tuần lễ Áo dài", title_en="Ao Dai Week press conference")
    page = new_page()
    page.goto(event.get_absolute_url())
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", level=1)).to_have_text("Họp báo Tuần lễ Áo dài")
    expect(page.get_by_role("navigation", name="Chính")).to_contain_text("Sự kiện")

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    # Back on the same page, now in English: the event's own English title too.
    assert page.url.endswith(event.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Ao Dai Week press conference")
    expect(page.get_by_role("button", name="English")).to_have_attribute("aria-current", "true")
    shoot(page, "en-event-detail-anonymous")

    # The choice is remembered on the next page.
    page.get_by_role("link", name="Events", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Events")

    page.get_by_role("button", name="Tiếng Việt").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sự kiện")
