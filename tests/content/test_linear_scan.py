"""The card scanner is linear: hostile text four times as long takes about four times the work.

An unclosed "<!--" repeated through a 255 KB card took the checker minutes (each opening searched the
rest of the card). These tests build such cards and compare the work at two sizes: linear work
grows 4x, quadratic work 16x (the check at 32 KB and 128 KB, the deck at 8 KB and 32 KB).

The work is counted, not timed, so that a busy machine cannot fail the test: every Python call and
every call into C (str.find, a regex search...) that the work makes, through sys.setprofile, and
every character the scanner's memoised find reads. The same text gives the same counts on any
machine. bench/linear_scan.py prints the CPU time of the same cases.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from infocards.content import scan
from infocards.content.deck_markdown import deck_markdown_to_html
from infocards.content.parse import parse_card_file
from infocards.content.problems import Reporter
from infocards.content.safe_markdown import markdown_for_app

HEAD = (
    "---\nid: big\ntitle: Big\ncategory: diagnosis\nlang: da\nsummary: S.\nsources:\n"
    "  - title: a\n    url: https://a.dk/\nreviewed: 2026-01-01\n---\n"
)
# Each repeated to fill the card: unclosed comments, fences, code spans, brackets, tags, titles...
BODY_UNITS = {
    "comment": "<!-- a\n",
    "comment-run": "<!--",
    "fence": "```\n",
    "fence-unclosed": "````\n```\n",
    "tilde": "~~~x\n",
    "ticks": "`` a ` b\n",
    "link-open": "[a](",
    "brackets": "[[[[",
    "image": "![x](",
    "tag": "<a ",
    "tag-quote": '<a "',
    "definition": "[a]: <\n",
    "instruction": "<?",
    "declaration": "<!x",
    "escapes": "\\[",
    "nested": "[[a](b) ",
    "title": '[a](b "',
    "parens": "[a](b(",
    "autolink": "<http:",
    "email": "<a@b.",
    "emphasis": "*_",
    "links": "[a](https://a.dk/) ",
    "spaced-link": "[a](tel:1 2) [b](https://a.dk/ b c) ",
    "mixed": '<!-- [a]( ``` ~~~ ` <x "\n',
}
FRONT_MATTER_UNITS = {"lines": "a\n", "list": "- [\n", "flow": "k: [a, b\n", "colons": "a: b: c\n"}


def card_text(name: str, size: int) -> str:
    if name in FRONT_MATTER_UNITS:
        unit = FRONT_MATTER_UNITS[name]
        return "---\n" + (unit * (size // len(unit)))[: size - 10] + "\n---\n"
    unit = BODY_UNITS[name]
    return HEAD + (unit * (size // len(unit) + 1))[: size - len(HEAD) - 1]


def steps(work) -> tuple[int, int]:
    """(calls, characters): the Python and C calls `work` makes, and the characters that the
    scanner's memoised find (scan._Finder, the fix for the unclosed comments) reads."""
    calls = 0
    read = 0

    def count(_frame, event, _arg) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    real_find = scan._Finder.find

    def counting_find(finder, needle, start):
        nonlocal read
        memo = finder._memo.get(needle)
        found = real_find(finder, needle, start)
        if finder._memo.get(needle) is not memo:  # not answered from memory: str.find ran
            read += (found if found >= 0 else len(finder.text)) - start
        return found

    scan._Finder.find = counting_find
    sys.setprofile(count)
    try:
        work()
    finally:
        sys.setprofile(None)
        scan._Finder.find = real_find
    return calls, read


def assert_linear(work_for_size, small: int, big: int) -> None:
    small_steps, big_steps = steps(work_for_size(small)), steps(work_for_size(big))
    growth = big // small
    # Linear work grows by the same factor as the text (4x), quadratic by its square (16x); the
    # bound leaves room for work that does not grow with the text, such as setting up.
    for small_count, big_count in zip(small_steps, big_steps, strict=True):
        assert big_count <= 1.5 * growth * small_count + 1000, (small_steps, big_steps)


@pytest.mark.parametrize("name", [*BODY_UNITS, *FRONT_MATTER_UNITS])
def test_checking_a_hostile_card_is_linear(name, tmp_path):
    def work_for_size(size):
        path = tmp_path / f"{name}-{size}.md"
        path.write_text(card_text(name, size), encoding="utf-8")
        return lambda: parse_card_file(path, "pack", Reporter(), date(2026, 11, 27))

    assert_linear(work_for_size, 32 * 1024, 128 * 1024)


@pytest.mark.parametrize("name", list(BODY_UNITS))
def test_the_app_and_the_deck_render_a_hostile_card_in_linear_time(name):
    def app(size):
        body = card_text(name, size)
        return lambda: markdown_for_app(body)

    def deck(size):
        safe = markdown_for_app(card_text(name, size))
        return lambda: deck_markdown_to_html(safe)

    assert_linear(app, 32 * 1024, 128 * 1024)
    assert_linear(deck, 8 * 1024, 32 * 1024)


def test_a_256_kb_hostile_card_is_checked_not_refused(tmp_path):
    # The cases above must reach the scanner: a card of that size is read, not refused as too large.
    path: Path = tmp_path / "big.md"
    path.write_text(card_text("comment", 256 * 1024 - 1), encoding="utf-8")
    report = Reporter()
    parsed = parse_card_file(path, "pack", report, date(2026, 11, 27))
    assert [p.code for p in report.problems if p.code == "too-large"] == []
    assert parsed.card is not None
