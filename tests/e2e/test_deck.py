"""The printable deck of the national pack, rendered in Chromium (screen and print media)."""

from __future__ import annotations

import subprocess
import sys

from infocards.config import load_settings
from infocards.content.library import Library


def test_a_deck_page_renders_with_its_sources_and_reviewed_date(tmp_path, browser_page, screenshot):
    packs = load_settings().packs
    deck = tmp_path / "deck"
    subprocess.run([sys.executable, "-m", "infocards", "content", "build", *map(str, packs), "--out", str(deck)],
                   check=True, capture_output=True)
    card = Library.load(packs).get("disc-herniation", "da")
    page = browser_page
    page.set_viewport_size({"width": 800, "height": 1100})
    page.goto((deck / "da" / "disc-herniation.html").as_uri())
    assert page.locator("h1").inner_text().strip() == card.title
    text = page.locator("body").inner_text()
    for source in card.sources:
        assert source.title in text and source.url in text
    assert "2026" in text and "Kilder" in text
    screenshot(page, "deck-card")
    assert page.locator("nav").first.is_visible()
    page.emulate_media(media="print")
    # Printed: no navigation, and each card on a page of its own.
    assert not page.locator("nav").first.is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('article.card')).breakAfter") == "page"
    screenshot(page, "deck-card-print")
