"""Call links in a card body become call buttons; home's out-of-hours numbers follow flet.toml's region."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from infocards.config import load_settings
from infocards.content.library import Library
from infocards.regions import REGIONS
from infocards.ui.state import AppState
from infocards.ui.views.card import body_parts, call_label
from infocards.ui.widgets import call_button


def test_a_paragraph_with_call_links_reads_as_words_then_buttons():
    body = "## Ring nu\n\nRing [112](tel:112), eller ring [1813](tel:1813).\n\nHold dig i gang."
    assert body_parts(body) == [
        "## Ring nu\n\nRing 112, eller ring 1813.",
        ("112", "112"),
        ("1813", "1813"),
        "Hold dig i gang.",
    ]


def test_a_block_of_only_call_links_is_only_buttons():
    body = "Tekst før.\n\n- [Ring 70 11 07 07](tel:70110707)\n- [Ring 112](tel:+112)\n\nEfter."
    assert body_parts(body) == ["Tekst før.", ("Ring 70 11 07 07", "70110707"), ("Ring 112", "+112"), "Efter."]


def test_other_links_and_bad_tel_targets_stay_markdown():
    body = "Se [kortet](card:red-flags) og [ring](tel:70-11-07-07)."
    assert body_parts(body) == [body]


def test_a_bare_number_is_labelled_as_a_call():
    assert call_label("112", "da") == "Ring 112"
    assert call_label("70 11 07 07", "en") == "Call 70 11 07 07"
    assert call_label("Ring til lægevagten", "da") == "Ring til lægevagten"


def test_a_call_button_opens_tel_with_digits_only():
    wrapper = call_button("Ring 112", "112", "call-112", emergency=True)
    button = wrapper.content.controls[0]
    assert button.url == "tel:112"
    assert button.height >= 48
    with pytest.raises(ValueError):
        call_button("Ring", "javascript:alert(1)", "bad")


@pytest.fixture(scope="module")
def library():
    return Library.load(load_settings().packs)


def _state(library, region: str) -> AppState:
    return AppState(settings=replace(load_settings(), region=region), library=library)


@pytest.mark.parametrize("written", ["Syddanmark", "Region Syddanmark", "syddanmark"])
def test_a_region_in_flet_toml_gives_its_out_of_hours_number(library, written):
    state = _state(library, written)
    assert [r.id for r in state.out_of_hours_regions(date(2026, 12, 1))] == ["syddanmark"]
    assert state.out_of_hours_regions(date(2026, 12, 1))[0].tel() == "70110707"


@pytest.mark.parametrize("written", ["", "Atlantis"])
def test_no_region_gives_the_five_regions_numbers(library, written):
    found = _state(library, written).out_of_hours_regions(date(2026, 12, 1))
    assert [r.id for r in found] == ["hovedstaden", "sjaelland", "syddanmark", "midtjylland", "nordjylland"]
    assert all(r.tel() for r in found)


def test_a_region_without_a_number_yet_falls_back_to_every_region_with_one(library):
    found = _state(library, "oestdanmark").out_of_hours_regions(date(2027, 2, 1))
    assert "oestdanmark" not in [r.id for r in found]
    assert found == [r for r in REGIONS.values() if r.out_of_hours and r.exists_on(date(2027, 2, 1))]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_home_names_every_kind_of_weak_leg_as_an_emergency(lang):
    # A leg that gets weaker over hours or days, or both legs, needs acute help too (fact check
    # 2026-12-07): home says it the way the red-flags card does.
    from infocards.i18n import t

    text = t("urgent.explain", lang)
    words = {"da": ("meget svagt", "svagere og svagere over timer eller dage", "begge ben"),
             "en": ("very weak", "weaker and weaker over hours or days", "both legs")}[lang]
    for phrase in words:
        assert phrase in text
    card = Library.load(load_settings().packs).get("red-flags", lang)
    flat = " ".join(card.body.split()).replace(". Eller", ", eller").replace(". Or", ", or").lower()
    for phrase in words:
        assert phrase in flat
