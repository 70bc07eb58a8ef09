"""Characters nobody sees (issue 17, item 13): a bidi override or a zero-width space in a title, a
summary or a source's title is an error; in the text it is a warning."""

from __future__ import annotations

import pytest

from infocards.content import check_packs

from .test_cli import run

SOURCES = '\n  - title: "Sundheds\u2066styrelsen"\n    url: https://www.sst.dk/'


def test_check_strict_refuses_a_bidi_override_in_a_title(content_pack, content_card, tmp_path):
    cards = {
        "da.md": content_card(title='"Røde flag \u202egalf"'),
        "en.md": content_card(lang="en"),
    }
    content_pack(cards=cards)
    result = run("check", "--strict", "pack", cwd=tmp_path)
    assert result.returncode == 1
    assert (
        "pack/da.md:3: error: the field 'title' holds an invisible character (U+202E) that can reverse the text's "
        "direction (delete the character; retype the text if you cannot see where it is)"
    ) in result.stdout.splitlines()
    danish = run("check", "--strict", "pack", cwd=tmp_path, lang="da")
    assert "pack/da.md:3: fejl: feltet 'title' indeholder et usynligt tegn (U+202E)" in danish.stdout


@pytest.mark.parametrize(
    ("fields", "line", "field", "char"),
    [
        ({"summary": '"Et\u200b kort"'}, 6, "summary", "U+200B"),
        ({"summary": '"Et kort\u2067"'}, 6, "summary", "U+2067"),
        ({"sources": SOURCES}, 8, "sources: title", "U+2066"),
        ({"title": '"Test\u00adkort"'}, 3, "title", "U+00AD"),
        ({"title": '"Test\\u0007kort"'}, 3, "title", "U+0007"),
    ],
)
def test_format_and_control_characters_in_shown_fields_are_errors(
    content_pack, content_card, fields, line, field, char
):
    problems = check_packs([content_pack(cards={"a.md": content_card(**fields)})])
    found = [(p.line, p.severity, p.code) for p in problems if p.code.startswith("hidden")]
    assert len(found) == 1 and found[0][:2] == (line, "error")
    assert any(f"'{field}'" in p.message and char in p.message for p in problems)


def test_hidden_characters_in_the_text_are_warnings_one_per_line(content_pack, content_card, tmp_path):
    body = "Første linje.\nBlødt\u00ad bindestreg\u00ad to gange.\nOm\u202evendt.\n"
    cards = {"da.md": content_card(body=body), "en.md": content_card(lang="en")}
    content_pack(cards=cards)
    relaxed = run("check", "pack", cwd=tmp_path)
    strict = run("check", "--strict", "pack", cwd=tmp_path)
    assert relaxed.returncode == 0 and strict.returncode == 1
    assert relaxed.stdout.splitlines()[:-1] == [
        "pack/da.md:13: warning: the text holds an invisible character (U+00AD) (delete the character; retype "
        "the text if you cannot see where it is)",
        "pack/da.md:14: warning: the text holds an invisible character (U+202E) that can reverse the text's "
        "direction (delete the character; retype the text if you cannot see where it is)",
    ]


def test_ordinary_danish_and_non_breaking_spaces_pass(content_pack, content_card):
    summary = '"Ring 70\u00a011\u00a007\u00a007."'
    card = content_card(title='"Æbler og øl på å"', summary=summary, body="Tab\tog tekst.\n")
    problems = check_packs([content_pack(cards={"a.md": card})])
    assert not [p for p in problems if p.code.startswith("hidden")]
