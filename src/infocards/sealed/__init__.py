"""Sealed files: a small versioned file whose secret is sealed under a passphrase (age and KeePassXC the models).

Every sealed file follows the same rules, and this package is their one implementation:

- it says what it is: a magic or format name and a version; a newer version is refused by name
  ("made by a newer infocards"), an older one is read by its own reader, forever;
- the passphrase makes the key with Argon2id (`kdf.py`); the parameters are stored in the file
  and range-checked (KDF_LIMITS) when the header is read, before any key is derived;
- the secret is sealed with AES-256-GCM (`crypto.py`, `lock.py`); the header is authenticated
  as associated data, so a changed KDF parameter, salt, name or key never opens;
- a plain SHA-256 check over the file (`fields.py`) is read before any derivation: a file that
  fails it is damaged; only a whole file can have a wrong passphrase;
- secrets (`SecretBytes`, `SecretText`) never show in a repr, a log or an exception; a new
  file's passphrase has at least MIN_PASSPHRASE characters.

Two kinds of sealed file exist, each with its own format module that only reads and writes
its layout and joins it to these rules; neither imports the other:

- the wallet (`infocards.wallet.fileformat`, binary, magic b"ICWALLET", versions 1 and 2):
  a random data key seals the body; a passphrase lock and a recovery-code lock (an X25519
  recipient since v2) each wrap the data key;
- the clinic key (`infocards.notes.clinic_key`, JSON, format "infocards-clinic-key", version 1):
  the passphrase lock seals the 32-byte Ed25519 seed directly, the header as associated data.

Both layouts are kept as they were released: one implementation of the rules, no conversion
of files on disk. Saved files of every released version live in tests/fixtures/ and are opened
by the tests (tests/sealed/ holds the tests of the rules themselves, run against both kinds).
"""

from infocards.sealed.crypto import (
    KEY_BYTES,
    NONCE_BYTES,
    SALT_BYTES,
    TAG_BYTES,
    derive_passphrase_key,
    derive_recovery_key,
    derive_subkey,
    digests_equal,
    new_data_key,
    new_nonce,
    new_salt,
    new_signing_seed,
    open_body,
    random_bytes,
    recovery_recipient,
    seal_body,
    sha256,
    unwrap_data_key,
    unwrap_for_recipient,
    wrap_data_key,
    wrap_for_recipient,
)
from infocards.sealed.fields import FieldDamaged, b64, check_of, intact, unb64
from infocards.sealed.kdf import DEFAULT_KDF, KDF_LIMITS, OWASP_FLOOR, KdfParams, check_kdf_params
from infocards.sealed.lock import PassphraseLock
from infocards.sealed.secret import MIN_PASSPHRASE, SecretBytes, SecretText, check_passphrase

__all__ = [
    "DEFAULT_KDF",
    "KDF_LIMITS",
    "KEY_BYTES",
    "MIN_PASSPHRASE",
    "NONCE_BYTES",
    "OWASP_FLOOR",
    "SALT_BYTES",
    "TAG_BYTES",
    "FieldDamaged",
    "KdfParams",
    "PassphraseLock",
    "SecretBytes",
    "SecretText",
    "b64",
    "check_kdf_params",
    "check_of",
    "check_passphrase",
    "derive_passphrase_key",
    "derive_recovery_key",
    "derive_subkey",
    "digests_equal",
    "intact",
    "new_data_key",
    "new_nonce",
    "new_salt",
    "new_signing_seed",
    "open_body",
    "random_bytes",
    "recovery_recipient",
    "seal_body",
    "sha256",
    "unb64",
    "unwrap_data_key",
    "unwrap_for_recipient",
    "wrap_data_key",
    "wrap_for_recipient",
]
