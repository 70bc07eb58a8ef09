"""A fast reader for the plain YAML shapes card front matter uses, giving what PyYAML's base loader gives.

PyYAML builds every value in Python and was most of the time spent loading a pack. Cards use a
handful of shapes (`key: text`, `key: [a, b]`, a list of texts, a list of `title`/`url` pairs); this
reads exactly those and answers None for anything else, which then goes to PyYAML. A property test
holds the two readers to the same answers.
"""

from __future__ import annotations

import re

import yaml

__all__ = ["AnchorRefused", "FrontMatterLoader", "load_yaml", "parse_simple"]

_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?")
_ITEM = re.compile(r"( *)- +(.*)")
# A plain scalar may not start with an indicator, nor hold ": " or " #" (a mapping or a comment).
_PLAIN_START = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_ITEM = re.compile(r"[^\s\[\]{},:#'\"&*!|>%@`?-][^\[\]{},#'\"]*")
# YAML refuses characters outside its printable set and reads a few more as line breaks.
_NOT_SIMPLE_CHARACTERS = re.compile(
    "[^\x0a\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


class _NotSimple(Exception):
    """Raised inside the reader when the text leaves the simple shapes; the caller uses PyYAML."""


def _scalar(text: str) -> str:
    text = text.strip(" ")
    if not text:
        return ""
    if "\t" in text or " #" in text or text.endswith(":"):
        raise _NotSimple
    first = text[0]
    if first == '"':
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != '"' or '"' in inner or "\\" in inner:
            raise _NotSimple
        return inner
    if first == "'":
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != "'" or "'" in inner:
            raise _NotSimple
        return inner
    if first in _PLAIN_START or ": " in text:
        raise _NotSimple
    return text


def _inline(text: str) -> str | list[str]:
    text = text.strip(" ")
    if text.startswith("["):
        if not text.endswith("]") or " #" in text:
            raise _NotSimple
        inner = text[1:-1].strip(" ")
        if not inner:
            return []
        items = [item.strip(" ") for item in inner.split(",")]
        if not all(_FLOW_ITEM.fullmatch(item) and ": " not in item and not item.endswith(":") for item in items):
            raise _NotSimple
        return items
    return _scalar(text)


def _mapping_item(first: str, rest: list[str], indent: int) -> dict[str, str]:
    item: dict[str, str] = {}
    for index, line in enumerate([first, *rest]):
        text = line if index == 0 else line[indent:]
        if index and (line[:indent].strip(" ") or text[:1] == " "):
            raise _NotSimple  # not aligned under the first key
        match = _KEY.fullmatch(text)
        if match is None or match.group(1) in item:
            raise _NotSimple
        item[match.group(1)] = _scalar(match.group(2) or "")
    return item


def _block(lines: list[str]) -> str | list:
    content = [line for line in lines if line.strip(" ")]
    if not content:
        return ""
    first = _ITEM.fullmatch(content[0])
    if first is None:
        raise _NotSimple
    dash = len(first.group(1))
    items: list = []
    position = 0
    while position < len(content):
        match = _ITEM.fullmatch(content[position])
        if match is None or len(match.group(1)) != dash:
            raise _NotSimple
        position += 1
        continuation = []
        while position < len(content) and not _ITEM.fullmatch(content[position]) and content[position].startswith(" "):
            continuation.append(content[position])
            position += 1
        value = match.group(2)
        if _KEY.fullmatch(value):
            items.append(
                _mapping_item(value, continuation, len(content[position - len(continuation) - 1]) - len(value))
            )
        elif continuation:
            raise _NotSimple
        else:
            if value.lstrip(" ").startswith("["):
                raise _NotSimple
            items.append(_scalar(value))
    return items


def parse_simple(text: str) -> dict | None:
    """The front matter as a dict of str, list and dict, or None when it is not of the simple shapes."""
    if "\\" in text or _NOT_SIMPLE_CHARACTERS.search(text):
        return None
    result: dict = {}
    lines = text.split("\n")
    index = 0
    try:
        while index < len(lines):
            line = lines[index]
            stripped = line.strip(" ")
            if not stripped or (stripped.startswith("#") and not line.startswith(" ")):
                index += 1
                continue
            match = _KEY.fullmatch(line)
            if match is None or match.group(1) in result:
                return None
            index += 1
            value = match.group(2)
            if value is None or not value.strip(" "):
                block = []
                while index < len(lines) and (lines[index].startswith(" ") or not lines[index].strip(" ")):
                    block.append(lines[index])
                    index += 1
                if any(line.lstrip(" ").startswith("#") for line in block):
                    return None
                result[match.group(1)] = _block(block)
                continue
            result[match.group(1)] = _inline(value)
            if index < len(lines) and lines[index].startswith(" ") and lines[index].strip(" "):
                return None  # a plain scalar continued on the next line
    except _NotSimple:
        return None
    return result or None  # nothing at all is YAML's null, not an empty mapping


class FrontMatterLoader(getattr(yaml, "CBaseLoader", yaml.BaseLoader)):  # type: ignore[misc]
    """YAML where every scalar is text: no YAML 1.1 guessing (a title "Yes" stays a title, not True;
    a bad date is reported, not raised), no Python objects, and several times faster than the safe
    loader, whose type guessing runs in Python for every value."""


class AnchorRefused(yaml.YAMLError):
    """An anchor (&name) or alias (*name) in front matter or pack.yaml: refused, because a few
    hundred bytes of nested aliases expand to gigabytes. `line` counts from 0 in the YAML text."""

    def __init__(self, line: int) -> None:
        super().__init__("anchors and aliases are not allowed")
        self.line = line


def _refuse_anchors(text: str) -> None:
    """Walk the parser's events (no values are built) and stop at the first anchor or alias."""
    for event in yaml.parse(text, Loader=FrontMatterLoader):
        if getattr(event, "anchor", None) is not None:
            raise AnchorRefused(event.start_mark.line if event.start_mark is not None else 0)


def load_yaml(text: str) -> object:
    """yaml.load where every scalar is a string; raises AnchorRefused for an anchor or alias (and
    yaml.YAMLError and the like for bad YAML)."""
    simple = parse_simple(text)
    if simple is not None:
        return simple  # the simple shapes hold no anchors: "&" and "*" may not start a value there
    if "&" in text or "*" in text:
        _refuse_anchors(text)
    return yaml.load(text, Loader=FrontMatterLoader)  # noqa: S506 - the base loader builds only str, list, dict
