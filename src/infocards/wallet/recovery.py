"""Recovery codes: 120 random bits written as Crockford base32 in groups, with a check character.

Crockford's alphabet leaves out I, L, O and U, so a code read back from paper is forgiving:
case, spaces and dashes are ignored, O is read as 0 and I or L as 1.
"""

from __future__ import annotations

import re
import secrets

from infocards.errors import WrongPassphrase
from infocards.sealed import SecretText, sha256

__all__ = ["ALPHABET", "RecoveryCode"]

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
DATA_CHARS = 24  # 24 x 5 bits = 120 bits
GROUP = 5
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-_.]+")


def _check_char(data: str) -> str:
    return ALPHABET[sha256(data.encode("ascii"))[0] % len(ALPHABET)]


class RecoveryCode:
    """A recovery code: `str(code)` is the grouped form shown once; repr never shows it."""

    __slots__ = ("_canonical",)

    def __init__(self, canonical: str) -> None:
        self._canonical = canonical

    @classmethod
    def generate(cls) -> RecoveryCode:
        data = "".join(secrets.choice(ALPHABET) for _ in range(DATA_CHARS))
        return cls(data + _check_char(data))

    @classmethod
    def parse(cls, text: str) -> RecoveryCode:
        """Read a code as typed back (WrongPassphrase, saying so, if it cannot be one)."""
        cleaned = _SEPARATORS.sub("", text or "").upper().translate(_LOOKALIKES)
        if len(cleaned) != DATA_CHARS + 1 or any(c not in ALPHABET for c in cleaned):
            raise WrongPassphrase("error.wallet.recovery_code_shape")
        if _check_char(cleaned[:-1]) != cleaned[-1]:
            raise WrongPassphrase("error.wallet.recovery_code_typo")
        return cls(cleaned)

    @classmethod
    def looks_valid(cls, text: str) -> bool:
        """For a form field: True when `text` has the shape and check character of a code."""
        try:
            cls.parse(text)
        except WrongPassphrase:
            return False
        return True

    def secret(self) -> SecretText:
        return SecretText(self._canonical)

    def __str__(self) -> str:
        c = self._canonical
        return "-".join(c[i : i + GROUP] for i in range(0, len(c), GROUP))

    def __repr__(self) -> str:
        return "<RecoveryCode, redacted>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RecoveryCode) and secrets.compare_digest(
            self._canonical, other._canonical
        )

    def __hash__(self) -> int:
        return hash(self._canonical)
