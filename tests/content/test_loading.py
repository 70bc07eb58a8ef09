"""Loading packs into a Library: fields, lookups, fallbacks, and leniency towards broken cards."""

from __future__ import annotations

from datetime import date

import pytest

from infocards.content import CATEGORIES, Library
from infocards.content.model import Source
from infocards.errors import ContentError


@pytest.fixture
def clean(content_packs):
    return Library.load([content_packs / "clean"])


def test_a_card_has_every_front_matter_field(clean, content_packs):
    card = clean.get("disc-herniation", "da")
    assert card.title == "Diskusprolaps"
    assert card.category == "diagnosis"
    assert card.lang == "da"
    assert card.summary == "En skive mellem ryghvirvlerne buler ud og trykker på en nerve."
    assert card.sources == (Source("Sundhedsstyrelsen", "https://www.sst.dk/"),)
    assert card.reviewed == date(2026, 6, 1)
    assert card.review_by == date(2027, 6, 1)
    assert card.codes == ("ICPC-2:L86", "ICD-10:M51.1")
    assert card.related == ("sick-pay", "gp")
    assert card.pack == "Testpakke"
    assert card.path == content_packs / "clean" / "da" / "diskusprolaps.md"


def test_the_body_is_the_markdown_after_the_front_matter_and_knows_its_first_line(clean):
    card = clean.get("disc-herniation", "da")
    assert card.body.startswith("## Hvad er det?")
    lines = card.path.read_text(encoding="utf-8").split("\n")
    assert lines[card.body_line - 1] == "## Hvad er det?"


def test_cards_are_listed_by_title_per_language_and_category(clean):
    titles = [card.title for card in clean.cards("da")]
    assert titles == ["Diskusprolaps", "Forløbet på rygcentret", "Praktiserende læge", "Sygedagpenge"]
    assert [card.id for card in clean.cards("en", "legislation")] == ["sick-pay"]
    for category in CATEGORIES:
        assert all(card.category == category for card in clean.cards("da", category))


def test_danish_letters_sort_after_z(content_pack, content_card):
    root = content_pack(
        cards={
            f"{i}.md": content_card(id=f"c{i}", title=title)
            for i, title in enumerate(["Åben", "Ærlig", "Zebra", "Øre", "abe"])
        }
    )
    titles = [card.title for card in Library.load([root]).cards("da")]
    assert titles == ["abe", "Zebra", "Ærlig", "Øre", "Åben"]


def test_get_falls_back_to_the_other_language(content_pack, content_card):
    root = content_pack(cards={"a.md": content_card(id="only-danish")})
    library = Library.load([root])
    assert library.get("only-danish", "en").lang == "da"
    assert library.get("no-such-card", "da") is None
    assert library.languages_of("only-danish") == {"da"}


def test_role_card_is_found_by_role_key(clean):
    assert clean.role_card("gp", "da").id == "gp"
    assert clean.role_card("gp", "en").title == "General practitioner"
    assert clean.role_card("chiropractor", "da") is None


def test_ids_and_languages(clean):
    assert clean.ids() == {"disc-herniation", "sick-pay", "gp", "pathway-overview"}
    assert clean.languages_of("gp") == {"da", "en"}
    assert clean.get("sick-pay", "en").applies_from == date(2026, 7, 1)
    assert [pack.kind for pack in clean.packs] == ["national"]


def test_a_missing_pack_folder_raises_a_content_error(tmp_path):
    with pytest.raises(ContentError) as caught:
        Library.load([tmp_path / "nowhere"])
    assert caught.value.key == "error.content.pack_not_found"
    assert caught.value.params["pack"] == str(tmp_path / "nowhere")


def test_cards_with_errors_are_left_out_and_the_rest_load(content_packs):
    library = Library.load([content_packs / "broken"])
    assert library.get("base-card", "da") is not None
    assert library.get("unsafe-html", "da") is None  # an error of its own: not shown
    assert library.get("bad-category", "da") is None
    # A card whose only problem is a link elsewhere still loads: one bad link must not hide it.
    assert library.get("card-link-missing", "da") is not None
    # The first of two cards with the same id wins.
    assert library.get("duplicate-id", "da").path.name == "duplicate-id-first.md"


def test_quoted_dates_and_windows_line_endings_load(content_pack, content_card):
    text = content_card(reviewed='"2026-02-03"', review_by="'2027-02-03'").replace("\n", "\r\n")
    root = content_pack(cards={"a.md": text})
    card = Library.load([root]).get("test-card", "da")
    assert card.reviewed == date(2026, 2, 3)
    assert card.review_by == date(2027, 2, 3)
    assert card.body == "Tekst.\n"


def test_a_readme_in_a_pack_is_not_a_card(content_pack, content_card):
    root = content_pack(cards={"README.md": "# Om pakken\n", "a.md": content_card()})
    assert len(Library.load([root])) == 1


def test_front_matter_values_are_text_not_yaml_guesses(content_pack, content_card):
    root = content_pack(cards={"a.md": content_card(id="yes-card", title="Yes", summary="2026", region="null")})
    card = Library.load([root]).get("yes-card", "da")
    assert (card.title, card.summary, card.region) == ("Yes", "2026", None)


@pytest.mark.parametrize(("flag", "expected"), [("true", True), ("True", True), ("yes", True), ("false", False)])
def test_overrides_accepts_yaml_booleans(content_pack, content_card, flag, expected):
    root = content_pack(cards={"a.md": content_card(overrides=flag)})
    assert Library.load([root]).get("test-card", "da").overrides is expected
