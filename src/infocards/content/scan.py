"""Finds raw HTML and links in a card's markdown body, outside code, with their offsets.

Shared by the checker (which reports them by line) and the renderers (which remove or rewrite
them), so that what the checker calls safe is exactly what the app lets through.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "DANGEROUS_TAGS",
    "HtmlToken",
    "LinkToken",
    "ReferenceDefinition",
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

_FILLER = "\ue000"  # code is masked with a private-use character, keeping offsets and newlines
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.M)
_TICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")

_HTML = re.compile(
    r"(?P<autolink><[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[^\s<>@\\]+@[^\s<>@\\]+\.[^\s<>@\\]+>)"
    r"|(?P<comment><!--[\s\S]*?-->)"
    r"|(?P<other><\?[\s\S]*?\?>|<![A-Za-z\[][^>]*>)"
    rf"|(?P<element><(?P<ename>{_CONTENT_TAGS})\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>[\s\S]*?(?:</(?P=ename)\s*>|\n[ \t]*\n|$(?![\s\S])))"  # noqa: E501
    r"|(?<!\]\()(?P<tag></?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:[^<>\"']|\"[^\"]*\"|'[^']*')*>)",
    re.I,
)
_EVENT_ATTRIBUTE = re.compile(r"[\s\"'/]on[a-z]+\s*=", re.I)
_SCRIPT_URL = re.compile(r"(?:java|vb)script\s*:|data\s*:", re.I)

_TEXT = r"(?:[^\[\]\\\n]|\\.|\n(?![ \t]*\n)|\[(?:[^\[\]\\]|\\.)*\])*"
_DEST = r"(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)"
_TITLE = r"(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))"
_INLINE_LINK = re.compile(rf"\[(?P<text>{_TEXT})\]\([ \t]*\n?[ \t]*(?P<dest>{_DEST})(?:\s+(?P<title>{_TITLE}))?\s*\)")
_REFERENCE_DEFINITION = re.compile(
    rf"^ {{0,3}}\[(?P<label>(?:[^\[\]\\]|\\.)+)\]:[ \t]*\n?[ \t]*(?P<dest>{_DEST})"
    rf"(?:[ \t]+(?P<title>{_TITLE}))?[ \t]*$",
    re.M,
)
_REFERENCE_USE = re.compile(rf"\[(?P<text>{_TEXT})\](?:\[(?P<label>(?:[^\[\]\\]|\\.)*)\]|(?![(:]))")


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


@lru_cache(maxsize=32)
def _closing_ticks(length: int) -> re.Pattern[str]:
    return re.compile(rf"(?<!`)`{{{length}}}(?!`)")


def mask_code(text: str) -> str:
    """The text with fenced code blocks and code spans replaced by filler of the same length."""
    if "`" not in text and "~~~" not in text:
        return text
    pieces: list[tuple[int, int]] = []
    pos = 0
    while (fence := _FENCE_OPEN.search(text, pos)) is not None:
        marker = fence.group(1)
        closing = re.compile(rf"^ {{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$", re.M)
        line_end = text.find("\n", fence.end())
        info = text[fence.end() : line_end if line_end >= 0 else len(text)]
        if marker[0] == "`" and "`" in info:
            pos = fence.end()  # a backtick fence's info string may not contain backticks
            continue
        if line_end < 0:
            pieces.append((fence.start(), len(text)))
            break
        close = closing.search(text, line_end + 1)
        end = close.end() if close else len(text)
        pieces.append((fence.start(), end))
        pos = end
    masked = _fill(text, pieces)
    spans: list[tuple[int, int]] = []
    pos = 0
    while (opening := _TICKS.search(masked, pos)) is not None:
        close = _closing_ticks(len(opening.group())).search(masked, opening.end())
        if close is not None and not _BLANK_LINE.search(masked, opening.end(), close.start()):
            spans.append((opening.start(), close.end()))
            pos = close.end()
        else:
            pos = opening.end()
    return _fill(masked, spans)


def _fill(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for start, end in spans:
        out.append(text[pos:start])
        out.append(re.sub(r"[^\n]", _FILLER, text[start:end]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def iter_html(text: str, masked: str | None = None) -> Iterator[HtmlToken]:
    """Raw HTML outside code: tags, comments, script-like elements with content, autolinks."""
    masked = mask_code(text) if masked is None else masked
    if "<" not in masked:
        return
    for match in _HTML.finditer(masked):
        kind = match.lastgroup or "other"  # the outermost group that closed last
        raw = match.group()
        if kind == "autolink":
            yield HtmlToken(match.start(), match.end(), kind, raw[1:-1], False)
            continue
        name = (match.group("ename") or match.group("name") or "").lower()
        dangerous = kind == "element" or name in DANGEROUS_TAGS
        if kind == "tag" and (_EVENT_ATTRIBUTE.search(raw) or _SCRIPT_URL.search(raw)):
            dangerous = True
        yield HtmlToken(match.start(), match.end(), kind, name, dangerous)


def iter_reference_definitions(text: str, masked: str | None = None) -> Iterator[ReferenceDefinition]:
    masked = mask_code(text) if masked is None else masked
    if "]:" not in masked:
        return
    for match in _REFERENCE_DEFINITION.finditer(masked):
        yield ReferenceDefinition(match.start(), match.end(), match.group("label"), match.group("dest"))


def iter_links(text: str, masked: str | None = None) -> Iterator[LinkToken]:
    """Inline links and images, and reference-style uses of defined labels, in text order."""
    masked = mask_code(text) if masked is None else masked
    if "[" not in masked:
        return
    definitions = {_label_key(d.label): d.url for d in iter_reference_definitions(text, masked)}
    tokens: list[LinkToken] = []
    taken: list[tuple[int, int]] = []
    for match in _INLINE_LINK.finditer(masked):
        tokens.extend(_with_nested_images(text, masked, match))
        taken.append((match.start(), match.end()))
    if definitions:
        for match in _REFERENCE_USE.finditer(masked):
            label = match.group("label") or match.group("text")
            url = definitions.get(_label_key(label))
            if url is None or any(s <= match.start() < e for s, e in taken):
                continue
            image_start = _image_start(masked, match.start())
            start = match.start() if image_start is None else image_start
            tokens.append(
                LinkToken(
                    start,
                    match.end(),
                    image_start is not None,
                    text[match.start("text") : match.end("text")],
                    url,
                    reference=True,
                )
            )
    tokens.sort(key=lambda token: token.start)
    yield from tokens


def _token(text: str, masked: str, match: re.Match[str]) -> LinkToken:
    image_start = _image_start(masked, match.start())
    return LinkToken(
        match.start() if image_start is None else image_start,
        match.end(),
        image_start is not None,
        text[match.start("text") : match.end("text")],
        text[match.start("dest") : match.end("dest")],
    )


def _with_nested_images(text: str, masked: str, match: re.Match[str]) -> Iterator[LinkToken]:
    yield _token(text, masked, match)
    for inner in _INLINE_LINK.finditer(masked, match.start("text"), match.end("text")):
        yield _token(text, masked, inner)
