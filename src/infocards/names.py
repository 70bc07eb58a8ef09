"""The rule for names in codes (docs/FORMAT.md §5.3): a patient's name, a signer's name and place.

A name is shown on a clinician's screen next to the key that tells one phone from another, so it
must not be able to paint lines of its own: at most 100 characters, one line, no control, format
(zero-width, bidi) or other invisible characters, no space but U+0020, never two in a row or at
either end. A signer's name and place also may not hold the separators the screens put between
a signer and the words on their key ("·" and its look-alikes). A reader refuses a name that
breaks the rule; a writer collapses whitespace first (normalise_name) and refuses the rest.
"""

from __future__ import annotations

import unicodedata

__all__ = ["MAX_NAME", "SEPARATORS", "is_good_name", "is_good_signer_field", "normalise_name"]

MAX_NAME = 100
_BAD_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
# "·" (U+00B7) and the characters that look like it: U+0387, U+2022, U+2027, U+2219, U+22C5, U+30FB, U+FF65.
SEPARATORS = frozenset("\u00b7\u0387\u2022\u2027\u2219\u22c5\u30fb\uff65")


def is_good_name(text: str) -> bool:
    """Whether a patient's name may stand in a code (an empty name may: it is "no name")."""
    if len(text) > MAX_NAME or text != text.strip(" ") or "  " in text:
        return False
    for char in text:
        category = unicodedata.category(char)
        if category in _BAD_CATEGORIES or (category == "Zs" and char != " "):
            return False
    return True


def is_good_signer_field(text: str) -> bool:
    """The name rule, and none of the separators the screens use."""
    return is_good_name(text) and not any(char in SEPARATORS for char in text)


def normalise_name(text: str) -> str:
    """What a writer does before the rule: every run of whitespace (line breaks, tabs, no-break
    spaces) becomes one space, and the ends are trimmed. Other characters are left for the rule."""
    return " ".join(text.split())
