"""Checks a card's front-matter fields, each problem reported at the line of its field."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

from infocards.content.frontmatter import FrontMatterLoader
from infocards.content.hidden import describe, hidden_characters
from infocards.content.links import CARD_ID, classify_link
from infocards.content.model import CARD_FIELDS, CATEGORIES, CODE_SYSTEMS, LANGS, Source
from infocards.content.problems import Reporter, brief, suggest
from infocards.regions import REGIONS, normalize_region
from infocards.vocab import ROLES

__all__ = ["FieldLines", "check_fields"]

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "yes", "on"})
_FALSE = frozenset({"false", "no", "off"})

_TOP_LEVEL_KEY = re.compile(r"^([^\s#:\-?'\"][^:#\n]*?)[ \t]*:(?=[ \t]|$)", re.M)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CODE_FORMS = {
    "ICPC-2": re.compile(r"-?[A-Z][0-9]{2}"),
    "ICD-10": re.compile(r"[A-Z][0-9]{2}(?:\.[0-9]{1,2})?"),
    "SNOMED": re.compile(r"[0-9]{6,18}"),
}


class FieldLines:
    """File line numbers of front-matter fields and list items, from the YAML text."""

    def __init__(self, front_matter: str, first_line: int) -> None:
        self.text = front_matter
        self.first = first_line
        self.keys: dict[str, list[int]] = {}
        line, counted = first_line, 0
        for match in _TOP_LEVEL_KEY.finditer(front_matter):
            line += front_matter.count("\n", counted, match.start())  # from the last key: linear
            counted = match.start()
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


def _value(data: dict, key: str) -> object:
    """The field's value; an empty value or YAML's null spellings count as absent."""
    value = data.get(key)
    if isinstance(value, str) and value.strip() in _NULLS:
        return None
    return value


def _text(data: dict, key: str, lines: FieldLines, path: Path, report: Reporter, required: bool) -> str | None:
    value = _value(data, key)
    if value is None:
        if required:
            report.add("missing-field", path, lines.of(key) if key in data else 1, field=key)
        return None
    if not isinstance(value, str):
        report.add("not-text", path, lines.of(key), field=key, kind=type(value).__name__)
        return None
    return value.strip()


def _date(data: dict, key: str, lines: FieldLines, path: Path, report: Reporter, required: bool) -> date | None:
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
    report.add("bad-date", path, lines.of(key), field=key, value=brief(value, 40))
    return None


def check_fields(data: dict, lines: FieldLines, path: Path, report: Reporter, today: date) -> dict | None:
    for key in data:
        if key not in CARD_FIELDS:
            report.add(
                "unknown-field",
                path,
                lines.of(key),
                suggestion=suggest(key, CARD_FIELDS),
                field=brief(key, 60),
                choices=", ".join(CARD_FIELDS),
            )
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
    for key in ("title", "summary"):
        _check_hidden(values[key], key, lines.of(key), path, report)
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
    region = _region(values["region"], lines, path, report)
    order = _order(data, lines, path, report)
    keywords = _keywords(data, lines, path, report)
    is_rules = category == "legislation" or applies_from is not None
    if is_rules and review_by is None and "review_by" not in data:
        report.add("review-by-missing", path, lines.of("id"))
    sources = _sources(data, lines, path, report)
    codes = _codes(data, lines, path, report)
    related = _related(data, lines, path, report)
    flag = _value(data, "overrides")
    overrides = False
    if isinstance(flag, str) and flag.strip().lower() in _TRUE | _FALSE:
        overrides = flag.strip().lower() in _TRUE
    elif flag is not None:
        report.add("bad-overrides", path, lines.of("overrides"), value=brief(flag, 40))
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
        "region": region,
        "order": order,
        "keywords": keywords,
        "codes": codes,
        "role": role,
        "related": related,
        "overrides": overrides,
    }


def _region(value: str | None, lines: FieldLines, path: Path, report: Reporter) -> str | None:
    if value is None:
        return None
    try:
        return normalize_region(value)
    except ValueError:
        report.add(
            "bad-region",
            path,
            lines.of("region"),
            suggestion=suggest(value.lower(), REGIONS),
            value=value,
            choices=", ".join(REGIONS),
        )
        return None


def _order(data: dict, lines: FieldLines, path: Path, report: Reporter) -> int | None:
    value = _value(data, "order")
    if value is None:
        return None
    text = value.strip() if isinstance(value, str) else ""
    if text.isascii() and text.isdigit() and len(text) <= 3 and 1 <= int(text) <= 999:
        return int(text)
    report.add("bad-order", path, lines.of("order"), value=brief(value))
    return None


def _keywords(data: dict, lines: FieldLines, path: Path, report: Reporter) -> tuple[str, ...]:
    value = _value(data, "keywords")
    if value is None:
        return ()
    if not isinstance(value, list):
        report.add("bad-keywords", path, lines.of("keywords"))
        return ()
    keywords = []
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip() or "\n" in item.strip():
            report.add("bad-keywords", path, lines.item("keywords", index))
            continue
        keywords.append(item.strip())
    return tuple(keywords)


def _sources(data: dict, lines: FieldLines, path: Path, report: Reporter) -> tuple[Source, ...] | None:
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
                        choices="title, url",
                        field=f"sources: {brief(key, 40)}",
                    )
        _check_hidden(title, "sources: title", lines.item("sources", index), path, report)
        if classify_link(url) != "https":
            report.add("source-url", path, lines.item("sources", index), url=url.strip()[:80])
            continue
        sources.append(Source(title.strip(), url.strip()))
    return tuple(sources)


def _check_hidden(value: object, field: str, line: int, path: Path, report: Reporter) -> None:
    """A title, summary or source title with a character nobody sees (a bidi override, a zero-width
    space): an error, because it changes what the text reads as in every place it is shown."""
    if not isinstance(value, str):
        return
    for _, char in hidden_characters(value):
        code_point, kind = describe(char)
        report.add(f"hidden-{kind}", path, line, field=field, char=code_point, hint="content.check.hidden.hint")
        return


def _string_list(data: dict, key: str, lines: FieldLines, path: Path, report: Reporter, code: str):
    value = _value(data, key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]  # a single value without a list is what an editor means
    if not isinstance(value, list):
        report.add(code, path, lines.of(key), value=brief(value, 60))
        return []
    items = []
    for index, item in enumerate(value):
        if not isinstance(item, str):
            report.add(code, path, lines.item(key, index), value=brief(item, 60))
        else:
            items.append((index, item.strip()))
    return items


def _codes(data: dict, lines: FieldLines, path: Path, report: Reporter) -> tuple[str, ...]:
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


def _related(data: dict, lines: FieldLines, path: Path, report: Reporter) -> tuple[str, ...]:
    related = []
    for index, card_id in _string_list(data, "related", lines, path, report, "bad-related"):
        if not CARD_ID.fullmatch(card_id):
            report.add("bad-related", path, lines.item("related", index), value=card_id[:60])
            continue
        related.append(card_id)
    return tuple(related)
