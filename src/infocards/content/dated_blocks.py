"""Dated blocks in a card body: `::: from <date>` ... `:::` and `::: until <date>` ... `:::`.

A card can say today what changes on a known day: a `from` block is shown from its date on, an
`until` block up to and including its date. The app and the deck show a card as it reads on a day
(today, or the deck's `--as-of`); text outside dated blocks is always shown. Dated blocks combine
with region blocks (either may hold the other; content/blocks.py reads both), and are resolved
first, so that the region blocks left are picked as before.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from infocards.content.blocks import DATED, Block, scan_blocks
from infocards.content.problems import Reporter

__all__ = ["block_day", "check_dated_blocks", "resolve_dates"]


def block_day(block: Block) -> date | None:
    """The block's date, or None when it is missing or not a real YYYY-MM-DD date."""
    if len(block.args) != 1 or len(block.args[0]) != 10:
        return None
    try:
        return date.fromisoformat(block.args[0])
    except ValueError:
        return None


def _shown(block: Block, day: date) -> bool:
    when = block_day(block)
    if when is None:
        return False  # a card with a bad date is not loaded; never guess which side of it to show
    return day >= when if block.kind == "from" else day <= when


def resolve_dates(body: str, day: date) -> str:
    """The body as it reads on `day`: dated blocks in force lose their marker lines, the others go."""
    if ":::" not in body:
        return body
    blocks, _ = scan_blocks(body)
    dated = [block for block in blocks if block.family == DATED]
    if not dated:
        return body
    dropped: set[int] = set()
    for block in dated:
        if _shown(block, day):
            dropped.add(block.first)
            if block.closed:
                dropped.add(block.last)
        else:
            dropped.update(range(block.first, block.last + 1))  # dated blocks never overlap: linear
    return "\n".join(line for index, line in enumerate(body.split("\n")) if index not in dropped)


def check_dated_blocks(
    body: str, body_line: int, path: Path, report: Reporter, review_by: date | None
) -> set[date]:
    """Report bad dates, unclosed or nested dated blocks, and a change after the card's review date;
    return the days on which the card's text changes (a `from` date, the day after an `until` date)."""
    blocks, problems = scan_blocks(body)
    for code, index, params in problems:
        if code.startswith("dated-"):
            if "first" in params:
                params = {"first": body_line + params["first"]}
            report.add(code, path, body_line + index, **params)
    changes: set[date] = set()
    for block in blocks:
        if block.family != DATED:
            continue
        line = body_line + block.first
        when = block_day(block)
        if when is None:
            report.add("dated-bad-date", path, line, kind=block.kind, value=" ".join(block.args))
            continue
        change = when if block.kind == "from" else when + timedelta(days=1)
        changes.add(change)
        if review_by is not None and change > review_by:
            report.add(
                "dated-after-review",
                path,
                line,
                kind=block.kind,
                date=when.isoformat(),
                change=change.isoformat(),
                review_by=review_by.isoformat(),
            )
    return changes
