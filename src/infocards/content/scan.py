"""Finds raw HTML and links in a card's markdown body, outside code, with their offsets.

Shared by the checker (which reports them by line) and the renderers (which remove or rewrite
them), so that what the checker calls safe is exactly what the app lets through.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "DANGEROUS_TAGS",
    "FILLER",
    "HtmlToken",
    "LinkToken",
    "ReferenceDefinition",
    "code_spans",
    "fence_spans",
    "fill",
    "iter_broken_links",
    "iter_html",
    "iter_links",
    "iter_reference_definitions",
    "mask_code",
]

# Elements whose content must go with them: script, styles, frames and embedded documents.
DANGEROUS_TAGS = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "noscript",
        "template",
        "svg",
        "math",
        "link",
        "meta",
        "base",
        "form",
        "textarea",
        "xmp",
        "noembed",
        "noframes",
        "title",
        "plaintext",
    }
)
_CONTENT_TAGS = "script|style|iframe|object|embed|applet|noscript|template|svg|math|textarea|xmp|noembed|noframes|title|frameset|form"  # noqa: E501

FILLER = "\ue000"  # code is masked with a private-use character, keeping offsets and newlines
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.M)
_TICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")

# Every pattern below is tried at one position and cannot run past the next "<" (tags, autolinks)
# or the next blank line (link tails): with the memoised finds for what may lie further away
# (comment and processing-instruction ends), the whole scan stays linear in the card's length.
_AUTOLINK = re.compile(
    r"<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[^\s<>@\\]+@[^\s<>@\\.]+(?:\.[^\s<>@\\.]+)+>"
)
_ATTRIBUTES = r"""(?:[^<>"']|"[^"<]*"|'[^'<]*')*>"""
_ELEMENT = re.compile(
    rf"<(?P<ename>{_CONTENT_TAGS})\b{_ATTRIBUTES}[\s\S]*?(?:</(?P=ename)\s*>|\n[ \t]*\n|$(?![\s\S]))", re.I
)
_TAG = re.compile(rf"</?(?P<name>[A-Za-z][A-Za-z0-9-]*){_ATTRIBUTES}")
_DECLARATION_START = re.compile(r"<![A-Za-z\[]")
_EVENT_ATTRIBUTE = re.compile(r"[\s\"'/]on[a-z]+\s*=", re.I)
_SCRIPT_URL = re.compile(r"(?:java|vb)script\s*:|data\s*:", re.I)

# Possessive where nothing given back could match (a destination never ends before a space or ")",
# the spaces before a title or ")" are never part of them): no backtracking over runs of spaces.
_DEST = r"(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*+)"
_TITLE = (
    r"(?:\"(?:[^\"\\\n]|\\.|\n(?![ \t]*\n))*\"|'(?:[^'\\\n]|\\.|\n(?![ \t]*\n))*'"
    r"|\((?:[^()\\\n]|\\.|\n(?![ \t]*\n))*\))"
)
_LINK_TAIL = re.compile(
    rf"\([ \t]*+\n?[ \t]*+(?P<dest>{_DEST})(?:(?:[ \t]++\n?|\n)[ \t]*+(?P<title>{_TITLE}))?[ \t]*+\n?[ \t]*+\)"
)
_REFERENCE_DEFINITION = re.compile(
    rf"^ {{0,3}}\[(?P<label>(?:[^\[\]\\]|\\.)+)\]:[ \t]*\n?[ \t]*(?P<dest>{_DEST})"
    rf"(?:[ \t]+(?P<title>{_TITLE}))?[ \t]*$",
    re.M,
)
_BRACKETS = re.compile(r"\\[^\n]|[\[\]]|\n[ \t]*\n")
# "(tel:89 40 20 00)" after a "]": a destination with a scheme that holds spaces, which no markdown
# reader takes as a link, so the citizen would see the brackets and the address as text.
_SPACED_DESTINATION = re.compile(r"\([ \t]*([A-Za-z][A-Za-z0-9+.-]*:[^()\s]*[ \t][^()\n]*)\)")
_SPACED_AFTER_BRACKET = re.compile(r"\]" + _SPACED_DESTINATION.pattern)  # no nested quantifiers: linear


class _Finder:
    """str.find that remembers its last answer per needle, so that finds from positions moving
    forward read each character once (an unclosed "<!--" repeated does not rescan the rest)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._memo: dict[str, tuple[int, int]] = {}

    def find(self, needle: str, start: int) -> int:
        memo = self._memo.get(needle)
        if memo is not None and memo[0] <= start and (memo[1] < 0 or memo[1] >= start):
            return memo[1]
        found = self.text.find(needle, start)
        self._memo[needle] = (start, found)
        return found


@dataclass(frozen=True)
class HtmlToken:
    start: int
    end: int
    kind: str  # "autolink", "comment", "element" (with its content), "tag", "other"
    name: str  # the tag name in lower case, or the URL of an autolink
    dangerous: bool  # script-like element or tag, event attribute or script URL


@dataclass(frozen=True)
class LinkToken:
    start: int
    end: int
    image: bool
    text: str
    url: str
    reference: bool = False


@dataclass(frozen=True)
class ReferenceDefinition:
    start: int
    end: int
    label: str
    url: str


def _image_start(masked: str, start: int) -> int | None:
    """Where an image starts if the bracket at `start` follows an unescaped "!"; the patterns begin
    with the bracket itself because a leading optional "!" makes the regex engine try every position."""
    if start > 0 and masked[start - 1] == "!" and not (start > 1 and masked[start - 2] == "\\"):
        return start - 1
    return None


def _label_key(label: str) -> str:
    return " ".join(label.split()).casefold()


def mask_code(text: str) -> str:
    """The text with fenced code blocks and code spans replaced by filler of the same length."""
    if "`" not in text and "~~~" not in text:
        return text
    masked = fill(text, fence_spans(text))
    return fill(masked, _code_spans(masked)) if "`" in masked else masked


def fence_spans(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks (``` or ~~~, up to three spaces in), each from its opening line to the end
    of its closing line (or of the text when never closed). The renderers use these same spans."""
    pieces: list[tuple[int, int]] = []
    pos = 0
    while (fence := _FENCE_OPEN.search(text, pos)) is not None:
        marker = fence.group(1)
        line_end = text.find("\n", fence.end())
        info = text[fence.end() : line_end if line_end >= 0 else len(text)]
        if marker[0] == "`" and "`" in info:
            pos = fence.end()  # a backtick fence's info string may not contain backticks
            continue
        if line_end < 0:
            pieces.append((fence.start(), len(text)))
            break
        closing = re.compile(rf"^ {{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$", re.M)
        close = closing.search(text, line_end + 1)
        end = close.end() if close else len(text)
        pieces.append((fence.start(), end))
        pos = end
    return pieces


def _code_spans(masked: str) -> list[tuple[int, int]]:
    """Code spans: a run of backticks closed by the next run of the same length in the same paragraph.

    One pass over the runs: each run learns the next run of its length, so an unclosed run costs
    nothing more (searching forward from every opening was quadratic)."""
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(masked)]
    if len(runs) < 2:
        return []
    blanks = [m.start() for m in _BLANK_LINE.finditer(masked)]
    following = [-1] * len(runs)
    last: dict[tuple[int, int], int] = {}
    for index in range(len(runs) - 1, -1, -1):
        start, end = runs[index]
        key = (bisect.bisect_right(blanks, start), end - start)
        following[index] = last.get(key, -1)
        last[key] = index
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        close = following[index]
        if close < 0:
            index += 1
            continue
        spans.append((runs[index][0], runs[close][1]))
        index = close + 1
    return spans


def code_spans(masked_fences: str) -> list[tuple[int, int]]:
    """The code spans of a text whose fenced blocks are already masked (for the deck renderer)."""
    return _code_spans(masked_fences) if "`" in masked_fences else []


def fill(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for start, end in spans:
        out.append(text[pos:start])
        piece = text[start:end]
        if "\n" in piece:
            out.append("\n".join(FILLER * len(line) for line in piece.split("\n")))
        else:
            out.append(FILLER * len(piece))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def iter_html(text: str, masked: str | None = None) -> Iterator[HtmlToken]:
    """Raw HTML outside code: tags, comments, script-like elements with content, autolinks."""
    masked = mask_code(text) if masked is None else masked
    if "<" not in masked:
        return
    finder = _Finder(masked)
    pos = 0
    while (start := masked.find("<", pos)) >= 0:
        pos = start + 1
        token = _html_at(masked, start, finder)
        if token is not None:
            yield token
            pos = token.end


def _html_at(masked: str, start: int, finder: _Finder) -> HtmlToken | None:
    if masked.startswith("<!--", start):
        close = finder.find("-->", start + 4)
        return None if close < 0 else HtmlToken(start, close + 3, "comment", "", False)
    if masked.startswith("<?", start):
        close = finder.find("?>", start + 2)
        return None if close < 0 else HtmlToken(start, close + 2, "other", "", False)
    if _DECLARATION_START.match(masked, start):
        close = finder.find(">", start + 2)
        return None if close < 0 else HtmlToken(start, close + 1, "other", "", False)
    match = _AUTOLINK.match(masked, start)
    if match is not None:
        return HtmlToken(start, match.end(), "autolink", match.group()[1:-1], False)
    match = _ELEMENT.match(masked, start)
    if match is not None:
        return HtmlToken(start, match.end(), "element", match.group("ename").lower(), True)
    if start >= 2 and masked[start - 2 : start] == "](":
        return None  # "](<" opens a link destination in angle brackets, not a tag
    match = _TAG.match(masked, start)
    if match is None:
        return None
    raw = match.group()
    name = match.group("name").lower()
    dangerous = name in DANGEROUS_TAGS or bool(_EVENT_ATTRIBUTE.search(raw) or _SCRIPT_URL.search(raw))
    return HtmlToken(start, match.end(), "tag", name, dangerous)


def iter_reference_definitions(text: str, masked: str | None = None) -> Iterator[ReferenceDefinition]:
    masked = mask_code(text) if masked is None else masked
    if "]:" not in masked:
        return
    for match in _REFERENCE_DEFINITION.finditer(masked):
        yield ReferenceDefinition(match.start(), match.end(), match.group("label"), match.group("dest"))


def _bracket_pairs(masked: str) -> list[tuple[int, int]]:
    """Matching [ and ] (escapes skipped, never across a blank line), sorted by the opening bracket."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for match in _BRACKETS.finditer(masked):
        char = match.group()[0]
        if char == "[":
            stack.append(match.start())
        elif char == "]":
            if stack:
                pairs.append((stack.pop(), match.start()))
        elif char == "\n":
            stack.clear()
    pairs.sort()
    return pairs


def iter_links(text: str, masked: str | None = None) -> Iterator[LinkToken]:
    """Inline links and images (also those inside a link's text), and reference-style uses of
    defined labels, in text order."""
    masked = mask_code(text) if masked is None else masked
    if "[" not in masked:
        return
    pairs = _bracket_pairs(masked)
    tokens: list[LinkToken] = []
    outer: list[tuple[int, int, int]] = []  # (start, end of text, end) of links not inside another
    remaining: list[tuple[int, int]] = []
    for opening, closing in pairs:
        if outer and opening < outer[-1][2]:
            if opening >= outer[-1][1]:
                continue  # inside the destination or title of a link
            inside = True
        else:
            inside = False
        tail = _LINK_TAIL.match(masked, closing + 1) if masked.startswith("(", closing + 1) else None
        if tail is None:
            if not inside:
                remaining.append((opening, closing))
            continue
        image_start = _image_start(masked, opening)
        tokens.append(
            LinkToken(
                opening if image_start is None else image_start,
                tail.end(),
                image_start is not None,
                text[opening + 1 : closing],
                text[tail.start("dest") : tail.end("dest")],
            )
        )
        if not inside:
            outer.append((opening, closing, tail.end()))
    if remaining and "]:" in masked:
        tokens.extend(_reference_uses(text, masked, remaining, {p[0]: p[1] for p in pairs}))
    tokens.sort(key=lambda token: token.start)
    yield from tokens


def _reference_uses(text: str, masked: str, candidates, closing_of: dict[int, int]) -> Iterator[LinkToken]:
    definitions = {_label_key(d.label): d.url for d in iter_reference_definitions(text, masked)}
    if not definitions:
        return
    used_as_label = -1
    for opening, closing in candidates:
        if opening <= used_as_label:
            continue
        end = closing + 1
        label = text[opening + 1 : closing]
        label_close = closing_of.get(closing + 1)
        if label_close is not None:
            label = text[closing + 2 : label_close] or label
            end = used_as_label = label_close + 1
        elif masked[closing + 1 : closing + 2] in ("(", ":"):
            continue
        url = definitions.get(_label_key(label))
        if url is None:
            continue
        image_start = _image_start(masked, opening)
        yield LinkToken(
            opening if image_start is None else image_start,
            end,
            image_start is not None,
            text[opening + 1 : closing],
            url,
            reference=True,
        )


def iter_broken_links(text: str, masked: str | None = None) -> Iterator[LinkToken]:
    """`[label](scheme:with spaces)`: written as a link, but not one (the destination holds spaces),
    outside code and outside real links; `url` is the destination as written."""
    if _SPACED_AFTER_BRACKET.search(text) is None:  # the usual case, one pass: no such destination at all
        return
    masked = mask_code(text) if masked is None else masked
    if _SPACED_AFTER_BRACKET.search(masked) is None:
        return
    links = [(link.start, link.end) for link in iter_links(text, masked) if not link.reference]
    starts = [start for start, _ in links]
    for opening, closing in _bracket_pairs(masked):
        match = _SPACED_DESTINATION.match(masked, closing + 1)
        if match is None:
            continue
        index = bisect.bisect_right(starts, opening) - 1
        if index >= 0 and links[index][0] <= opening < links[index][1]:
            continue
        image_start = _image_start(masked, opening)
        yield LinkToken(
            opening if image_start is None else image_start,
            match.end(),
            image_start is not None,
            text[opening + 1 : closing],
            text[match.start(1) : match.end(1)].rstrip(" \t"),
        )
