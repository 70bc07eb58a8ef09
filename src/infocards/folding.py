"""How two spellings are found to be the same word or the same code: one rule for each.

Text (a search word, a region's name) folds to lower case with the Danish letters spelled out
and accents removed, so "Sjælland", "sjaelland" and "SJÆLLAND" meet, and "Skåne" meets "skaane".
A diagnosis code folds to upper case without any spaces, so "icpc-2: l86" is "ICPC-2:L86".
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold_code", "fold_text"]

_SPELLED_OUT = (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("ä", "ae"), ("ö", "oe"), ("ß", "ss"))


def fold_text(text: str) -> str:
    """Lower case, Danish letters spelled out, accents removed."""
    text = text.casefold()
    if text.isascii():
        return text
    for letter, spelled in _SPELLED_OUT:  # str.replace is many times faster than translate to pairs
        if letter in text:
            text = text.replace(letter, spelled)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_code(code: object) -> str:
    """A code as it is compared: upper case, no spaces ('' for none)."""
    return "".join(str(code or "").split()).upper()
