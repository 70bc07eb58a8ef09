"""Characters a reader cannot see: format characters (Unicode category Cf, which holds the bidi
embeddings, overrides, isolates and marks, zero-width spaces and joiners, the soft hyphen) and
controls other than a line break or a tab. A bidi override in a title makes it read in another
order than it is written, in the app, the deck and the terminal alike."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

__all__ = ["BIDI_CONTROLS", "describe", "hidden_characters"]

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ALLOWED_CONTROLS = frozenset("\n\t")
_LINE_BREAKS = str.maketrans("", "", "\n\t")


def _hidden(char: str) -> bool:
    return char not in _ALLOWED_CONTROLS and unicodedata.category(char) in ("Cf", "Cc")


def hidden_characters(text: str) -> Iterator[tuple[int, str]]:
    """(offset, character) of every hidden character in `text`, in order."""
    if text.isprintable() or text.translate(_LINE_BREAKS).isprintable():  # the fast path: Cf and Cc are
        return  # never printable
    for offset, char in enumerate(text):
        if _hidden(char):
            yield offset, char


def describe(char: str) -> tuple[str, str]:
    """("U+202E", "bidi" or "format"): the code point to name, and which kind of hidden character."""
    return f"U+{ord(char):04X}", "bidi" if char in BIDI_CONTROLS else "format"
