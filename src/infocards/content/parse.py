"""Reads one card file (front matter and body) into a Card, reporting every problem on the way."""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from infocards.content import scan
from infocards.content.frontmatter import parse_simple
from infocards.content.links import (
    CARD_ID,
    card_link_target,
    classify_link,
    is_local_image,
    is_remote_image,
    normalise_url,
)
from infocards.content.model import CARD_FIELDS, CATEGORIES, CODE_SYSTEMS, LANGS, Card, Source
from infocards.content.problems import Reporter, suggest, yaml_error_line
from infocards.vocab import ROLES

__all__ = ["MAX_CARD_BYTES", "FrontMatterLoader", "ParsedCard", "load_yaml", "parse_card_file", "read_text"]

MAX_CARD_BYTES = 256 * 1024


class FrontMatterLoader(getattr(yaml, "CBaseLoader", yaml.BaseLoader)):  # type: ignore[misc]
    """YAML where every scalar is text: no YAML 1.1 guessing (a title "Yes" stays a title, not True;
    a bad date is reported, not raised), no Python objects, and several times faster than the safe
    loader, whose type guessing runs in Python for every value."""


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "yes", "on"})
_FALSE = frozenset({"false", "no", "off"})

_TOP_LEVEL_KEY = re.compile(r"^([^\s#:\-?'\"][^:#]*?)[ \t]*:(?=[ \t]|$)", re.M)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CODE_FORMS = {
    "ICPC-2": re.compile(r"-?[A-Z][0-9]{2}"),
    "ICD-10": re.compile(r"[A-Z][0-9]{2}(?:\.[0-9]{1,2})?"),
    "SNOMED": re.compile(r"[0-9]{6,18}"),
}
_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")


@dataclass
class ParsedCard:
    """A card read from one file, with what the pack-wide checks need (link targets and lines)."""

    card: Card | None
    path: Path
    field_lines: dict[str, int] = field(default_factory=dict)
    card_links: list[tuple[str, int]] = field(default_factory=list)
    lines: _Lines | None = None

    def item_line(self, key: str, index: int) -> int:
        """The file line of a list item in the front matter (worked out only when a problem needs it)."""
        return self.lines.item(key, index) if self.lines is not None else 1


def load_yaml(text: str) -> object:
    """yaml.load where every scalar is a string (raises yaml.YAMLError and the like)."""
    simple = parse_simple(text)
    if simple is not None:
        return simple
    return yaml.load(text, Loader=FrontMatterLoader)  # noqa: S506 - the base loader builds only str, list, dict


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


class _Lines:
    """File line numbers of front-matter fields and list items, from the YAML text."""

    def __init__(self, front_matter: str, first_line: int) -> None:
        self.text = front_matter
        self.first = first_line
        self.keys: dict[str, list[int]] = {}
        for match in _TOP_LEVEL_KEY.finditer(front_matter):
            line = first_line + front_matter.count("\n", 0, match.start())
            self.keys.setdefault(match.group(1).strip(), []).append(line)
        self._node: yaml.Node | bool | None = False

    def of(self, key: object) -> int:
        lines = self.keys.get(str(key))
        return lines[0] if lines else self.first - 1

    def item(self, key: str, index: int) -> int:
        """The line of the index-th item of a list field (composed only when a problem needs it)."""
        if self._node is False:
            try:
                self._node = yaml.compose(self.text, Loader=FrontMatterLoader)
            except (yaml.YAMLError, RecursionError, ValueError):
                self._node = None
        node = self._node
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == key and isinstance(value_node, yaml.SequenceNode):
                    if index < len(value_node.value):
                        return self.first + value_node.value[index].start_mark.line
        return self.of(key)


def split_front_matter(text: str) -> tuple[str, str, int] | int | None:
    """(front matter, body, body line); None without an opening fence; 0 when never closed."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    return 0


def parse_card_file(path: Path, pack: str, report: Reporter, today: date) -> ParsedCard:
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
    lines = _Lines(front_matter, 2)
    try:
        data = load_yaml(front_matter)
    except yaml.MarkedYAMLError as exc:
        report.add("yaml-syntax", path, yaml_error_line(exc, 2), detail=(exc.problem or str(exc)).strip())
        return parsed
    except yaml.YAMLError as exc:
        position = getattr(exc, "position", 0) or 0
        line = 2 + front_matter.count("\n", 0, position)
        report.add("yaml-syntax", path, line, detail=type(exc).__name__)
        return parsed
    except (RecursionError, ValueError, OverflowError) as exc:
        report.add("yaml-syntax", path, 2, detail=type(exc).__name__)
        return parsed
    if data is None:
        data = {}
    if not isinstance(data, dict):
        report.add("front-matter-not-mapping", path, 2, kind=type(data).__name__)
        return parsed
    parsed.field_lines = {key: lines_list[0] for key, lines_list in lines.keys.items()}
    parsed.lines = lines
    fields = _check_fields(data, lines, path, report, today)
    links = _check_body(body, body_line, path, report)
    parsed.card_links = links
    if report.errors_in(start) or fields is None:
        return parsed
    parsed.card = Card(
        path=path,
        pack=pack,
        body=body,
        body_line=body_line,
        **fields,
    )
    return parsed


def _value(data: dict, key: str) -> object:
    """The field's value; an empty value or YAML's null spellings count as absent."""
    value = data.get(key)
    if isinstance(value, str) and value.strip() in _NULLS:
        return None
    return value


def _text(data: dict, key: str, lines: _Lines, path: Path, report: Reporter, required: bool) -> str | None:
    value = _value(data, key)
    if value is None:
        if required:
            report.add("missing-field", path, lines.of(key) if key in data else 1, field=key)
        return None
    if not isinstance(value, str):
        report.add("not-text", path, lines.of(key), field=key, kind=type(value).__name__)
        return None
    return value.strip()


def _date(data: dict, key: str, lines: _Lines, path: Path, report: Reporter, required: bool) -> date | None:
    value = _value(data, key)
    if value is None:
        if required:
            report.add("missing-field", path, lines.of(key) if key in data else 1, field=key)
        return None
    text = value.strip() if isinstance(value, str) else None
    if text is not None and _DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass  # reported below: the shape is right but the day does not exist
    report.add("bad-date", path, lines.of(key), field=key, value=str(value)[:40])
    return None


def _check_fields(data: dict, lines: _Lines, path: Path, report: Reporter, today: date) -> dict | None:
    for key in data:
        if key not in CARD_FIELDS:
            report.add("unknown-field", path, lines.of(key), suggestion=suggest(key, CARD_FIELDS), field=str(key)[:60])
    for key, key_lines in lines.keys.items():
        if len(key_lines) > 1:
            report.add("duplicate-field", path, key_lines[1], field=key[:60], first=key_lines[0])
    values: dict[str, object] = {}
    for key in ("id", "title", "category", "lang", "summary"):
        values[key] = _text(data, key, lines, path, report, required=True)
    for key in ("region", "role"):
        values[key] = _text(data, key, lines, path, report, required=False)
    card_id = values["id"]
    if isinstance(card_id, str) and not CARD_ID.fullmatch(card_id):
        report.add("bad-id", path, lines.of("id"), value=card_id[:60])
    category = values["category"]
    if isinstance(category, str) and category not in CATEGORIES:
        report.add(
            "bad-category",
            path,
            lines.of("category"),
            suggestion=suggest(category, CATEGORIES),
            value=category[:60],
            choices=", ".join(CATEGORIES),
        )
    lang = values["lang"]
    if isinstance(lang, str) and lang not in LANGS:
        report.add("bad-lang", path, lines.of("lang"), value=lang[:20])
    summary = values["summary"]
    if isinstance(summary, str) and "\n" in summary:
        report.add("summary-multiline", path, lines.of("summary"))
    reviewed = _date(data, "reviewed", lines, path, report, required=True)
    review_by = _date(data, "review_by", lines, path, report, required=False)
    applies_from = _date(data, "applies_from", lines, path, report, required=False)
    if reviewed is not None and reviewed > today:
        report.add("reviewed-in-future", path, lines.of("reviewed"), date=reviewed.isoformat())
    if review_by is not None and review_by < today:
        report.add("review-overdue", path, lines.of("review_by"), date=review_by.isoformat())
    if category == "legislation" and applies_from is None and "applies_from" not in data:
        report.add("applies-from-required", path, 1)
    role = values["role"]
    if category == "role" and role is None and "role" not in data:
        report.add("role-required", path, 1)
    if isinstance(role, str):
        if role not in ROLES:
            report.add(
                "bad-role",
                path,
                lines.of("role"),
                suggestion=suggest(role, ROLES),
                value=role[:60],
                choices=", ".join(ROLES),
            )
        elif category in CATEGORIES and category != "role":
            report.add("role-on-other-card", path, lines.of("role"))
    sources = _sources(data, lines, path, report)
    codes = _codes(data, lines, path, report)
    related = _related(data, lines, path, report)
    flag = _value(data, "overrides")
    overrides = False
    if isinstance(flag, str) and flag.strip().lower() in _TRUE | _FALSE:
        overrides = flag.strip().lower() in _TRUE
    elif flag is not None:
        report.add("bad-overrides", path, lines.of("overrides"), value=str(flag)[:40])
    if None in (card_id, values["title"], category, lang, summary, reviewed, sources):
        return None
    return {
        "id": card_id,
        "title": values["title"],
        "category": category,
        "lang": lang,
        "summary": summary,
        "sources": sources,
        "reviewed": reviewed,
        "review_by": review_by,
        "applies_from": applies_from,
        "region": values["region"],
        "codes": codes,
        "role": role,
        "related": related,
        "overrides": overrides,
    }


def _sources(data: dict, lines: _Lines, path: Path, report: Reporter) -> tuple[Source, ...] | None:
    value = _value(data, "sources")
    if value is None:
        report.add("missing-field", path, lines.of("sources") if "sources" in data else 1, field="sources")
        return None
    if not isinstance(value, list) or not value:
        report.add("bad-sources", path, lines.of("sources"))
        return None
    sources = []
    for index, item in enumerate(value):
        title = item.get("title") if isinstance(item, dict) else None
        url = item.get("url") if isinstance(item, dict) else None
        if not (isinstance(title, str) and title.strip() and isinstance(url, str) and url.strip()):
            report.add("bad-source", path, lines.item("sources", index), number=index + 1)
            continue
        if isinstance(item, dict):
            for key in item:
                if key not in ("title", "url"):
                    report.add(
                        "unknown-field",
                        path,
                        lines.item("sources", index),
                        suggestion=suggest(key, ("title", "url")),
                        field=f"sources: {str(key)[:40]}",
                    )
        if classify_link(url) != "https":
            report.add("source-url", path, lines.item("sources", index), url=url.strip()[:80])
            continue
        sources.append(Source(title.strip(), url.strip()))
    return tuple(sources)


def _string_list(data: dict, key: str, lines: _Lines, path: Path, report: Reporter, code: str):
    value = _value(data, key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]  # a single value without a list is what an editor means
    if not isinstance(value, list):
        report.add(code, path, lines.of(key), value=str(value)[:60])
        return []
    items = []
    for index, item in enumerate(value):
        if not isinstance(item, str):
            report.add(code, path, lines.item(key, index), value=str(item)[:60])
        else:
            items.append((index, item.strip()))
    return items


def _codes(data: dict, lines: _Lines, path: Path, report: Reporter) -> tuple[str, ...]:
    codes = []
    for index, code in _string_list(data, "codes", lines, path, report, "bad-codes"):
        system, _, value = code.partition(":")
        form = _CODE_FORMS.get(system.strip())
        if form is None or not form.fullmatch(value.strip()):
            report.add(
                "bad-code",
                path,
                lines.item("codes", index),
                suggestion=suggest(system, CODE_SYSTEMS) if form is None and value else None,
                value=code[:60],
                systems=", ".join(CODE_SYSTEMS),
            )
            continue
        codes.append(f"{system.strip()}:{value.strip()}")
    return tuple(codes)


def _related(data: dict, lines: _Lines, path: Path, report: Reporter) -> tuple[str, ...]:
    related = []
    for index, card_id in _string_list(data, "related", lines, path, report, "bad-related"):
        if not CARD_ID.fullmatch(card_id):
            report.add("bad-related", path, lines.item("related", index), value=card_id[:60])
            continue
        related.append(card_id)
    return tuple(related)


def _check_body(body: str, body_line: int, path: Path, report: Reporter) -> list[tuple[str, int]]:
    """Report unsafe HTML, links and images in the body; return the card links with their lines."""
    if "<" not in body and "[" not in body:
        return []
    masked = scan.mask_code(body)

    def line_of(offset: int) -> int:
        return body_line + body.count("\n", 0, offset)

    for token in scan.iter_html(body, masked):
        if token.kind == "comment":
            continue  # editors' notes: never shown, harmless
        if token.kind == "autolink":
            _check_url(token.name, False, line_of(token.start), path, report, [])
        elif token.dangerous:
            report.add("unsafe-html", path, line_of(token.start), tag=token.name or "?")
        else:
            report.add("raw-html", path, line_of(token.start), tag=token.name or "?")
    card_links: list[tuple[str, int]] = []
    for link in scan.iter_links(body, masked):
        _check_url(link.url, link.image, line_of(link.start), path, report, card_links)
    return card_links


def _check_url(url: str, image: bool, line: int, path: Path, report: Reporter, card_links: list) -> None:
    target = normalise_url(url)
    shown = target[:80]
    if target.lower().startswith(_UNSAFE_SCHEMES):
        report.add("unsafe-link", path, line, url=shown.split(",", 1)[0])
    elif image:
        if is_remote_image(url):
            report.add("remote-image", path, line, url=shown)
        elif not is_local_image(url):
            report.add("blocked-link", path, line, url=shown)
        elif not (path.parent / target.split("#", 1)[0].split("?", 1)[0]).is_file():
            report.add("image-missing", path, line, url=shown)
    elif target.lower().startswith("card:"):
        card_id = card_link_target(url)
        if card_id is None:
            report.add("bad-card-link", path, line, url=shown)
        else:
            card_links.append((card_id, line))
    elif classify_link(url) == "blocked":
        report.add("blocked-link", path, line, url=shown)
