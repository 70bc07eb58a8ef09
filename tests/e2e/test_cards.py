"""The card browser in a real Chromium: categories, search, a card, and the language switch."""

from __future__ import annotations

import pytest

from infocards.config import load_settings
from infocards.content.library import Library
from tests.e2e.harness import by_id, open_app, text_of, type_into, wait_id


@pytest.fixture(scope="module")
def library():
    return Library.load(load_settings().packs)


def _visible_text(page) -> str:
    return page.locator("flt-semantics-host").inner_text()


def test_home_shows_danish_categories_and_card_titles(app_url, browser_page, library, screenshot):
    page = browser_page
    open_app(page, app_url)
    diagnosis = wait_id(page, "category-diagnosis")
    assert "Diagnoser" in diagnosis.inner_text()
    for category, name in (("legislation", "Lovgivning"), ("role", "Roller"), ("pathway", "Forløb")):
        assert name in by_id(page, f"category-{category}").inner_text()
    screenshot(page, "home-da")

    diagnosis.click()
    wait_id(page, "category-heading")
    expected = [card.title for card in library.cards("da", "diagnosis")]
    assert expected, "the national pack has Danish diagnosis cards"
    for card in library.cards("da", "diagnosis"):
        assert card.title in by_id(page, f"card-link-{card.id}").inner_text()
    screenshot(page, "diagnoses-da")


def test_search_finds_a_card(app_url, browser_page, library):
    page = browser_page
    open_app(page, app_url)
    card = library.get("disc-herniation", "da")
    assert page.get_by_role("textbox", name="Søg i kortene").count() == 1  # labelled for screen readers
    type_into(page, "search", "prolaps")
    result = wait_id(page, f"result-{card.id}")
    assert card.title in result.inner_text()

    type_into(page, "search", "zzzqqqxx", clear=True)
    wait_id(page, "search-empty")


def test_card_shows_body_summary_and_sources(app_url, browser_page, library, screenshot):
    page = browser_page
    card = library.get("red-flags", "da")
    open_app(page, app_url + f"card/{card.id}")
    title = wait_id(page, "card-title")
    assert card.title in title.inner_text()
    assert card.summary in by_id(page, "card-summary").inner_text()
    body_text = by_id(page, "card-body").inner_text()
    assert "1813" in body_text and "112" in body_text
    sources = text_of(page, "card-sources")
    for source in card.sources:
        assert source.title in sources
    assert "Gennemgået" in by_id(page, "card-reviewed").inner_text()
    screenshot(page, "card-red-flags-da")


def test_switching_to_english_shows_english_titles(app_url, browser_page, library, screenshot):
    page = browser_page
    open_app(page, app_url)
    wait_id(page, "language-switch")
    by_id(page, "language-switch").click()
    wait_id(page, "home-heading")
    page.wait_for_function(
        "document.querySelector('[flt-semantics-identifier=\"home-heading\"]')"
        ".innerText.includes('Cards on low back pain')"
    )
    assert "Diagnoses" in by_id(page, "category-diagnosis").inner_text()
    by_id(page, "category-role").click()
    wait_id(page, "category-heading")
    for card in library.cards("en", "role"):
        assert card.title in by_id(page, f"card-link-{card.id}").inner_text()
    screenshot(page, "roles-en")
