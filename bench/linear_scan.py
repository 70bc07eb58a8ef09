"""Benchmark: CPU time of checking and rendering hostile cards at two sizes (the figure that
tests/content/test_linear_scan.py used to assert on; the test now counts the work instead).

Run: python bench/linear_scan.py [--rounds 5]
Prints, per hostile unit, the best CPU time of each size (small and big runs taken in turns, so a
burst of load slows both alike) and the growth. Linear work grows about 4x, quadratic 16x; a
growth over 8x is marked.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.content.test_linear_scan import BODY_UNITS, FRONT_MATTER_UNITS, card_text

from infocards.content.deck_markdown import deck_markdown_to_html
from infocards.content.parse import parse_card_file
from infocards.content.problems import Reporter
from infocards.content.safe_markdown import markdown_for_app


def _cpu(work) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def _growth(work_for_size, small: int, big: int, rounds: int) -> tuple[float, float]:
    small_work, big_work = work_for_size(small), work_for_size(big)
    small_cost = big_cost = float("inf")
    for _ in range(rounds):
        small_cost = min(small_cost, _cpu(small_work))
        big_cost = min(big_cost, _cpu(big_work))
    return small_cost, big_cost


def _row(label: str, small: int, big: int, costs: tuple[float, float]) -> None:
    small_cost, big_cost = costs
    growth = big_cost / small_cost if small_cost else float("inf")
    mark = "  <-- over 8x" if growth > 8 else ""
    print(f"{label:<28} {small // 1024:>4} KB {small_cost * 1000:8.1f} ms  {big // 1024:>4} KB "
          f"{big_cost * 1000:8.1f} ms  x{growth:5.1f}{mark}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="linear-scan-"))
    print("check (parse_card_file), CPU time, best of", args.rounds)
    for name in [*BODY_UNITS, *FRONT_MATTER_UNITS]:

        def check(size, name=name):
            path = folder / f"{name}-{size}.md"
            path.write_text(card_text(name, size), encoding="utf-8")
            return lambda: parse_card_file(path, "pack", Reporter(), date(2026, 11, 27))

        _row(f"check {name}", 32 * 1024, 128 * 1024, _growth(check, 32 * 1024, 128 * 1024, args.rounds))
    print("app and deck rendering, CPU time, best of", args.rounds)
    for name in BODY_UNITS:

        def app(size, name=name):
            body = card_text(name, size)
            return lambda: markdown_for_app(body)

        def deck(size, name=name):
            safe = markdown_for_app(card_text(name, size))
            return lambda: deck_markdown_to_html(safe)

        _row(f"app {name}", 32 * 1024, 128 * 1024, _growth(app, 32 * 1024, 128 * 1024, args.rounds))
        _row(f"deck {name}", 8 * 1024, 32 * 1024, _growth(deck, 8 * 1024, 32 * 1024, args.rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
