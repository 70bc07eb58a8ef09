"""Former home of the wallet's crypto, kept so that `infocards.wallet.crypto` imports still work.

The primitives and rules of every sealed file now live in `infocards.sealed` (the only module
besides the codes' signing that imports `cryptography`); nothing in src/ imports this module.
"""

from infocards.sealed import (
    DEFAULT_KDF,
    KDF_LIMITS,
    KEY_BYTES,
    NONCE_BYTES,
    OWASP_FLOOR,
    SALT_BYTES,
    KdfParams,
    SecretBytes,
    SecretText,
    check_kdf_params,
    derive_passphrase_key,
    sha256,
)

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
    "sha256",
]
