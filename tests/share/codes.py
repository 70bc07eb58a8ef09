"""Bad codes made on purpose, each refused for one known reason (the reader tests use them)."""

from infocards.codes.base45 import b45decode, b45encode
from infocards.codes.summary_code import PREFIX

__all__ = ["cut_short_code", "tampered_code"]


def tampered_code(code: str) -> str:
    """The code with one bit of its signed content changed, still well-formed base45: so the
    signature, and only the signature, gives it away (a changed character could also make
    malformed base45, which is refused for that)."""
    raw = bytearray(b45decode(code[len(PREFIX):]))
    raw[len(raw) // 2] ^= 1
    return PREFIX + b45encode(bytes(raw))


def cut_short_code(code: str) -> str:
    """The code cut off mid-character: a base45 length no whole code has (3n - 2)."""
    body = code[len(PREFIX):]
    return PREFIX + body[: (len(body) // 3) * 3 - 2]
