"""How records read in the timeline: a finding names its card, not its code; hours in Danish format."""

from __future__ import annotations

from dataclasses import replace

import pytest

from infocards.config import load_settings
from infocards.content.library import Library
from infocards.ui.record_text import record_detail
from infocards.ui.state import AppState


@pytest.fixture(scope="module")
def state():
    settings = load_settings()
    return AppState(settings=replace(settings), library=Library.load(settings.packs))


def test_a_finding_shows_its_cards_name_not_its_code(state, wallet_reference_course):
    r03 = next(r for r in wallet_reference_course["records"] if r["id"] == "r03")
    card = state.finding_card(r03)
    detail = record_detail(r03, "da", card_title=card.title)
    assert detail.startswith("Iskias (lumbal radikulopati) · Straight leg raise")
    assert "ICPC-2" not in detail  # the code is on the entry's own screen (issue 19)
    assert "ICPC-2" not in record_detail({**r03, "card": ""}, "da")  # no card to name: the text


def test_a_code_names_a_card_only_when_one_card_carries_it(state):
    assert state.finding_card({"type": "finding", "code": "ICD-10:M48.0"}).id == "lumbar-spinal-stenosis"
    assert state.finding_card({"type": "finding", "code": "ICPC-2:L86"}) is None  # two cards carry it
    assert state.finding_card({"type": "finding", "card": "no-such-card", "code": ""}) is None


def test_hours_read_the_danish_way():
    work = {"type": "work", "status": "partial_sick_leave", "hours_per_week": 18.5, "note": "Let arbejde"}
    assert record_detail(work, "da") == "Delvist sygemeldt · 18,5 timer om ugen · Let arbejde"
    assert record_detail(work, "en").split(" · ")[1] == "18.5 hours a week"
