"""Markdown to HTML for the printable deck, with code and links decided by our own scanner.

Python-Markdown has its own idea of fences (none without the fenced_code extension), of code spans
and of brackets, and its bracket matching rescans the rest of a paragraph from every "[". Here the
scanner that the checker uses decides: its fenced blocks and code spans go to Python-Markdown as
finished, escaped HTML (stashed placeholders), and every bracket or backtick that is not part of a
link it found is escaped. So what the checker calls code is code in the deck, and no input makes
the renderer slow.
"""

from __future__ import annotations

import bisect
import html
import itertools
import re

import markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from infocards.content import scan

__all__ = ["deck_markdown_to_html"]

_SPECIAL = re.compile(r"\\[!-/:-@\[-`{-~]|[\[\]`*_]")
_BLANK = re.compile(r"\n[ \t]*\n")
_MAX_MARKUP = 400
_FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*$")


def _fence_html(block: str) -> str:
    lines = block.split("\n")
    opening = _FENCE_LINE.match(lines[0])
    marker = opening.group(1) if opening else ""
    body = lines[1:]
    if body and marker and body[-1].strip().startswith(marker[0] * len(marker)) and len(lines) > 1:
        closing = body[-1].strip()
        if set(closing) == {marker[0]}:
            body = body[:-1]
    return f"<pre><code>{html.escape(chr(10).join(body))}</code></pre>"


def _span_html(span: str) -> str:
    ticks = len(span) - len(span.lstrip("`"))
    inner = span[ticks:-ticks]
    if inner.strip() and inner.startswith(" ") and inner.endswith(" "):
        inner = inner[1:-1]
    return f"<code>{html.escape(inner.replace(chr(10), ' '))}</code>"


class _ScannerCode(Preprocessor):
    """Replaces the scanner's fences and code spans with stashed HTML, and every character that is
    only text (a stray bracket or backtick, a backslash escape) with a stashed literal: Python-Markdown
    handles each inline match by copying the rest of its paragraph, so thousands of them in one
    paragraph were quadratic. A paragraph with more inline markup than any card needs is shown as
    plain text with its links kept."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        fences = scan.fence_spans(text)
        fenced = scan.fill(text, fences)
        spans = scan.code_spans(fenced)
        masked = scan.fill(fenced, spans)
        links = list(scan.iter_links(text, masked))
        stash = self.md.htmlStash.store
        replacements: list[tuple[int, int, str]] = []
        groups: list[list[tuple[int, int]]] = []
        for start, end in fences:  # blocks with only blank lines between them become one placeholder
            if groups and not text[groups[-1][-1][1] : start].strip():
                groups[-1].append((start, end))
            else:
                groups.append([(start, end)])
        for group in groups:
            block = "".join(_fence_html(text[start:end]) for start, end in group)
            replacements.append((group[0][0], group[-1][1], f"\n\n{stash(block)}\n\n"))
        for start, end in spans:
            replacements.append((start, end, stash(_span_html(text[start:end]))))
        dense = _dense_paragraphs(masked, links)
        keep: set[int] = set()
        inside: list[tuple[int, int]] = []
        for link in links:
            if _in(dense, link.start):
                replacements.append((link.start, link.end, stash(_plain_link(link))))
                continue
            opening = link.start + (1 if link.image else 0)
            keep.update((opening, opening + 1 + len(link.text)))
            inside.append((opening + 1 + len(link.text), link.end))  # destination and title as written
        inside.sort()
        position = 0
        for match in _SPECIAL.finditer(masked):
            start = match.start()
            if start in keep or masked[start] == scan.FILLER:
                continue
            while position < len(inside) and inside[position][1] <= start:
                position += 1
            if position < len(inside) and inside[position][0] < start:
                continue
            char = match.group()[-1]
            if len(match.group()) == 1 and char in "*_" and not _in(dense, start):
                continue
            replacements.append((start, match.end(), stash(html.escape(char))))
        return _apply(text, replacements).split("\n")


def _apply(text: str, replacements: list[tuple[int, int, str]]) -> str:
    replacements.sort()
    out: list[str] = []
    pos = 0
    for start, end, replacement in replacements:
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(replacement)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _dense_paragraphs(masked: str, links: list[scan.LinkToken]) -> list[tuple[int, int]]:
    """Paragraphs with more than _MAX_MARKUP links and emphasis marks (no card comes near)."""
    if masked.count("*") + masked.count("_") + len(links) <= _MAX_MARKUP:
        return []
    bounds = [0, *(m.end() for m in _BLANK.finditer(masked)), len(masked)]
    starts = [link.start for link in links]
    dense = []
    for start, end in itertools.pairwise(bounds):
        count = masked.count("*", start, end) + masked.count("_", start, end)
        count += bisect.bisect_left(starts, end) - bisect.bisect_left(starts, start)
        if count > _MAX_MARKUP:
            dense.append((start, end))
    return dense


def _in(spans: list[tuple[int, int]], offset: int) -> bool:
    index = bisect.bisect_right(spans, (offset, len(spans) + offset + 1 << 40)) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def _plain_link(link: scan.LinkToken) -> str:
    label = html.escape(link.text)
    url = html.escape(link.url.strip("<>"), quote=True)
    return f'<img src="{url}" alt="{label}">' if link.image else f'<a href="{url}">{label}</a>'


class _ScannerCodeExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # After whitespace normalisation (30), which would strip the stash's placeholder characters.
        md.preprocessors.register(_ScannerCode(md), "infocards_scanner_code", 29)
        # No raw HTML reaches this renderer (markdown_for_app removed it and escaped every "<"), and
        # Python-Markdown's HTML block parser rescans the text from every "<a " it sees.
        md.preprocessors.deregister("html_block")
        for name in ("html", "autolink", "automail"):
            md.inlinePatterns.deregister(name)


def deck_markdown_to_html(text: str) -> str:
    """HTML for markdown that markdown_for_app already made safe (no raw HTML, allowed links only)."""
    return markdown.markdown(
        text, extensions=["tables", "sane_lists", _ScannerCodeExtension()], output_format="html"
    )
