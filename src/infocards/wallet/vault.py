"""Joins the sealed-file rules and the wallet's layout: key slots, unlocking and sealing whole wallet files."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

from infocards import sealed
from infocards.errors import CorruptWallet, WrongPassphrase
from infocards.sealed import KdfParams, PassphraseLock, SecretBytes, SecretText
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
    "passphrase_kek",
    "passphrase_slot",
    "recovery_slot",
    "rewrap_passphrase",
    "rewrap_recovery",
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
    passphrase_kek: SecretBytes | None = None  # None when the recovery code opened it

    def __repr__(self) -> str:
        return "<Unlocked wallet body, redacted>"


def passphrase_kek(passphrase: SecretText, slot: Slot) -> SecretBytes:
    """The key-encryption key of a passphrase slot (the slow Argon2id step)."""
    return slot.passphrase_lock().key(passphrase)


def _slot_of(lock: PassphraseLock) -> Slot:
    return Slot(kind="passphrase", salt=lock.salt, nonce=lock.nonce, wrapped=lock.wrapped, kdf=lock.kdf)


def passphrase_slot(passphrase: SecretText, data_key: bytes, kdf: KdfParams) -> tuple[Slot, SecretBytes]:
    """A new passphrase slot (fresh salt) for `data_key`, and its key-encryption key."""
    lock = PassphraseLock.fresh(kdf)
    kek = lock.key(passphrase)
    return rewrap_passphrase(_slot_of(lock), kek, data_key), kek


def rewrap_passphrase(slot: Slot, kek: bytes, data_key: bytes) -> Slot:
    """The same passphrase (same salt and key-encryption key) wrapping another data key."""
    return _slot_of(slot.passphrase_lock().resealing(kek, data_key, slot.associated_data()))


def recovery_slot(code: RecoveryCode, data_key: bytes) -> Slot:
    """A slot for a new recovery code: an X25519 recipient made from the code (format v2)."""
    salt = sealed.new_salt()
    recipient = sealed.recovery_recipient(code.secret(), salt)
    return rewrap_recovery(Slot(kind="recovery", salt=salt, nonce=b"", wrapped=b"", recipient=recipient),
                           data_key)


def rewrap_recovery(slot: Slot, data_key: bytes) -> Slot:
    """The same recovery code wrapping another data key; needs no code (ValueError for a v1 slot)."""
    if slot.recipient is None:
        raise ValueError("a v1 recovery slot cannot be rewrapped without its code")
    nonce = sealed.new_nonce()
    ephemeral, wrapped = sealed.wrap_for_recipient(slot.recipient, data_key, nonce, slot.associated_data())
    return replace(slot, nonce=nonce, ephemeral=ephemeral, wrapped=wrapped)


def seal(data_key: bytes, slots: tuple[Slot, ...], created: str, wallet_id: bytes, plaintext: bytes) -> bytes:
    """A whole v2 wallet file for `plaintext`, with a fresh body nonce."""
    header = WalletHeader(
        slots=slots,
        body_nonce=sealed.new_nonce(),
        body_length=len(plaintext) + sealed.TAG_BYTES,
        created=created,
        saved=now_iso(),
        wallet_id=wallet_id,
    )
    ad = associated_data_for(header)
    body = sealed.seal_body(data_key, header.body_nonce, plaintext, ad)
    return serialise_file(ad, body)


def _open_body(file: WalletFile, data_key: SecretBytes, kek: SecretBytes | None) -> Unlocked:
    plaintext = sealed.open_body(data_key, file.header.body_nonce, file.body, file.associated_data)
    if plaintext is None:  # the key slot opened, so the body or header was altered
        raise CorruptWallet()
    return Unlocked(data_key=data_key, header=file.header, plaintext=plaintext, passphrase_kek=kek)


def unlock_with_passphrase(file: WalletFile, passphrase: SecretText) -> Unlocked:
    slot = file.header.slot("passphrase")
    opened = slot.passphrase_lock().open(passphrase, slot.associated_data())
    if opened is None:
        raise WrongPassphrase()
    data_key, kek = opened
    return _open_body(file, data_key, kek)


def unlock_with_recovery(file: WalletFile, code: RecoveryCode) -> Unlocked:
    slot = file.header.slot("recovery")
    if slot.recipient is None:  # a v1 slot: the data key wrapped under an HKDF key of the code
        kek = sealed.derive_recovery_key(code.secret(), slot.salt)
        data_key = sealed.unwrap_data_key(kek, slot.nonce, slot.wrapped, slot.associated_data())
    else:
        data_key = sealed.unwrap_for_recipient(code.secret(), slot.salt, slot.recipient, slot.ephemeral or b"",
                                               slot.nonce, slot.wrapped, slot.associated_data())
    if data_key is None:
        raise WrongPassphrase("error.wallet.wrong_recovery_code")
    return _open_body(file, data_key, None)
