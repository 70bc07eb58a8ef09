"""Checks a card's markdown body: unsafe HTML, links and images, each at its line."""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from infocards.content import scan
from infocards.content.hidden import describe, hidden_characters
from infocards.content.links import card_link_target, classify_link, is_local_image, is_remote_image, normalise_url
from infocards.content.problems import Reporter

__all__ = ["check_body"]

_NEWLINE = re.compile("\n")
_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")


def check_body(body: str, body_line: int, path: Path, report: Reporter) -> list[tuple[str, int]]:
    """Report unsafe HTML, links, images and hidden characters in the body; return the card links
    with their lines."""
    _check_hidden(body, body_line, path, report)
    if "<" not in body and "[" not in body:
        return []
    masked = scan.mask_code(body)
    newlines = [match.start() for match in _NEWLINE.finditer(body)]

    def line_of(offset: int) -> int:
        return body_line + bisect.bisect_left(newlines, offset)  # counting per problem was quadratic

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
    for link in scan.iter_broken_links(body, masked):
        url = link.url.strip()
        if url.lower().startswith("tel:"):
            number = "".join(c for c in url[4:] if c.isdigit() or c == "+")
            report.add("tel-spaces", path, line_of(link.start), url=url, fix=f"tel:{number}")
        else:
            report.add("link-spaces", path, line_of(link.start), url=url)
    return card_links


def _check_hidden(body: str, body_line: int, path: Path, report: Reporter) -> None:
    """A warning per line holding a hidden character (a soft hyphen may be meant; a bidi override
    in the text is still worth a look)."""
    line, counted, reported = body_line, 0, 0
    for offset, char in hidden_characters(body):
        line += body.count("\n", counted, offset)
        counted = offset
        if line != reported:
            code_point, kind = describe(char)
            report.add(f"hidden-{kind}-body", path, line, char=code_point, hint="content.check.hidden.hint")
            reported = line


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
        report.add("bad-tel" if target.lower().startswith("tel:") else "blocked-link", path, line, url=shown)
