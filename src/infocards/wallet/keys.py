"""Key changes of an open wallet: a new passphrase, a new recovery code, each with a new data key.

A mixin of `Wallet` (service.py). As age and KeePassXC do, every change of a secret replaces
the key the body is encrypted with, not only its wrapping: an old copy of the file opened with
an old passphrase (or an old recovery code) then yields a key that decrypts nothing saved later.
The passphrase slot is rewrapped with the key-encryption key derived when the wallet was
unlocked, and the recovery slot, an X25519 recipient, is rewrapped without the code.
"""

from __future__ import annotations

from infocards.errors import WalletError, WrongPassphrase
from infocards.sealed import DEFAULT_KDF, SecretText, digests_equal, new_data_key
from infocards.wallet import vault
from infocards.wallet.opening import check_passphrase
from infocards.wallet.recovery import RecoveryCode

__all__ = ["KeysMixin"]


class KeysMixin:
    """Needs from Wallet: `_guard()`, `_slots`, `_data_key`, `_kek`, `_storage`."""

    def _slot(self, kind: str):
        return next(slot for slot in self._slots if slot.kind == kind)

    def verify_passphrase(self, passphrase: str) -> bool:
        """Whether `passphrase` is the wallet's current one (runs the KDF: about half a second)."""
        with self._guard():
            slot, data_key = self._slot("passphrase"), self._data_key
        secret = SecretText(passphrase if isinstance(passphrase, str) else "")
        opened = slot.passphrase_lock().open(secret, slot.associated_data())
        return opened is not None and digests_equal(opened[0], data_key)

    def change_passphrase(self, new_passphrase: str, *, current: str | None = None) -> str | None:
        """Set a new passphrase (and a new data key). With `current`, check it first (WrongPassphrase).

        Returns a new recovery code when the old one could not be kept: a wallet made before
        format v2 wraps its key under the code itself, which this device does not hold.
        """
        secret = check_passphrase(new_passphrase)
        if current is not None and not self.verify_passphrase(current):
            raise WrongPassphrase("error.wallet.wrong_current_passphrase")
        with self._guard():
            code = RecoveryCode.generate() if self._slot("recovery").recipient is None else None
            self._rekey(passphrase=secret, code=code)
        return str(code) if code else None

    def new_recovery_code(self) -> str:
        """Replace the recovery code (and the data key); the old code opens nothing from now on."""
        code = RecoveryCode.generate()
        self._rekey(code=code)
        return str(code)

    def _rekey(self, *, passphrase: SecretText | None = None, code: RecoveryCode | None = None) -> None:
        with self._guard():
            old_passphrase, old_recovery = self._slot("passphrase"), self._slot("recovery")
            data_key = new_data_key()
            if passphrase is not None:
                passphrase_slot, kek = vault.passphrase_slot(passphrase, data_key, old_passphrase.kdf or DEFAULT_KDF)
            elif self._kek is not None:
                kek = self._kek
                passphrase_slot = vault.rewrap_passphrase(old_passphrase, kek, data_key)
            else:  # opened with the recovery code: a new passphrase comes with every change
                raise WalletError("error.wallet.passphrase_needed")
            if code is not None:
                recovery_slot = vault.recovery_slot(code, data_key)
            else:
                recovery_slot = vault.rewrap_recovery(old_recovery, data_key)
            previous = (self._data_key, self._kek, self._slots)
            self._data_key, self._kek = data_key, kek
            self._slots = tuple(passphrase_slot if s.kind == "passphrase" else recovery_slot for s in self._slots)
            try:
                self._storage.resave()
            except BaseException:  # nothing new reached the disk: keep the old keys
                self._data_key, self._kek, self._slots = previous
                raise
            # Again, so that the backup holds the new key too and no copy beside the wallet
            # opens with the old secrets (if this one fails, the next save does it).
            self._storage.resave()
