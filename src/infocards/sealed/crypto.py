"""The crypto boundary of every sealed file: Argon2id, HKDF, AES-256-GCM and X25519 recipients.

The only module of infocards besides the codes' signing that imports `cryptography`: small
functions over it, no file format. A wrong key is None, never an exception to interpret.

The recovery code carries about 120 random bits, so its lock uses HKDF rather than a slow KDF:
no amount of hashing makes 120 bits more guessable. Since wallet format v2 the code is an X25519
identity, as in age: HKDF turns the code into a private key, the file keeps only the public key,
and a new data key is wrapped for it with a one-time (ephemeral) key. So a passphrase change can
replace the data key without asking for the recovery code, and an old copy of the file gives
away nothing that opens a later save. The HKDF labels below are part of the files on disk.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from infocards.sealed.kdf import KdfParams, check_kdf_params
from infocards.sealed.secret import SecretBytes, SecretText

__all__ = [
    "KEY_BYTES",
    "NONCE_BYTES",
    "SALT_BYTES",
    "TAG_BYTES",
    "derive_passphrase_key",
    "derive_recovery_key",
    "derive_subkey",
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


def random_bytes(n: int) -> bytes:
    return secrets.token_bytes(n)


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def new_nonce() -> bytes:
    return secrets.token_bytes(NONCE_BYTES)


def new_data_key() -> SecretBytes:
    return SecretBytes(secrets.token_bytes(KEY_BYTES))


def new_signing_seed() -> SecretBytes:
    """32 random bytes: an Ed25519 private seed (the codes' signing makes the key from it)."""
    return SecretBytes(secrets.token_bytes(32))


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def digests_equal(a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)


def derive_passphrase_key(passphrase: SecretText, salt: bytes, params: KdfParams) -> SecretBytes:
    """Argon2id (RFC 9106, version 0x13) through argon2-cffi, which has wheels for phones too.

    The same inputs give the same key as cryptography's Argon2id (44 and newer), which made the
    v1 wallets: tests/wallet/test_kdf_compat.py holds the two to that. The parameters are
    checked here too, so no path derives with costs outside KDF_LIMITS.
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


def derive_subkey(key: bytes, info: bytes) -> SecretBytes:
    """A key for one purpose (`info`) from a 256-bit key: HKDF-SHA256 without salt."""
    kdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info)
    return SecretBytes(kdf.derive(bytes(key)))


def derive_recovery_key(canonical_code: SecretText, salt: bytes) -> SecretBytes:
    """The key-encryption key of a v1 recovery lock (the data key wrapped under the code itself)."""
    kdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=b"infocards recovery")
    return SecretBytes(kdf.derive(canonical_code.reveal().encode("ascii")))


def wrap_data_key(kek: bytes, data_key: bytes, nonce: bytes, ad: bytes) -> bytes:
    return AESGCM(kek).encrypt(nonce, bytes(data_key), ad)


def unwrap_data_key(kek: bytes, nonce: bytes, wrapped: bytes, ad: bytes) -> SecretBytes | None:
    """The wrapped key, or None when the key-encryption key is wrong (or the lock was altered)."""
    try:
        return SecretBytes(AESGCM(kek).decrypt(nonce, wrapped, ad))
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
    """The public key the code's private key belongs to (stored in the file's recovery lock)."""
    return _raw_public(_recovery_identity(canonical_code, salt))


def _recipient_kek(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    kdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=ephemeral + recipient,
               info=b"infocards recovery wrap")
    return kdf.derive(shared)


def wrap_for_recipient(recipient: bytes, data_key: bytes, nonce: bytes, ad: bytes) -> tuple[bytes, bytes]:
    """Wrap `data_key` for the recovery public key: (ephemeral public key, wrapped key)."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = _raw_public(ephemeral)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    kek = _recipient_kek(shared, ephemeral_public, recipient)
    return ephemeral_public, AESGCM(kek).encrypt(nonce, bytes(data_key), ad)


def unwrap_for_recipient(
    canonical_code: SecretText, salt: bytes, recipient: bytes, ephemeral: bytes, nonce: bytes, wrapped: bytes,
    ad: bytes,
) -> SecretBytes | None:
    """The data key, or None when the code is not the one this lock was made for."""
    identity = _recovery_identity(canonical_code, salt)
    if not digests_equal(_raw_public(identity), recipient):
        return None
    try:
        shared = identity.exchange(X25519PublicKey.from_public_bytes(ephemeral))
    except ValueError:  # a low-order point: only a crafted lock holds one
        return None
    return unwrap_data_key(_recipient_kek(shared, ephemeral, recipient), nonce, wrapped, ad)
