"""A link written with spaces in its address (issue 19, bug 3): an error with the fix, and never raw
markdown in the app or the deck."""

from __future__ import annotations

from dataclasses import replace

from infocards.content import Library, markdown_for_app
from infocards.content.render import card_to_html

from .test_cli import run

SPACED = "Ring på [89 40 20 00](tel:89 40 20 00) i dag.\n"


def test_check_strict_calls_a_tel_link_with_spaces_an_error_with_the_fix(content_pack, content_card, tmp_path):
    cards = {
        "da.md": content_card(body=SPACED),
        "en.md": content_card(lang="en", body="Read [the guide](https://www.sst.dk/a guide) first.\n"),
    }
    content_pack(cards=cards)
    english = run("check", "--strict", "pack", cwd=tmp_path)
    assert english.returncode == 1
    lines = english.stdout.splitlines()
    assert (
        "pack/da.md:12: error: the phone link 'tel:89 40 20 00' holds spaces, so it is no link and citizens "
        "see the brackets (write tel:89402000)"
    ) in lines
    spaced_https = "pack/en.md:12: error: the link 'https://www.sst.dk/a guide' holds spaces"
    assert any(line.startswith(spaced_https) for line in lines)
    danish = run("check", "--strict", "pack", cwd=tmp_path, lang="da")
    assert "(skriv tel:89402000)" in danish.stdout and "pack/da.md:12: fejl: telefonlinket" in danish.stdout


def test_a_plus_is_kept_in_the_fix_and_real_links_and_code_are_not_reported(content_pack, content_card, tmp_path):
    body = (
        "[Ring](tel:+45 70 11 07 07)\n\n[Ring 112](tel:112) [SST](https://www.sst.dk/ \"titel\")\n\n"
        "`[x](tel:1 2)`\n"
    )
    content_pack(cards={"da.md": content_card(body=body), "en.md": content_card(lang="en")})
    result = run("check", "--strict", "pack", cwd=tmp_path)
    assert [line for line in result.stdout.splitlines() if ": error: " in line] == [
        "pack/da.md:12: error: the phone link 'tel:+45 70 11 07 07' holds spaces, so it is no link and citizens "
        "see the brackets (write tel:+4570110707)"
    ]


def test_the_app_and_the_deck_show_the_words_not_the_markdown(content_packs):
    shown = markdown_for_app(SPACED)
    assert shown == "Ring på 89 40 20 00 i dag.\n"
    clean = Library.load([content_packs / "clean"])
    card = replace(clean.get("gp", "da"), body=SPACED)
    html = card_to_html(card, Library(clean.packs, {("gp", "da"): card}), "da")
    assert "Ring på 89 40 20 00 i dag." in html
    assert "tel:89 40" not in html and "[89" not in html and "](" not in html
