"""The national card pack as a whole: both languages, links, codes, role and legislation cards, LIX, strict check,
the emergency advice by region, and the agreed `order`/`keywords` fields."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from infocards.content.check import check_packs
from infocards.content.library import Library
from infocards.content.model import CARD_FIELDS
from infocards.content.readability import lix
from infocards.regions import REGIONS
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
    # Added for issue 11 (patient rights, work and money, consent, pain medicine, the study's gaps).
    "pain-medicine",
    "patient-rights",
    "complaints",
    "sick-pay-special",
    "work-options",
    "consent-and-data",
    "different-explanations",
    "when-stuck",
    # Added for issue 18 (what patients still missed in the fact check of 2026-12-07).
    "work-injury",
    "medicine-safety",
    "rights-in-your-case",
    "partial-sick-leave",
    "while-you-wait",
    "week-22-and-reform",
    "psychological-support",
}

# The card format additions agreed this round. Until the checker on this branch knows a field, the pack is
# loaded from a copy without it, so every other test still checks the real cards; once the checker knows
# both fields, the copy is not made and the pack is checked as it is.
AGREED_FIELDS = ("order", "keywords")
PENDING_FIELDS = tuple(field for field in AGREED_FIELDS if field not in CARD_FIELDS)

# The cards that give the emergency advice (issue 11, section 1).
EMERGENCY_CARDS = (
    "red-flags",
    "lumbar-radiculopathy",
    "disc-herniation",
    "lumbar-spinal-stenosis",
    "role-hospital",
    "role-spine-centre",
)
MERGER = date(2027, 1, 1)  # Region Hovedstaden and Region Sjælland become Region Østdanmark
REGION_BLOCK = re.compile(r"^:::[ \t]*region[ \t]+(.+?)[ \t]*$", re.M)
DATED_BLOCK = re.compile(r"^:::[ \t]*(?:from|until)[ \t]+\d{4}-\d{2}-\d{2}[ \t]*$", re.M)
TEL_LINK = re.compile(r"\]\(\s*<?tel:([^)\s>]*)>?\s*\)")

CARD_LINK = re.compile(r"\]\(\s*<?card:([^)\s>]*)>?\s*\)")
CODE = re.compile(r"(ICPC-2|ICD-10|SNOMED):[A-Z0-9][A-Z0-9.]*")
US_ONLY_LOW_BACK_CODE = re.compile(r"ICD-10:M54\.5\d")


def _card_files(lang: str) -> list[Path]:
    return sorted((NATIONAL / lang).rglob("*.md"))


def _file_id(path: Path) -> str:
    return path.relative_to(NATIONAL).with_suffix("").as_posix()


def _front_matter(path: Path) -> dict:
    _, front, _ = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front)


def _body(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("---\n", 2)[2]


@pytest.fixture(scope="module")
def pack_path(tmp_path_factory) -> Path:
    if not PENDING_FIELDS:
        return NATIONAL
    copy = tmp_path_factory.mktemp("pack") / "national"
    shutil.copytree(NATIONAL, copy)
    for card in copy.rglob("*.md"):
        lines = card.read_text(encoding="utf-8").splitlines(keepends=True)
        prefixes = tuple(f"{field}:" for field in PENDING_FIELDS)
        card.write_text("".join(line for line in lines if not line.startswith(prefixes)), encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def library(pack_path):
    return Library.load([pack_path])


@pytest.fixture(scope="module")
def library_as_of(pack_path):
    def load(day: date) -> Library:
        return Library.load([pack_path], region=None, as_of=day)

    return load


@pytest.fixture(scope="module")
def all_cards(library):
    return [library.get(card_id, lang) for card_id in library.ids() for lang in library.languages_of(card_id)]


@pytest.fixture(scope="module")
def cards_by_path(all_cards, pack_path):
    # Keyed by the path of the real card, also when the pack was loaded from a copy.
    root = pack_path.resolve()
    return {(NATIONAL / Path(card.path).resolve().relative_to(root)).resolve(): card for card in all_cards}


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
    targets = set(TEL_LINK.findall(body))
    wanted = {"112"} | {r.tel() for r in REGIONS.values() if r.tel()}
    assert wanted <= targets, f"red-flags ({lang}) has no call link for {sorted(wanted - targets)}"


@pytest.mark.parametrize("card_id", EMERGENCY_CARDS)
def test_emergency_cards_give_the_same_advice(library, card_id):
    # One wording of the signs and the same numbers everywhere (the red-flags card is the model).
    for lang in LANGS:
        # The cards as written (the library shows each reader only their own region's block).
        model = _body(Path(library.get("red-flags", lang).path))
        body = _body(Path(library.get(card_id, lang).path))
        section = _emergency_section(model)
        assert section in body, f"{lang}/{card_id}: the emergency section differs from red-flags"
        assert "default" in REGION_BLOCK.findall(body), f"{lang}/{card_id}: no region default block"


def _emergency_section(body: str) -> str:
    match = re.search(r"^## (Ring med det samme|Call now).*?(?=^## |\Z)", body, re.M | re.S)
    assert match, "no emergency section in red-flags"
    return match.group(0).strip()


@pytest.mark.parametrize("path", _card_files("da"), ids=_file_id)
def test_region_blocks_and_call_numbers_match_in_both_languages(path):
    other = NATIONAL / "en" / path.relative_to(NATIONAL / "da")
    assert other.is_file(), f"{_file_id(path)} has no English file at the same place"
    da, en = _body(path), _body(other)
    assert REGION_BLOCK.findall(da) == REGION_BLOCK.findall(en), f"{_file_id(path)}: region blocks differ"
    assert sorted(TEL_LINK.findall(da)) == sorted(TEL_LINK.findall(en)), f"{_file_id(path)}: tel numbers differ"


@pytest.mark.parametrize("lang", LANGS)
def test_region_blocks_name_known_regions_and_have_a_default(lang):
    for path in _card_files(lang):
        names = [name for block in REGION_BLOCK.findall(_body(path)) for name in block.split()]
        unknown = sorted(set(names) - set(REGIONS) - {"default"})
        assert unknown == [], f"{_file_id(path)}: unknown region ids {unknown}"
        if names:
            assert "default" in names, f"{_file_id(path)}: region blocks without a default block"
        opened = len(REGION_BLOCK.findall(_body(path))) + len(DATED_BLOCK.findall(_body(path)))
        closed = len(re.findall(r"^:::[ \t]*$", _body(path), re.M))
        assert opened == closed, f"{_file_id(path)}: {opened} region and dated blocks but {closed} closing lines"


@pytest.mark.parametrize("lang", LANGS)
def test_cards_naming_hovedstaden_or_sjaelland_say_what_changes_at_the_merger(lang):
    # Either reviewed before the merger, or the card says in dated blocks what reads from that day.
    late = []
    for path in _card_files(lang):
        text = _body(path)
        if re.search(r"Hovedstaden|Sjælland|Capital Region|Zealand|hovedstaden|sjaelland", text):
            review_by = _front_matter(path).get("review_by")
            dated_at_merger = re.search(r"^::: (from 2027-01-01|until 2026-12-31)$", text, re.M)
            if not isinstance(review_by, date) or (review_by >= MERGER and not dated_at_merger):
                late.append(f"{_file_id(path)}: review_by {review_by}")
    assert late == [], f"cards that name a merging region need review_by before {MERGER} or dated blocks: {late}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_emergency_table_reads_right_before_and_after_the_merger(library_as_of, lang):
    # No region set: the default table. Before the merger it names Hovedstaden and Sjælland; after it,
    # Østdanmark, with the same numbers, and it says to check them on sundhed.dk.
    before = library_as_of(date(2026, 12, 31)).get("red-flags", lang).body
    after = library_as_of(date(2027, 1, 2)).get("red-flags", lang).body
    assert "Østdanmark (" not in before and "East Denmark (formerly" not in before
    assert ("Østdanmark (før Hovedstaden)" in after) or ("East Denmark (formerly the Capital Region)" in after)
    for body in (before, after):
        assert "tel:1813" in body and "tel:1818" in body and "sundhed.dk" in body and ":::" not in body


def test_no_card_is_past_its_review_date_on_2_january_2027(pack_path, library_as_of):
    # Issue 18: on the day several rules change, no card may show as possibly out of date.
    day = date(2027, 1, 2)
    library = library_as_of(day)
    cards = _every_card(library)
    overdue = sorted(f"{c.lang}/{c.id}: {c.review_by}" for c in cards if not c.review_by or c.review_by < day)
    assert overdue == [], f"cards without review_by or past it on {day}: {overdue}"
    problems = list(check_packs([pack_path], today=day))
    assert problems == [], "\n".join(str(p) for p in problems)


def _every_card(library):
    return [library.get(card_id, lang) for card_id in library.ids() for lang in library.languages_of(card_id)]


@pytest.mark.parametrize("lang", LANGS)
def test_every_legislation_card_has_review_by(library, lang):
    undated = sorted(card.id for card in library.cards(lang, "legislation") if card.review_by is None)
    assert undated == [], f"legislation cards without review_by: {undated}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_card_has_an_order_and_red_flags_comes_first(lang):
    orders: dict[str, dict[str, int]] = {}
    for path in _card_files(lang):
        front = _front_matter(path)
        order = front.get("order")
        assert isinstance(order, int) and not isinstance(order, bool) and 1 <= order <= 999, (
            f"{_file_id(path)}: order must be an integer 1-999, not {order!r}"
        )
        orders.setdefault(front["category"], {})[front["id"]] = order
    assert orders["diagnosis"]["red-flags"] == 1
    for category, by_id in orders.items():
        assert len(set(by_id.values())) == len(by_id), f"{lang} {category}: two cards share an order {by_id}"


@pytest.mark.parametrize("lang", LANGS)
def test_keywords_are_lists_of_short_strings(lang):
    for path in _card_files(lang):
        keywords = _front_matter(path).get("keywords")
        if keywords is None:
            continue
        assert isinstance(keywords, list) and keywords, f"{_file_id(path)}: keywords must be a list"
        bad = [k for k in keywords if not (isinstance(k, str) and k.strip() and len(k) <= 40)]
        assert bad == [], f"{_file_id(path)}: bad keywords {bad}"


def test_the_search_words_patients_use_are_keywords():
    words = {str(k).lower() for path in _card_files("da") for k in (_front_matter(path).get("keywords") or [])}
    for word in ("sygemeldt", "fysioterapi", "prolaps", "iskias", "akut", "klage"):
        assert word in words, f"no Danish card has the keyword {word!r}"


def test_same_order_and_category_in_both_languages():
    for path in _card_files("da"):
        da = _front_matter(path)
        en = _front_matter(NATIONAL / "en" / path.relative_to(NATIONAL / "da"))
        same = (da["id"], da["category"], da.get("order")) == (en["id"], en["category"], en.get("order"))
        assert same, _file_id(path)


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


def _last_review(pack_path) -> date:
    dates = [re.search(r"^reviewed: (\d{4}-\d{2}-\d{2})$", p.read_text("utf-8"), re.M) for p in pack_path.rglob("*.md")]
    return max(date.fromisoformat(m.group(1)) for m in dates if m)


def test_strict_check_reports_nothing_on_the_national_pack(pack_path):
    # Strict: warnings count as failures too, so every reported problem fails the pack. Checked as
    # of the pack's last review, so the suite does not turn red by the calendar alone: a review
    # that falls due shows in `infocards content check --strict`, which editors run.
    problems = list(check_packs([pack_path], today=_last_review(pack_path)))
    assert problems == [], "\n".join(str(p) for p in problems)


@pytest.mark.parametrize(
    ("query", "first"),
    [("sygemeldt", "sick-pay"), ("fysioterapi", "role-physiotherapist"), ("prolab", "disc-herniation"),
     ("klage", "complaints")],
)
def test_words_patients_type_find_the_card_they_mean_first(library, query, first):
    # Issue 10: the national pack's own titles, summaries and keywords, through the real search.
    hits = [card.id for card in library.search(query, "da")]
    assert hits and hits[0] == first, hits[:5]
