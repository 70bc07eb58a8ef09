"""The patient's wallet session in the app: create, unlock, auto-lock; flet-free."""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from infocards.wallet import Wallet

from infocards.atomicfile import write_private
from infocards.errors import UsageError
from infocards.web.throttle import throttle_for

__all__ = ["WalletSession", "wallet_path"]


def wallet_path() -> Path:
    """INFOCARDS_WALLET if set (tests, a second profile), else the platform's data folder."""
    chosen = os.environ.get("INFOCARDS_WALLET")
    if chosen:
        return Path(chosen)
    from infocards.wallet import default_wallet_path

    return default_wallet_path()


# A wallet of a long course is a few hundred KiB; a file far larger is not a wallet copy.
MAX_COPY_BYTES = 32 * 1024 * 1024


@dataclass
class WalletSession:
    path: Path
    auto_lock_seconds: float
    wallet: Wallet | None = None  # infocards.wallet is imported on first use: the card browser needs no crypto
    recovery_code: str | None = field(default=None, repr=False)  # shown once, then forgotten
    # Why a code is shown: "created", "recovered" (the old one was used up), "replaced" (made
    # anew in Settings) or "passphrase" (a wallet from before format v2 changed its passphrase).
    recovery_code_reason: str = "created"
    # The code outlived a lock before the patient confirmed it (a reload of the tab locks): the
    # screen shows it again and says why, instead of dropping it silently.
    recovery_code_kept: bool = False
    last_activity: float = field(default_factory=time.monotonic)

    def exists(self) -> bool:
        """A wallet is here if its file or its last good copy is (the copy opens in its place)."""
        from infocards.wallet import Wallet

        return Wallet.exists(self.path)

    @property
    def unlocked(self) -> bool:
        return self.wallet is not None

    def touch(self) -> None:
        self.last_activity = time.monotonic()

    def idle_too_long(self, now: float | None = None) -> bool:
        """Time to auto-lock; never while the recovery code waits to be written down (it is shown
        only once, and copying 25 characters by hand can take a patient a while)."""
        if self.recovery_code:
            return False
        now = time.monotonic() if now is None else now
        return self.unlocked and now - self.last_activity >= self.auto_lock_seconds

    def create(self, passphrase: str, repeated: str, profile: dict | None = None) -> str:
        if passphrase != repeated:
            raise UsageError("wallet.ui.mismatch")
        from infocards.wallet import Wallet
        from infocards.wallet.paths import make_wallet_folder

        make_wallet_folder(self.path)  # 0700 on the app's first run, as the CLI makes it

        self.wallet, code = Wallet.create(self.path, passphrase, profile=profile)
        self.recovery_code, self.recovery_code_reason = code, "created"
        self.touch()
        return code

    def restore_copy(
        self, data: bytes, passphrase: str = "", code: str = "", new: str = "", repeated: str = ""
    ) -> None:
        """A new phone: keep an encrypted copy of the wallet (a backup made in Settings, or the
        file itself) as this device's wallet, opened with its passphrase, or with its recovery
        code and a new passphrase (the code is then used up and a new one shown, as in recover).

        Only where no wallet is yet (WalletExists otherwise); a copy that does not open is
        removed again, so a wrong passphrase or a file that is not a wallet leaves nothing here.
        """
        from infocards.errors import CorruptWallet, WalletExists
        from infocards.wallet import Wallet
        from infocards.wallet.paths import make_wallet_folder

        if self.exists():
            raise WalletExists(path=self.path.name)
        if not data or len(data) > MAX_COPY_BYTES:
            raise UsageError("restore.not_a_copy")
        if code and new != repeated:
            raise UsageError("wallet.ui.mismatch")
        make_wallet_folder(self.path)
        write_private(self.path, data)
        try:
            if code:
                new_code = Wallet.recover(self.path, code, new)
                self._open(new)
                self.recovery_code, self.recovery_code_reason = new_code, "recovered"
            else:
                throttle_for(self.path).attempt(lambda: self._open(passphrase))
        except BaseException as exc:
            Wallet.wipe(self.path)  # only the copy just placed here: no wallet was here before
            if isinstance(exc, CorruptWallet):  # "damaged, no backup" would be wrong here
                raise UsageError("restore.not_a_copy") from None
            raise

    def confirm_recovery_code_written(self) -> None:
        self.recovery_code, self.recovery_code_kept = None, False

    def unlock(self, passphrase: str) -> None:
        """Open with the passphrase; wrong ones in a row make the next try wait (UnlockThrottled),
        across every session and tab of this process."""
        throttle_for(self.path).attempt(lambda: self._open(passphrase))

    def _open(self, passphrase: str) -> None:
        from infocards.wallet import Wallet

        self.wallet = Wallet.open(self.path, passphrase)
        self.touch()

    def recover(self, code: str, passphrase: str, repeated: str) -> str:
        """Set a new passphrase with the code; the code is used up, and the new one is shown once."""
        if passphrase != repeated:
            raise UsageError("wallet.ui.mismatch")
        from infocards.wallet import Wallet

        new_code = Wallet.recover(self.path, code, passphrase)
        throttle_for(self.path).reset()  # the recovery code proved who is here: no wait left
        self._open(passphrase)
        self.recovery_code, self.recovery_code_reason = new_code, "recovered"
        return new_code

    def new_recovery_code(self) -> str:
        """Replace the recovery code (Settings); shown once, no auto-lock until it is written down."""
        self.recovery_code = self.require().new_recovery_code()
        self.recovery_code_reason = "replaced"
        return self.recovery_code

    def change_passphrase(self, current: str, new: str, repeated: str) -> None:
        """Settings: the current passphrase first (throttled like an unlock, so an unlocked app is
        no guessing oracle for it), then the new one twice (a new data key too)."""
        if new != repeated:
            raise UsageError("wallet.ui.mismatch")
        wallet = self.require()
        code = throttle_for(self.path).attempt(lambda: wallet.change_passphrase(new, current=current))
        if code:  # a wallet from before format v2 had to replace its recovery code as well
            self.recovery_code, self.recovery_code_reason = code, "passphrase"

    def lock(self, forget_code: bool = False) -> None:
        """Close the wallet. A recovery code not yet confirmed as written down stays (for this
        session only) until the patient confirms it, unless `forget_code` (the session is over)."""
        if self.wallet is not None:
            self.wallet.close()
        self.wallet = None
        if forget_code:
            self.recovery_code, self.recovery_code_kept = None, False
        elif self.recovery_code:
            self.recovery_code_kept = True

    def backup_bytes(self) -> bytes:
        """The wallet file as it is on disk: encrypted, it opens with the passphrase or the code."""
        wallet = self.require()
        if wallet.used_backup:
            # Opened from the last good copy, the main file may still be the damaged one: saving
            # (the profile, unchanged) writes the good document back to it first.
            wallet.set_profile(wallet.profile)
        return self.path.read_bytes()

    def export_bytes(self) -> bytes:
        """The profile and every record as JSON (the records format), unencrypted."""
        return json.dumps(self.require().export_data(), ensure_ascii=False, indent=2).encode("utf-8")

    def wipe(self) -> None:
        self.lock(forget_code=True)
        from infocards.wallet import Wallet

        Wallet.wipe(self.path)

    def require(self) -> Wallet:
        if self.wallet is None:
            raise UsageError("wallet.ui.locked")
        self.touch()
        return self.wallet
