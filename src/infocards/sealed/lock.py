"""A secret sealed under a passphrase: an Argon2id key of the passphrase, then AES-256-GCM.

The one passphrase lock of every sealed file. The wallet's passphrase slot wraps its data key
with it (the slot's name as associated data); the clinic key file seals its signing seed with
it (its whole header as associated data). Opening derives the key (the slow step, after the
parameters were range-checked) and returns None for a wrong passphrase: the caller decides
what that means, because only the caller knows whether the file was whole.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from infocards.sealed.crypto import derive_passphrase_key, new_nonce, new_salt, unwrap_data_key, wrap_data_key
from infocards.sealed.kdf import KdfParams, check_kdf_params
from infocards.sealed.secret import SecretBytes, SecretText

__all__ = ["PassphraseLock"]


@dataclass(frozen=True)
class PassphraseLock:
    """Argon2id(`kdf`, `salt`) of the passphrase is the key; `wrapped` is the secret under it."""

    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes = b""

    @classmethod
    def fresh(cls, kdf: KdfParams) -> PassphraseLock:
        """An empty lock with a new salt and nonce (the costs checked before anything is derived)."""
        return cls(kdf=check_kdf_params(kdf), salt=new_salt(), nonce=new_nonce())

    def key(self, passphrase: SecretText) -> SecretBytes:
        """The key-encryption key: the slow Argon2id step (KdfParamsRejected for absurd costs)."""
        return derive_passphrase_key(passphrase, self.salt, self.kdf)

    def sealing(self, key: bytes, secret: bytes, ad: bytes) -> PassphraseLock:
        """This lock holding `secret` under `key`, with this lock's nonce."""
        return replace(self, wrapped=wrap_data_key(key, secret, self.nonce, ad))

    def resealing(self, key: bytes, secret: bytes, ad: bytes) -> PassphraseLock:
        """The same passphrase (same salt, same key) holding another secret, under a fresh nonce."""
        return replace(self, nonce=new_nonce()).sealing(key, secret, ad)

    def open_with_key(self, key: bytes, ad: bytes) -> SecretBytes | None:
        return unwrap_data_key(key, self.nonce, self.wrapped, ad)

    def open(self, passphrase: SecretText, ad: bytes) -> tuple[SecretBytes, SecretBytes] | None:
        """(secret, key), or None when the passphrase is wrong or the lock or `ad` was altered."""
        key = self.key(passphrase)
        secret = self.open_with_key(key, ad)
        return None if secret is None else (secret, key)

    def __repr__(self) -> str:
        k = self.kdf
        return f"<PassphraseLock argon2id m={k.memory_kib} t={k.iterations} p={k.lanes}, redacted>"
