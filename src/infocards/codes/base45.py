"""Base45 (RFC 9285): bytes as characters of the QR code alphanumeric mode."""

from __future__ import annotations

from infocards.errors import InvalidCode, Reason

__all__ = ["ALPHABET", "b45decode", "b45encode"]

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_VALUES = {char: index for index, char in enumerate(ALPHABET)}


def b45encode(data: bytes) -> str:
    """Two bytes become three characters, a last odd byte two (least significant first)."""
    out = []
    for start in range(0, len(data) - 1, 2):
        value = data[start] * 256 + data[start + 1]
        value, c = divmod(value, 45)
        e, d = divmod(value, 45)
        out += (ALPHABET[c], ALPHABET[d], ALPHABET[e])
    if len(data) % 2:
        d, c = divmod(data[-1], 45)
        out += (ALPHABET[c], ALPHABET[d])
    return "".join(out)


def b45decode(text: str) -> bytes:
    """Inverse of b45encode; a foreign character, a bad length or an overflow raise InvalidCode."""
    try:
        values = [_VALUES[char] for char in text]
    except KeyError:
        raise InvalidCode(reason=Reason.BASE45_CHARACTER) from None
    if len(values) % 3 == 1:
        raise InvalidCode(reason=Reason.BASE45_LENGTH)
    out = bytearray()
    for start in range(0, len(values), 3):
        chunk = values[start : start + 3]
        if len(chunk) == 3:
            value = chunk[0] + chunk[1] * 45 + chunk[2] * 45 * 45
            if value > 0xFFFF:
                raise InvalidCode(reason=Reason.BASE45_OVERFLOW)
            out += value.to_bytes(2, "big")
        else:
            value = chunk[0] + chunk[1] * 45
            if value > 0xFF:
                raise InvalidCode(reason=Reason.BASE45_OVERFLOW)
            out.append(value)
    return bytes(out)
