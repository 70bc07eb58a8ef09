"""Ed25519 signatures for share codes and the key fingerprint; the only share module using cryptography."""

from __future__ import annotations

import base64
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

__all__ = [
    "FINGERPRINT_BYTES",
    "PUBLIC_KEY_SIZE",
    "SIGNATURE_SIZE",
    "SigningKey",
    "fingerprint",
    "fingerprint_bytes",
    "verify",
]

PUBLIC_KEY_SIZE = 32
SIGNATURE_SIZE = 64


class SigningKey:
    """The wallet's Ed25519 key, made from its 32-byte seed; never shows the seed."""

    __slots__ = ("_private", "public_bytes")

    def __init__(self, seed: bytes) -> None:
        if not isinstance(seed, bytes | bytearray) or len(seed) != 32:
            raise ValueError("an Ed25519 seed is 32 bytes")
        self._private = Ed25519PrivateKey.from_private_bytes(bytes(seed))
        self.public_bytes = self._private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    def sign(self, message: bytes) -> bytes:
        return self._private.sign(message)

    def __repr__(self) -> str:
        return f"SigningKey(public={fingerprint(self.public_bytes)}, seed=<redacted>)"


def verify(public_key: bytes, message: bytes, signature: bytes) -> bool:
    """True only for a good signature by this key; a malformed key or signature is just False."""
    if len(public_key) != PUBLIC_KEY_SIZE or len(signature) != SIGNATURE_SIZE:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


FINGERPRINT_BYTES = 10  # 80 bits


def fingerprint_bytes(public_key: bytes) -> bytes:
    """The first 80 bits of SHA-256 of a public key: what a fingerprint shows."""
    return hashlib.sha256(public_key).digest()[:FINGERPRINT_BYTES]


def fingerprint(public_key: bytes) -> str:
    """A key's name for reading aloud: 80 bits of SHA-256 in base32, four groups of four.

    e.g. "K7QF-2MXA-9RTB-WZ4C" (base32: A-Z and 2-7, no 0/O or 1/I mix-ups). 80 bits, not 40:
    a 40-bit prefix can be ground out on a laptop in minutes, so an attacker could make a key
    that looks like a known patient's or clinic's; 80 bits cannot be ground out.
    """
    text = base64.b32encode(fingerprint_bytes(public_key)).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))
