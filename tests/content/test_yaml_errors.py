"""A broken front matter as an editor meets it (issue 19, bug 14): the line of the broken field, the
reason in the editor's language, and no false "missing translation" for the card's other language."""

from __future__ import annotations

import pytest

from .test_cli import run


def _cards(content_pack, content_card, **broken):
    danish = content_card(id="a", **broken)
    english = content_card(id="a", lang="en", title="Card", summary="A card.")
    content_pack(cards={"da/a.md": danish, "en/a.md": english})


def test_a_missing_colon_is_reported_at_its_own_line_in_danish_and_english(content_pack, content_card, tmp_path):
    # "summary Et kort." on line 6: the parser notices only on line 7 ("sources:").
    _cards(content_pack, content_card, summary=None, lang="da\nsummary Et kort.")
    danish = run("check", "--strict", "pack", cwd=tmp_path, lang="da")
    assert danish.stdout.splitlines() == [
        "pack/da/a.md:6: fejl: hovedet kan ikke læses som YAML: der mangler et kolon efter feltets navn "
        "(sæt anførselstegn om tekst med kolon, og tjek indrykningen)",
        "1 fejl, 0 advarsler i 1 kort.",
    ]
    english = run("check", "--strict", "pack", cwd=tmp_path)
    assert english.stdout.splitlines()[0] == (
        "pack/da/a.md:6: error: the front matter is not valid YAML: a colon is missing after the field's name "
        "(put quotes around text containing a colon, and check the indentation)"
    )


@pytest.mark.parametrize(
    ("summary", "line", "danish"),
    [
        ('"Et kort', 6, "et anførselstegn bliver ikke lukket"),
        ("Et kort: med kolon", 6, "et kolon i teksten eller en linje, der er rykket forkert ind"),
        ("[a, b", 6, "en liste i [ ] eller { } bliver ikke lukket"),
        ('"a\\q"', 6, 'en omvendt skråstreg (\\) i en tekst med "anførselstegn"'),
        ('"a" b', 6, "indrykningen eller teksten efter et anførselstegn passer ikke"),
    ],
)
def test_danish_output_holds_no_parser_english(content_pack, content_card, tmp_path, summary, line, danish):
    _cards(content_pack, content_card, summary=summary)
    result = run("check", "pack", cwd=tmp_path, lang="da")
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"pack/da/a.md:{line}: fejl: hovedet kan ikke læses som YAML: {danish} (")
    for english in ("found", "expected", "mapping", "unknown", "stream", "scanning"):
        assert english not in result.stdout
    assert "findes ikke på sproget" not in result.stdout


def test_a_broken_pack_yaml_speaks_danish_too(content_pack, tmp_path):
    root = content_pack()
    (root / "pack.yaml").write_text("name: Pakke\nkind national\nregion: ''\n", encoding="utf-8")
    result = run("check", "pack", cwd=tmp_path, lang="da")
    assert "pack/pack.yaml:2: fejl: pack.yaml kan ikke læses: der mangler et kolon efter feltets navn" in result.stdout
    assert "could not" not in result.stdout


def test_the_other_language_is_not_called_missing_when_its_file_has_errors(content_pack, content_card, tmp_path):
    # A YAML error (the id is never read: the file's name and folder say which card it is) ...
    _cards(content_pack, content_card, summary='"Et kort')
    assert "translation" not in run("check", "--strict", "pack", cwd=tmp_path).stdout
    # ... or a field error (the id and language are read).
    pack = content_pack("field2", cards={
        "b-da.md": content_card(id="b", category="nonsense"),
        "b-en.md": content_card(id="b", lang="en"),
    })
    result = run("check", "--strict", pack.name, cwd=tmp_path)
    assert "translation" not in result.stdout and "'nonsense'" in result.stdout
    # A card really missing its other language is still reported.
    alone = content_pack("alone", cards={"c.md": content_card(id="c", lang="en")})
    assert "the card 'c' has no 'da' translation" in run("check", alone.name, cwd=tmp_path).stdout


def test_a_character_yaml_refuses_is_named_by_its_code_point(content_pack, content_card, tmp_path):
    _cards(content_pack, content_card, title='"Kort \x07"')
    result = run("check", "pack", cwd=tmp_path, lang="da")
    assert result.stdout.splitlines()[0] == (
        "pack/da/a.md:3: fejl: hovedet kan ikke læses som YAML: et tegn, der ikke må stå i en tekst (U+0007) "
        "(sæt anførselstegn om tekst med kolon, og tjek indrykningen)"
    )
    assert "ReaderError" not in result.stdout
