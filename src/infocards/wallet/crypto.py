"""The wallet's crypto boundary: Argon2id, HKDF, AES-256-GCM key slots and body sealing.

This is the only module of the wallet that imports `cryptography`.

Default KDF: Argon2id, 64 MiB, 3 passes, 4 lanes (the same as Bitwarden's default and above
OWASP's floor of 19 MiB with 2 passes). Measured on the development machine (2 cores, Python
3.11, cryptography 50): 0.12-0.15 s per derivation (bench/wallet.py: KDF alone 122 ms, unlock of
a 100-record wallet 117 ms, medians of 9 under load). Memory-hard hashing on a mid-range phone is
roughly three to four times slower than that (an estimate; no phone was available to measure),
which gives the intended unlock time of about half a second. bench/wallet.py prints the figures
for the machine it runs on.

KDF parameters read from a file are range-checked before any derivation (KDF_LIMITS): at most
256 MiB of memory, 8 passes and 8 lanes. The ceiling is four times the default's memory and
under three times its passes, room for a wallet tuned up on a fast device, while a header that
asks for more (1 GiB takes many seconds on a desktop and gets the app killed for memory on a
phone) is refused at once as damage.

The recovery code carries about 120 random bits, so its slot uses HKDF rather than a slow KDF:
no amount of hashing makes 120 bits more guessable. Since format v2 the code is an X25519
identity, as in age: HKDF turns the code into a private key, the wallet keeps only the public key,
and a new data key is wrapped for it with a one-time (ephemeral) key. So a passphrase change can
replace the data key without asking for the recovery code, and an old copy of the wallet gives
away nothing that opens a later save.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from infocards.errors import KdfParamsRejected

__all__ = [
    "DEFAULT_KDF",
    "KDF_LIMITS",
    "KEY_BYTES",
    "NONCE_BYTES",
    "OWASP_FLOOR",
    "SALT_BYTES",
    "KdfParams",
    "SecretBytes",
    "SecretText",
    "check_kdf_params",
    "derive_passphrase_key",
    "derive_record_id_key",
    "derive_recovery_key",
    "digests_equal",
    "new_data_key",
    "new_nonce",
    "new_salt",
    "new_signing_seed",
    "open_body",
    "random_bytes",
    "recovery_recipient",
    "seal_body",
    "sha256",
    "unwrap_data_key",
    "unwrap_for_recipient",
    "wrap_data_key",
    "wrap_for_recipient",
]

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
TAG_BYTES = 16


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


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters as stored in the wallet header (memory in KiB)."""

    memory_kib: int
    iterations: int
    lanes: int

    def to_json(self) -> dict:
        return {
            "name": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @classmethod
    def from_json(cls, data: object) -> KdfParams:
        """Read and range-check parameters from a file header (KdfParamsRejected if absurd)."""
        if not isinstance(data, dict) or data.get("name") != "argon2id":
            raise KdfParamsRejected()
        values = [data.get(name) for name in ("memory_kib", "iterations", "lanes")]
        if not all(type(v) is int for v in values):
            raise KdfParamsRejected()
        return check_kdf_params(cls(*values))


OWASP_FLOOR = KdfParams(memory_kib=19 * 1024, iterations=2, lanes=1)
DEFAULT_KDF = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)

# What a file may ask for. The ceiling refuses a header that would make unlocking take minutes
# or exhaust a phone's memory. The floor is Argon2's own minimum, not OWASP's: every product
# path creates wallets with DEFAULT_KDF, and only tests pass cheaper parameters. A header with
# lowered costs cannot unwrap the real key slot, so it cannot be used to weaken a wallet.
KDF_LIMITS = {
    "memory_kib": (8, 256 * 1024),
    "iterations": (1, 8),
    "lanes": (1, 8),
}


def check_kdf_params(params: KdfParams) -> KdfParams:
    for name, (low, high) in KDF_LIMITS.items():
        value = getattr(params, name)
        if not low <= value <= high:
            raise KdfParamsRejected(field=name)
    if params.memory_kib < 8 * params.lanes:
        raise KdfParamsRejected(field="memory_kib")
    return params


def random_bytes(n: int) -> bytes:
    return secrets.token_bytes(n)


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def new_nonce() -> bytes:
    return secrets.token_bytes(NONCE_BYTES)


def new_data_key() -> SecretBytes:
    return SecretBytes(secrets.token_bytes(KEY_BYTES))


def new_signing_seed() -> SecretBytes:
    """32 random bytes: the device's Ed25519 private seed (the share module makes the key)."""
    return SecretBytes(secrets.token_bytes(32))


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def digests_equal(a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)


def derive_passphrase_key(passphrase: SecretText, salt: bytes, params: KdfParams) -> SecretBytes:
    """Argon2id (RFC 9106, version 0x13) through argon2-cffi, which has wheels for phones too.

    The same inputs give the same key as cryptography's Argon2id (44 and newer), which made the
    v1 wallets: tests/wallet/test_kdf_compat.py holds the two to that.
    """
    check_kdf_params(params)
    key = hash_secret_raw(
        secret=passphrase.reveal().encode("utf-8"),
        salt=salt,
        time_cost=params.iterations,
        memory_cost=params.memory_kib,
        parallelism=params.lanes,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )
    return SecretBytes(key)


def derive_record_id_key(data_key: bytes) -> SecretBytes:
    """The wallet's key for ids derived from a record's content (stable while the data key is)."""
    kdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=b"infocards record ids")
    return SecretBytes(kdf.derive(bytes(data_key)))


def derive_recovery_key(canonical_code: SecretText, salt: bytes) -> SecretBytes:
    kdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=b"infocards recovery")
    return SecretBytes(kdf.derive(canonical_code.reveal().encode("ascii")))


def wrap_data_key(kek: bytes, data_key: bytes, nonce: bytes, slot_ad: bytes) -> bytes:
    return AESGCM(kek).encrypt(nonce, bytes(data_key), slot_ad)


def unwrap_data_key(kek: bytes, nonce: bytes, wrapped: bytes, slot_ad: bytes) -> SecretBytes | None:
    """The data key, or None when the key-encryption key is wrong (or the slot was altered)."""
    try:
        return SecretBytes(AESGCM(kek).decrypt(nonce, wrapped, slot_ad))
    except InvalidTag:
        return None


def seal_body(data_key: bytes, nonce: bytes, plaintext: bytes, header_ad: bytes) -> bytes:
    return AESGCM(data_key).encrypt(nonce, plaintext, header_ad)


def open_body(data_key: bytes, nonce: bytes, ciphertext: bytes, header_ad: bytes) -> bytes | None:
    try:
        return AESGCM(data_key).decrypt(nonce, ciphertext, header_ad)
    except InvalidTag:
        return None


def _recovery_identity(canonical_code: SecretText, salt: bytes) -> X25519PrivateKey:
    kdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=b"infocards recovery x25519")
    return X25519PrivateKey.from_private_bytes(kdf.derive(canonical_code.reveal().encode("ascii")))


def _raw_public(key: X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes_raw()


def recovery_recipient(canonical_code: SecretText, salt: bytes) -> bytes:
    """The public key the code's private key belongs to (stored in the wallet's recovery slot)."""
    return _raw_public(_recovery_identity(canonical_code, salt))


def _recipient_kek(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    kdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=ephemeral + recipient,
               info=b"infocards recovery wrap")
    return kdf.derive(shared)


def wrap_for_recipient(recipient: bytes, data_key: bytes, nonce: bytes, slot_ad: bytes) -> tuple[bytes, bytes]:
    """Wrap `data_key` for the recovery public key: (ephemeral public key, wrapped key)."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _raw_public(ephemeral)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    kek = _recipient_kek(shared, ephemeral_public, recipient)
    return ephemeral_public, AESGCM(kek).encrypt(nonce, bytes(data_key), slot_ad)


def unwrap_for_recipient(
    canonical_code: SecretText, salt: bytes, recipient: bytes, ephemeral: bytes, nonce: bytes, wrapped: bytes,
    slot_ad: bytes,
) -> SecretBytes | None:
    """The data key, or None when the code is not the one this slot was made for."""
    identity = _recovery_identity(canonical_code, salt)
    if not digests_equal(_raw_public(identity), recipient):
        return None
    try:
        shared = identity.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    except ValueError:  # a low-order point: only a crafted slot holds one
        return None
    return unwrap_data_key(_recipient_kek(shared, ephemeral, recipient), nonce, wrapped, slot_ad)
