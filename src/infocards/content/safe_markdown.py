"""Card markdown made safe to show: raw HTML removed, only allowed links and local images kept."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from infocards.content import scan
from infocards.content.links import classify_link, is_local_image, normalise_url

__all__ = ["destination", "markdown_for_app", "rewrite_links"]

_STRAY_ANGLE = re.compile(r"<")
# Any "](destination" left after the passes (odd nesting the scanner does not follow) is checked
# again, so a link the scanner missed can still not reach a blocked scheme.
_ANY_DESTINATION = re.compile(r"\]\([ \t]*\n?[ \t]*(<[^<>\n]*>|[^\s)]*)")
_UNSAFE_IN_DESTINATION = str.maketrans({" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E"})
_PRIVATE_FILLER = "\ue000"


def _replace(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    out: list[str] = []
    pos = 0
    for start, end, replacement in spans:
        if start < pos:
            continue  # nested in a span already replaced
        out.append(text[pos:start])
        out.append(replacement)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _strip_html(text: str) -> str:
    """Remove raw HTML; script-like elements go with their content, allowed autolinks stay links."""
    spans = []
    for token in scan.iter_html(text):
        if token.kind == "autolink":
            kind = classify_link(token.name)
            if "@" in token.name and ":" not in token.name:
                kind = classify_link("mailto:" + token.name)
            url = destination(token.name if ":" in token.name else "mailto:" + token.name)
            shown = _escape_text(token.name)
            replacement = f"[{shown}]({url})" if kind != "blocked" else shown
            spans.append((token.start, token.end, replacement))
        else:
            spans.append((token.start, token.end, ""))
    return _replace(text, spans)


def _escape_text(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>()!#])", r"\\\1", text)


def _inline_references(text: str) -> str:
    """Reference-style links become inline links, so one pass can judge every destination."""
    masked = scan.mask_code(text)
    spans = [
        (link.start, link.end, f"{'!' if link.image else ''}[{link.text}]({destination(link.url)})")
        for link in scan.iter_links(text, masked)
        if link.reference
    ]
    spans += [(d.start, d.end, "") for d in scan.iter_reference_definitions(text, masked)]
    return _replace(text, sorted(spans))


def rewrite_links(text: str, keep: Callable[[scan.LinkToken], str | None], *, images: bool) -> str:
    """Rewrite the images (or links) of `text`: `keep` returns the new markdown, or None for plain text."""
    spans = []
    for link in scan.iter_links(text):
        if link.image != images or link.reference:
            continue
        replacement = keep(link)
        if replacement is None:
            replacement = "" if images else link.text
        spans.append((link.start, link.end, replacement))
    return _replace(text, spans)


def destination(url: str) -> str:
    """A URL written so that any markdown reader takes it whole: no spaces, parentheses or angles."""
    return normalise_url(url).translate(_UNSAFE_IN_DESTINATION)


def _app_image(link: scan.LinkToken) -> str | None:
    return f"![{link.text}]({destination(link.url)})" if is_local_image(link.url) else None


def _app_link(link: scan.LinkToken) -> str | None:
    if classify_link(link.url) == "blocked":
        return None
    return f"[{link.text}]({destination(link.url)})"


def _unwrap_broken_links(text: str) -> str:
    """`[89 40 20 00](tel:89 40 20 00)` is no link to any markdown reader: show its words only,
    never the brackets and the address (the checker calls it an error)."""
    return _replace(text, [(link.start, link.end, link.text) for link in scan.iter_broken_links(text)])


def _neutralise_missed_links(text: str) -> str:
    masked = scan.mask_code(text)
    spans = []
    for match in _ANY_DESTINATION.finditer(masked):
        url = text[match.start(1) : match.end(1)]
        if classify_link(url) == "blocked" and not is_local_image(url):
            spans.append((match.start(), match.start() + 2, "]\\("))
    return _replace(text, spans)


def _escape_stray_angles(text: str) -> str:
    masked = scan.mask_code(text)
    spans = [(m.start(), m.end(), "\\<") for m in _STRAY_ANGLE.finditer(masked)]
    return _replace(text, spans)


def markdown_for_app(body: str) -> str:
    """Markdown for Flet's Markdown control: no raw HTML, only https/mailto/tel/card links, local images."""
    text = body.replace(_PRIVATE_FILLER, "")
    text = _strip_html(text)
    text = _inline_references(text)
    text = _unwrap_broken_links(text)
    text = rewrite_links(text, _app_image, images=True)
    text = rewrite_links(text, _app_link, images=False)
    text = _neutralise_missed_links(text)
    return _escape_stray_angles(text)
