"""Joins the crypto and the file format: key slots, unlocking and sealing whole wallet files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from infocards.errors import CorruptWallet, WrongPassphrase
from infocards.wallet import crypto
from infocards.wallet.crypto import KdfParams, SecretBytes, SecretText
from infocards.wallet.fileformat import (
    Slot,
    WalletFile,
    WalletHeader,
    associated_data_for,
    serialise_file,
)
from infocards.wallet.recovery import RecoveryCode

__all__ = [
    "Unlocked",
    "now_iso",
    "passphrase_slot",
    "recovery_slot",
    "seal",
    "unlock_with_passphrase",
    "unlock_with_recovery",
]


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Unlocked:
    data_key: SecretBytes
    header: WalletHeader
    plaintext: bytes

    def __repr__(self) -> str:
        return "<Unlocked wallet body, redacted>"


def passphrase_slot(passphrase: SecretText, data_key: bytes, kdf: KdfParams) -> Slot:
    salt, nonce = crypto.new_salt(), crypto.new_nonce()
    kek = crypto.derive_passphrase_key(passphrase, salt, kdf)
    slot = Slot(kind="passphrase", salt=salt, nonce=nonce, wrapped=b"", kdf=kdf)
    wrapped = crypto.wrap_data_key(kek, data_key, nonce, slot.associated_data())
    return Slot(kind="passphrase", salt=salt, nonce=nonce, wrapped=wrapped, kdf=kdf)


def recovery_slot(code: RecoveryCode, data_key: bytes) -> Slot:
    salt, nonce = crypto.new_salt(), crypto.new_nonce()
    kek = crypto.derive_recovery_key(code.secret(), salt)
    slot = Slot(kind="recovery", salt=salt, nonce=nonce, wrapped=b"")
    wrapped = crypto.wrap_data_key(kek, data_key, nonce, slot.associated_data())
    return Slot(kind="recovery", salt=salt, nonce=nonce, wrapped=wrapped)


def seal(data_key: bytes, slots: tuple[Slot, ...], created: str, plaintext: bytes) -> bytes:
    """A whole wallet file for `plaintext`, with a fresh body nonce."""
    header = WalletHeader(
        slots=slots,
        body_nonce=crypto.new_nonce(),
        body_length=len(plaintext) + crypto.TAG_BYTES,
        created=created,
        saved=now_iso(),
    )
    ad = associated_data_for(header)
    body = crypto.seal_body(data_key, header.body_nonce, plaintext, ad)
    return serialise_file(ad, body)


def _open_body(file: WalletFile, data_key: SecretBytes) -> Unlocked:
    plaintext = crypto.open_body(data_key, file.header.body_nonce, file.body, file.associated_data)
    if plaintext is None:  # the key slot opened, so the body or header was altered
        raise CorruptWallet()
    return Unlocked(data_key=data_key, header=file.header, plaintext=plaintext)


def unlock_with_passphrase(file: WalletFile, passphrase: SecretText) -> Unlocked:
    slot = file.header.slot("passphrase")
    if slot.kdf is None:
        raise CorruptWallet()
    kek = crypto.derive_passphrase_key(passphrase, slot.salt, slot.kdf)
    data_key = crypto.unwrap_data_key(kek, slot.nonce, slot.wrapped, slot.associated_data())
    if data_key is None:
        raise WrongPassphrase()
    return _open_body(file, data_key)


def unlock_with_recovery(file: WalletFile, code: RecoveryCode) -> Unlocked:
    slot = file.header.slot("recovery")
    kek = crypto.derive_recovery_key(code.secret(), slot.salt)
    data_key = crypto.unwrap_data_key(kek, slot.nonce, slot.wrapped, slot.associated_data())
    if data_key is None:
        raise WrongPassphrase("error.wallet.wrong_recovery_code")
    return _open_body(file, data_key)
