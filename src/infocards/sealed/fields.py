"""How a sealed file's header writes bytes, and the plain check that tells damage from a wrong passphrase.

The check is not a security measure (AES-GCM is): it is SHA-256 over what the file holds, read
before any key is derived, so a damaged or truncated file is named as damaged at once and never
as a wrong passphrase. Whoever rewrites a file and recomputes its check can make it unopenable,
as any writer of the file can; the changed header then fails AES-GCM, and nothing opens.
"""

from __future__ import annotations

import base64
import binascii

from infocards.sealed.crypto import digests_equal, sha256

__all__ = ["FieldDamaged", "b64", "check_of", "intact", "unb64"]


class FieldDamaged(ValueError):
    """A header field that is not what the format says (each kind names it as its own damage)."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(value: object, length: int) -> bytes:
    """Standard base64 of exactly `length` bytes, or FieldDamaged."""
    if not isinstance(value, str):
        raise FieldDamaged("not text")
    try:
        data = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise FieldDamaged("not base64") from None
    if len(data) != length:
        raise FieldDamaged("wrong length")
    return data


def check_of(*parts: bytes) -> bytes:
    """The plain check of a file's parts: SHA-256 of them, joined."""
    return sha256(b"".join(parts))


def intact(expected: bytes, *parts: bytes) -> bool:
    """Whether `expected` is the check of `parts` (compared in constant time)."""
    return digests_equal(expected, check_of(*parts))
