"""The national card pack as a whole: both languages, links, codes, role and legislation cards, LIX, strict check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from infocards.content.check import check_packs
from infocards.content.library import Library
from infocards.content.readability import lix
from infocards.vocab import ROLES

NATIONAL = Path(__file__).resolve().parents[2] / "content" / "national"
LANGS = ("da", "en")
MAX_LIX = {"da": 40.0, "en": 45.0}

# The fixed card ids of the national pack (the card format, "the card ids of the whole national pack").
EXPECTED_IDS = {
    "non-specific-low-back-pain",
    "long-lasting-low-back-pain",
    "lumbar-radiculopathy",
    "disc-herniation",
    "lumbar-spinal-stenosis",
    "red-flags",
    "sick-pay",
    "municipal-follow-up",
    "gp-certificate",
    "return-to-work-plan",
    "rehabilitation-plan",
    "treatment-costs",
    *(f"role-{key.replace('_', '-')}" for key in ROLES),
    "typical-course",
    "referred-on",
    "what-to-bring",
    "questions-to-ask",
}

CARD_LINK = re.compile(r"\]\(\s*<?card:([^)\s>]*)>?\s*\)")
CODE = re.compile(r"(ICPC-2|ICD-10|SNOMED):[A-Z0-9][A-Z0-9.]*")
US_ONLY_LOW_BACK_CODE = re.compile(r"ICD-10:M54\.5\d")


def _card_files(lang: str) -> list[Path]:
    return sorted((NATIONAL / lang).rglob("*.md"))


def _file_id(path: Path) -> str:
    return path.relative_to(NATIONAL).with_suffix("").as_posix()


@pytest.fixture(scope="module")
def library():
    return Library.load([NATIONAL])


@pytest.fixture(scope="module")
def all_cards(library):
    return [library.get(card_id, lang) for card_id in library.ids() for lang in library.languages_of(card_id)]


@pytest.fixture(scope="module")
def cards_by_path(all_cards):
    return {Path(card.path).resolve(): card for card in all_cards}


def test_every_fixed_id_is_in_the_pack(library):
    missing = sorted(EXPECTED_IDS - set(library.ids()))
    assert missing == [], f"cards missing from the national pack: {missing}"


def test_both_languages_have_the_same_ids(library):
    one_language = {i: list(library.languages_of(i)) for i in library.ids()}
    lopsided = {i: langs for i, langs in one_language.items() if sorted(langs) != sorted(LANGS)}
    assert lopsided == {}, f"cards not in both da and en: {lopsided}"


def test_every_related_id_resolves(library, all_cards):
    known = set(library.ids())
    broken = sorted(
        f"{card.lang}/{card.id} -> {target}" for card in all_cards for target in card.related if target not in known
    )
    assert broken == [], f"related ids with no card: {broken}"


def test_every_card_link_in_a_body_resolves(library, all_cards):
    known = set(library.ids())
    broken = sorted(
        f"{card.lang}/{card.id} -> card:{target}"
        for card in all_cards
        for target in CARD_LINK.findall(card.body)
        if target not in known
    )
    assert broken == [], f"card: links with no card: {broken}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_diagnosis_card_has_codes(library, lang):
    diagnoses = list(library.cards(lang, "diagnosis"))
    assert len(diagnoses) >= 6
    without = sorted(card.id for card in diagnoses if not card.codes)
    assert without == [], f"diagnosis cards without codes: {without}"
    malformed = sorted(f"{card.id}: {code}" for card in diagnoses for code in card.codes if not CODE.fullmatch(code))
    assert malformed == [], f"codes not written as SYSTEM:CODE: {malformed}"
    us_only = sorted(
        f"{card.id}: {code}" for card in diagnoses for code in card.codes if US_ONLY_LOW_BACK_CODE.match(code)
    )
    assert us_only == [], f"US-only ICD-10-CM subcodes (use M54.5): {us_only}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role", ROLES)
def test_every_role_has_a_role_card(library, lang, role):
    holders = [card.id for card in library.cards(lang, "role") if card.role == role]
    assert holders, f"no {lang} role card with role: {role}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_legislation_card_has_applies_from(library, lang):
    legislation = list(library.cards(lang, "legislation"))
    assert legislation, f"no {lang} legislation cards"
    undated = sorted(card.id for card in legislation if card.applies_from is None)
    assert undated == [], f"legislation cards without applies_from: {undated}"


@pytest.mark.parametrize("lang", LANGS)
def test_withdrawn_radiculopathy_guideline_is_not_presented_as_current(library, lang):
    # The 2016/2018 guideline is marked as no longer in force since 22 March 2023 (CONTENT-SOURCES.md).
    body = library.get("lumbar-radiculopathy", lang).body
    assert "2023" in body and "22" in body


@pytest.mark.parametrize("lang", LANGS)
def test_red_flags_card_names_the_emergency_numbers(library, lang):
    body = library.get("red-flags", lang).body
    assert "112" in body and "1813" in body


@pytest.mark.parametrize("path", _card_files("da"), ids=_file_id)
def test_danish_lix_at_most_40(cards_by_path, path):
    card = cards_by_path.get(path.resolve())
    assert card is not None, f"{_file_id(path)} did not load: run `infocards content check`"
    score = lix(card.body)
    assert score <= MAX_LIX["da"], f"{_file_id(path)}: LIX {score:.1f} > {MAX_LIX['da']:.0f}"


@pytest.mark.parametrize("path", _card_files("en"), ids=_file_id)
def test_english_lix_at_most_45(cards_by_path, path):
    card = cards_by_path.get(path.resolve())
    assert card is not None, f"{_file_id(path)} did not load: run `infocards content check`"
    score = lix(card.body)
    assert score <= MAX_LIX["en"], f"{_file_id(path)}: LIX {score:.1f} > {MAX_LIX['en']:.0f}"


def test_strict_check_reports_nothing_on_the_national_pack():
    # Strict: warnings count as failures too, so every reported problem fails the pack.
    problems = list(check_packs([NATIONAL]))
    assert problems == [], "\n".join(str(p) for p in problems)
