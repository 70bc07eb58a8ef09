"""The finding form's diagnosis picker offers diagnoses only (issue 19, bug 15)."""

from __future__ import annotations

from infocards.config import load_settings
from infocards.content.library import Library
from infocards.ui.state import NOT_A_DIAGNOSIS, AppState


def _state(monkeypatch, tmp_path, lang: str) -> AppState:
    monkeypatch.setenv("INFOCARDS_WALLET", str(tmp_path / "wallet.icw"))
    settings = load_settings()
    return AppState(settings, Library.load(settings.packs), lang=lang)


def test_the_picker_leaves_out_the_advice_filed_under_diagnoses(monkeypatch, tmp_path):
    for lang in ("da", "en"):
        state = _state(monkeypatch, tmp_path, lang)
        filed = {card.id for card in state.cards_in("diagnosis")}
        assert filed >= NOT_A_DIAGNOSIS  # the list names cards that are there (not a stale id)
        offered = {card.id for card in state.diagnosis_choices()}
        assert offered.isdisjoint(NOT_A_DIAGNOSIS)
        assert {"disc-herniation", "lumbar-radiculopathy", "non-specific-low-back-pain"} <= offered
        assert all(card.codes for card in state.diagnosis_choices())


def test_a_record_that_names_an_advice_card_keeps_it_when_edited(monkeypatch, tmp_path):
    state = _state(monkeypatch, tmp_path, "da")
    assert "red-flags" in {card.id for card in state.diagnosis_choices(current="red-flags")}
