"""The card scanner is linear: hostile text four times as long takes about four times as long.

An unclosed "<!--" repeated through a 255 KB card took the checker minutes (each opening searched the
rest of the card). These tests build such cards and compare the cost at two sizes: linear work
grows 4x, quadratic work 16x (the check at 32 KB and 128 KB, the deck at 8 KB and 32 KB). The bound
is generous (8x, plus 50 ms for timer noise on the small runs) and uses process time, the best of
five runs taken in turns at both sizes, so load on the machine slows both alike; a quadratic case
takes seconds, far above.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

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
    "mixed": '<!-- [a]( ``` ~~~ ` <x "\n',
}
FRONT_MATTER_UNITS = {"lines": "a\n", "list": "- [\n", "flow": "k: [a, b\n", "colons": "a: b: c\n"}


def card_text(name: str, size: int) -> str:
    if name in FRONT_MATTER_UNITS:
        unit = FRONT_MATTER_UNITS[name]
        return "---\n" + (unit * (size // len(unit)))[: size - 10] + "\n---\n"
    unit = BODY_UNITS[name]
    return HEAD + (unit * (size // len(unit) + 1))[: size - len(HEAD) - 1]


def timed(work) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def assert_linear(work_for_size, small: int, big: int, rounds: int = 5) -> None:
    # The small and the big run take turns, so a burst of load on a shared machine slows both
    # alike (seen: a big run three times its usual cost while CI ran beside other work, when the
    # big runs came after all the small ones); the best of each is compared.
    small_work, big_work = work_for_size(small), work_for_size(big)
    small_cost = big_cost = float("inf")
    for _ in range(rounds):
        small_cost = min(small_cost, timed(small_work))
        big_cost = min(big_cost, timed(big_work))
    assert big_cost <= 8 * small_cost * (big // small) / 4 + 0.05, (small_cost, big_cost)


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
