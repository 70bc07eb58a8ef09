"""Reads one card file (front matter and body) into a Card, reporting every problem on the way."""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from infocards.content.bodycheck import check_body
from infocards.content.dated_blocks import check_dated_blocks
from infocards.content.fields import FieldLines, check_fields
from infocards.content.frontmatter import AnchorRefused, load_yaml
from infocards.content.links import CARD_ID
from infocards.content.model import Card
from infocards.content.problems import Reporter, yaml_error_detail, yaml_error_line
from infocards.content.region_blocks import check_region_blocks
from infocards.i18n import t
from infocards.regions import REGIONS, changes_for

__all__ = ["MAX_CARD_BYTES", "ParsedCard", "parse_card_file", "read_text", "split_front_matter"]

MAX_CARD_BYTES = 256 * 1024


@dataclass
class ParsedCard:
    """A card read from one file, with what the pack-wide checks need (link targets and lines)."""

    card: Card | None
    path: Path
    field_lines: dict[str, int] = field(default_factory=dict)
    card_links: list[tuple[str, int]] = field(default_factory=list)
    lines: FieldLines | None = None
    card_id: str | None = None  # id and lang as written, also for a card with errors
    lang: str | None = None
    related: tuple[str, ...] = ()  # the related ids, checked across cards even when the card failed

    def item_line(self, key: str, index: int) -> int:
        """The file line of a list item in the front matter (worked out only when a problem needs it)."""
        return self.lines.item(key, index) if self.lines is not None else 1


def read_text(path: Path, report: Reporter, limit: int = MAX_CARD_BYTES) -> str | None:
    """The file's text with newlines normalised, or None after reporting why it cannot be read."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            report.add("file-unreadable", path, 1, reason="not a regular file")
            return None
        if info.st_size > limit:
            report.add("too-large", path, 1, size=info.st_size // 1024, limit=limit // 1024)
            return None
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        report.add("file-unreadable", path, 1, reason=exc.strerror or type(exc).__name__)
        return None
    if len(data) > limit:
        report.add("too-large", path, 1, size=len(data) // 1024, limit=limit // 1024)
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        report.add("not-utf8", path, data.count(b"\n", 0, exc.start) + 1)
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        report.add("binary", path, text.count("\n", 0, text.index("\x00")) + 1)
        return None
    return text


def split_front_matter(text: str) -> tuple[str, str, int] | int | None:
    """(front matter, body, body line); None without an opening fence; 0 when never closed."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    return 0


def parse_card_file(
    path: Path, pack: str, report: Reporter, today: date, pack_region: str | None = None
) -> ParsedCard:
    """Read, parse and check one card; `card` is None when the file has errors."""
    parsed = ParsedCard(None, path)
    start = len(report.problems)
    text = read_text(path, report)
    if text is None:
        return parsed
    split = split_front_matter(text)
    if split is None:
        report.add("no-front-matter", path, 1)
        return parsed
    if split == 0:
        report.add("unclosed-front-matter", path, 1)
        return parsed
    front_matter, body, body_line = split  # type: ignore[misc]
    lines = FieldLines(front_matter, 2)
    try:
        data = load_yaml(front_matter)
    except AnchorRefused as exc:
        report.add("yaml-anchor", path, 2 + exc.line)
        return parsed
    except yaml.MarkedYAMLError as exc:
        report.add("yaml-syntax", path, yaml_error_line(exc, 2), detail=yaml_error_detail(exc, report.lang))
        return parsed
    except yaml.YAMLError as exc:
        position = getattr(exc, "position", 0) or 0
        line = 2 + front_matter.count("\n", 0, position)
        report.add("yaml-syntax", path, line, detail=yaml_error_detail(exc, report.lang))
        return parsed
    except (RecursionError, ValueError, OverflowError) as exc:
        report.add("yaml-syntax", path, 2, detail=yaml_error_detail(exc, report.lang))
        return parsed
    if data is None:
        data = {}
    if not isinstance(data, dict):
        report.add("front-matter-not-mapping", path, 2, kind=type(data).__name__)
        return parsed
    parsed.field_lines = {key: lines_list[0] for key, lines_list in lines.keys.items()}
    parsed.lines = lines
    fields = check_fields(data, lines, path, report, today)
    parsed.card_links = check_body(body, body_line, path, report)
    named = check_region_blocks(body, body_line, path, report)
    dated = check_dated_blocks(body, body_line, path, report, fields["review_by"] if fields else None)
    for key in ("id", "lang"):
        value = data.get(key)
        setattr(parsed, "card_id" if key == "id" else key, value.strip() if isinstance(value, str) else None)
    related = data.get("related")
    related = [related] if isinstance(related, str) else related if isinstance(related, list) else []
    parsed.related = tuple(r.strip() if isinstance(r, str) and CARD_ID.fullmatch(r.strip()) else "" for r in related)
    if fields is not None:
        _check_review_by(fields, body, named, dated, pack_region, lines, path, report)
    if report.errors_in(start) or fields is None:
        return parsed
    region = fields.pop("region")  # checked as an id; shown by its name, as the editor meant it
    parsed.card = Card(
        path=path,
        pack=pack,
        body=body,
        body_line=body_line,
        region=REGIONS[region].name(fields["lang"]) if region else None,
        **fields,
    )
    return parsed


def _check_review_by(
    fields: dict, body: str, named: set[str], dated: set[date], pack_region, lines, path, report
) -> None:
    """A card on rules must be reviewed before a known change in its region: the card's region, else
    the pack's, else the regions its blocks or its text name. A change is handled when the card was
    reviewed on or after its day, or has a dated block that changes the text on that day."""
    review_by = fields["review_by"]
    if review_by is None or not (fields["category"] == "legislation" or fields["applies_from"] is not None):
        return
    region = fields["region"] or pack_region
    regions = {region} if region else named | {
        r.id for r in REGIONS.values() if r.name_da in body or r.name_en in body
    }
    for change in changes_for(regions):
        if change.day in dated or fields["reviewed"] >= change.day:
            continue
        if review_by > change.day:
            report.add(
                "review-by-after-change",
                path,
                lines.of("review_by"),
                date=review_by.isoformat(),
                change=change.day.isoformat(),
                what=t(change.what, report.lang),
            )
            return
