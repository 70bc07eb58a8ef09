"""Secrets that never show themselves, and the one rule for a passphrase that seals a file."""

from __future__ import annotations

from infocards.errors import WeakPassphrase

__all__ = ["MIN_PASSPHRASE", "SecretBytes", "SecretText", "check_passphrase"]

MIN_PASSPHRASE = 8


class SecretBytes(bytes):
    """Bytes that never show themselves in a repr, a log line or a traceback."""

    def __repr__(self) -> str:
        return f"<secret: {len(self)} bytes, redacted>"

    __str__ = __repr__


class SecretText:
    """A passphrase or recovery code held as text; `reveal()` is the only way to read it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __len__(self) -> int:
        return len(self._value)

    def __repr__(self) -> str:
        return "<secret text, redacted>"

    __str__ = __repr__


def check_passphrase(passphrase: object) -> SecretText:
    """The passphrase of a new sealed file (wallet or clinic key): no key from a short PIN alone."""
    if not isinstance(passphrase, str) or len(passphrase.strip()) < MIN_PASSPHRASE:
        raise WeakPassphrase(minimum=MIN_PASSPHRASE)
    return SecretText(passphrase)
