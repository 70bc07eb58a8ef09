"""Text that came from a code, a wallet or a card, made safe to write to a terminal.

A terminal obeys control characters: ESC sequences can clear the screen, move the cursor and
paint a fake status line, and bidi overrides can make text read in another order than it is
stored. Everything that did not come from our own catalog goes through `clean` before it is
written to a terminal. JSON output is left alone (json.dumps escapes control characters).
"""

from __future__ import annotations

import re

__all__ = ["clean", "clean_line"]

# C0 controls (U+0000-U+001F), DEL, C1 controls (U+0080-U+009F), the bidi embeddings and
# overrides (U+202A-U+202E), the bidi isolates (U+2066-U+2069), and the implicit marks that
# can also reorder text (U+200E, U+200F, U+061C).
_UNSAFE = re.compile("[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_LINE_BREAKS = re.compile("\r\n|[\r\n\u2028\u2029\u0085]")
REPLACEMENT = "\ufffd"


def clean(text: object) -> str:
    """`text` with every control and bidi character replaced, newlines kept as newlines."""
    lines = _LINE_BREAKS.split(str(text))
    return "\n".join(_UNSAFE.sub(REPLACEMENT, line) for line in lines)


def clean_line(text: object) -> str:
    """`text` on one line: line breaks become spaces, every other control is replaced."""
    joined = _LINE_BREAKS.sub(" ", str(text))
    return _UNSAFE.sub(REPLACEMENT, joined.replace("\t", " "))
