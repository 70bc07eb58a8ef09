"""The `:::` blocks of a card body, region and dated alike: where each opens and closes.

Region blocks (`::: region <id> ...`) and dated blocks (`::: from <date>`, `::: until <date>`) share
one closing line, `:::`, which closes the innermost open block. A block of one family may hold a
block of the other (a dated block inside a region block, or region blocks inside a dated block),
but not one of its own family. Lines inside fenced code are not blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from infocards.content import scan

__all__ = ["DATED", "REGION", "Block", "scan_blocks"]

REGION = "region"
DATED = "dated"
_OPEN = re.compile(r" {0,3}:::[ \t]*(?P<kind>region|from|until)(?=[ \t]|$)(?:[ \t]+(?P<args>[^\n]*?))?[ \t]*")
_CLOSE = re.compile(r" {0,3}:::[ \t]*")


@dataclass(frozen=True)
class Block:
    family: str  # REGION or DATED
    kind: str  # "region", "from" or "until"
    args: tuple[str, ...]  # the words after the kind, as written (region ids lower-cased)
    first: int  # index of the opening line in the body
    last: int  # index of the closing line; when never closed, the line before the next block of its
    # family, or the body's last line
    closed: bool


def scan_blocks(body: str) -> tuple[list[Block], list[tuple[str, int, dict]]]:
    """Every block, by opening line, and the problems of their structure as (code, line index, params).

    Codes: `<family>-empty` (a region block naming no region), `<family>-nested`, `<family>-unclosed`
    and `region-stray-close` (a `:::` with no open block)."""
    if ":::" not in body:
        return [], []
    masked = scan.fill(body, scan.fence_spans(body)) if ("```" in body or "~~~" in body) else body
    blocks: list[Block] = []
    problems: list[tuple[str, int, dict]] = []
    stack: list[tuple[str, str, tuple[str, ...], int]] = []  # (family, kind, args, first)
    for index, line in enumerate(masked.split("\n")):
        if ":::" not in line:
            continue
        match = _OPEN.fullmatch(line)
        if match is not None:
            kind = match.group("kind")
            family = REGION if kind == "region" else DATED
            words = (match.group("args") or "").split()
            args = tuple(w.lower() for w in words) if family == REGION else tuple(words)
            if family == REGION and not args:
                problems.append(("region-empty", index, {}))
            same = next((i for i, opened in enumerate(stack) if opened[0] == family), None)
            if same is not None:
                problems.append((f"{family}-nested", index, {"first": stack[same][3]}))
                for opened in reversed(stack[same:]):
                    blocks.append(Block(*opened, index - 1, False))
                del stack[same:]
            stack.append((family, kind, args, index))
        elif _CLOSE.fullmatch(line):
            if not stack:
                problems.append(("region-stray-close", index, {}))
            else:
                blocks.append(Block(*stack.pop(), index, True))
    last = masked.count("\n")
    for opened in reversed(stack):
        problems.append((f"{opened[0]}-unclosed", opened[3], {}))
        blocks.append(Block(*opened, last, False))
    blocks.sort(key=lambda block: block.first)
    return blocks, problems
