"""Packs load in order: a later pack adds cards, and replaces one only with `overrides: true`."""

from __future__ import annotations

from infocards.content import Library, check_packs


def test_a_municipality_card_with_overrides_true_replaces_the_national_one(content_packs):
    library = Library.load([content_packs / "clean", content_packs / "municipality"])
    gp = library.get("gp", "da")
    assert gp.title == "Praktiserende læge i Testkommune"
    assert gp.pack == "Testkommune"
    assert gp.overrides is True
    assert library.role_card("gp", "en").title == "General practitioner in Testkommune"
    assert [pack.kind for pack in library.packs] == ["national", "municipality"]


def test_a_municipality_pack_adds_new_cards_beside_the_national_ones(content_packs):
    library = Library.load([content_packs / "clean", content_packs / "municipality"])
    assert library.get("local-rehab", "da").title == "Genoptræning i Testkommune"
    assert library.get("disc-herniation", "da").pack == "Testpakke"
    assert len(library.cards("da")) == 5
    assert check_packs([content_packs / "clean", content_packs / "municipality"]) == []


def test_without_overrides_true_the_national_card_stays_and_the_checker_says_why(content_packs, monkeypatch):
    monkeypatch.chdir(content_packs)  # paths are printed relative to the current folder
    packs = [content_packs / "clean", content_packs / "municipality-unflagged"]
    library = Library.load(packs)
    assert library.get("gp", "da").title == "Praktiserende læge"
    problems = check_packs(packs)
    assert [(p.path, p.line, p.severity, p.code) for p in problems] == [
        ("municipality-unflagged/laege.md", 2, "error", "override-without-flag")
    ]
    assert "overrides: true" in problems[0].hint


def test_pack_order_decides_who_overrides_whom(content_packs):
    # The municipality pack first: its cards are the originals, the national pack cannot replace them.
    library = Library.load([content_packs / "municipality", content_packs / "clean"])
    assert library.get("gp", "da").pack == "Testkommune"


def test_an_override_of_one_language_keeps_the_other(content_pack, content_card):
    national = content_pack(
        "national",
        cards={
            "da.md": content_card(id="x", title="Dansk national"),
            "en.md": content_card(id="x", lang="en", title="English national"),
        },
    )
    local = content_pack(
        "local",
        kind="municipality",
        cards={
            "da.md": content_card(id="x", title="Dansk lokal", overrides="true"),
        },
    )
    library = Library.load([national, local])
    assert library.get("x", "da").title == "Dansk lokal"
    assert library.get("x", "en").title == "English national"
    assert check_packs([national, local]) == []
