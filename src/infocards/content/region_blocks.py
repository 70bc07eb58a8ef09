"""Region blocks in a card body: `::: region <id> [<id> ...]` ... `:::`, on lines of their own.

A block names one or more regions (or `default`); the app shows the blocks for its region, and the
`default` blocks only when no block names that region (or no region is set). Text outside blocks is
always shown. Region blocks do not nest in each other; they may sit inside a dated block or hold one
(content/blocks.py). Lines inside fenced code are not blocks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from infocards.content.blocks import REGION, scan_blocks
from infocards.content.problems import Reporter, suggest
from infocards.i18n import t
from infocards.regions import REGIONS

__all__ = ["ALL_REGIONS", "DEFAULT", "RegionBlock", "check_region_blocks", "find_blocks", "resolve_body"]

DEFAULT = "default"
ALL_REGIONS = "*"  # resolve_body's proofing mode: every block, under a heading naming its regions


@dataclass(frozen=True)
class RegionBlock:
    first: int  # index of the opening line in the body
    last: int  # index of the closing line (the last line of the body when never closed)
    regions: tuple[str, ...]  # as written, lower case
    closed: bool


def find_blocks(body: str) -> tuple[list[RegionBlock], list[tuple[str, int, dict]]]:
    """The region blocks, and the problems of their structure as (code, line index, params); dated
    blocks around or inside them are left to dated_blocks (content/blocks.py reads both)."""
    blocks, problems = scan_blocks(body)
    regions = [RegionBlock(b.first, b.last, b.args, b.closed) for b in blocks if b.family == REGION]
    return regions, [p for p in problems if p[0].startswith("region-")]


def check_region_blocks(body: str, body_line: int, path: Path, report: Reporter) -> set[str]:
    """Report unknown ids, unclosed or nested blocks and a missing default; return the ids named."""
    blocks, problems = find_blocks(body)
    for code, index, params in problems:
        if "first" in params:
            params = {"first": body_line + params["first"]}
        report.add(code, path, body_line + index, **params)
    named: set[str] = set()
    for block in blocks:
        for region in block.regions:
            if region != DEFAULT and region not in REGIONS:
                report.add(
                    "bad-region",
                    path,
                    body_line + block.first,
                    suggestion=suggest(region, (*REGIONS, DEFAULT)),
                    value=region,
                    choices=", ".join((*REGIONS, DEFAULT)),
                )
            named.add(region)
    if blocks and DEFAULT not in named:
        report.add("region-no-default", path, body_line + blocks[0].first)
    return named - {DEFAULT}


def resolve_body(body: str, region: str | None, lang: str = "da") -> str:
    """The body as shown for `region` (None: no region set); ALL_REGIONS shows every block under a
    heading naming its region(s), for an editor proofing a deck."""
    blocks, _ = find_blocks(body)
    if not blocks:
        return body
    lines = body.split("\n")
    named = {r for block in blocks for r in block.regions}
    wanted = {region} if region in named else {DEFAULT}
    out: list[str] = []
    position = 0
    for block in blocks:
        out.extend(lines[position : block.first])
        inner = lines[block.first + 1 : block.last if block.closed else block.last + 1]
        if region == ALL_REGIONS:
            out.extend(["", f"#### {_heading(block.regions, lang)}", "", *inner, ""])
        elif wanted & set(block.regions):
            out.extend(inner)
        position = block.last + 1
    out.extend(lines[position:])
    return "\n".join(out)


def _heading(regions: tuple[str, ...], lang: str) -> str:
    if DEFAULT in regions or not regions:
        return t("content.deck.region_default", lang)
    names = [REGIONS[r].name(lang) if r in REGIONS else r for r in regions]
    return t("content.deck.region_block", lang, regions=", ".join(names))
