"""LIX, the Scandinavian readability index: words per sentence plus the percentage of long words.

LIX = words / sentences + 100 * long_words / words, where a long word has more than six letters.
Below 30 is very easy, 30-40 easy (the target for patient cards), above 50 hard.
"""

from __future__ import annotations

import re

__all__ = ["lix", "plain_text"]

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
# A sentence ends at . ! ? : or a line break between blocks (headings and list items count as one).
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)|\n\s*\n|\n\s*(?=[-*+]|\d+\.|#)")


def plain_text(markdown_text: str) -> str:
    """Markdown without link targets, code, emphasis marks and heading marks, for counting."""
    text = re.sub(r"```.*?```", " ", markdown_text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"[*_#>|]", " ", text)
    return text


def lix(markdown_text: str) -> float:
    """The LIX of a text (0.0 for a text without words)."""
    text = plain_text(markdown_text)
    words = _WORD.findall(text)
    if not words:
        return 0.0
    pieces = [p for p in _SENTENCE_END.split(text) if p and _WORD.search(p)]
    sentences = max(1, len(pieces))
    long_words = sum(1 for w in words if len(w.replace("-", "").replace("'", "")) > 6)
    return len(words) / sentences + 100.0 * long_words / len(words)
