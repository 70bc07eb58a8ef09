"""The clinician view's clinic key and trust list, per session (flet-free, for the note views).

The key file is the one named by INFOCARDS_CLINIC_KEY, else flet.toml's `[reader] clinic_key`,
else `clinic.key` in the user's data folder. It is unlocked once per session with its
passphrase (the reader may be served to a network: an unlocked key is never shared between
visitors), or made here when there is none yet, showing the fingerprint to write down.
"""

from __future__ import annotations

import os
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from infocards.config import config_path
from infocards.content.trust import TrustList, load_trust
from infocards.errors import ClinicKeyError, WrongClinicPassphrase
from infocards.notes.clinic_key import ClinicKey, create_clinic_key, open_clinic_key
from infocards.web.throttle import clinic_throttle_for

__all__ = ["CLINIC_KEY_ENV", "ClinicSession", "clinic_key_path", "clinic_of"]

CLINIC_KEY_ENV = "INFOCARDS_CLINIC_KEY"


def clinic_key_path() -> Path:
    chosen = os.environ.get(CLINIC_KEY_ENV, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    path = config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        named = data.get("reader", {}).get("clinic_key", "")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, AttributeError):
        named = ""
    if isinstance(named, str) and named.strip():
        candidate = Path(named.strip()).expanduser()
        return candidate if candidate.is_absolute() else path.parent / candidate
    return Path(platformdirs.user_data_dir("infocards", appauthor=False)) / "clinic.key"


@dataclass
class ClinicSession:
    """One visitor's clinic key (locked until they unlock it, and again after `idle_seconds`
    unused or when their tab closes) and the packs' trust list. `client` is the visitor's
    address: the unlock throttle counts wrong passphrases per client first."""

    packs: tuple[Path, ...] = ()
    path: Path = field(default_factory=clinic_key_path)
    client: str = ""
    idle_seconds: float = 600.0
    key: ClinicKey | None = field(default=None, repr=False)
    _trust: TrustList | None = field(default=None, repr=False)
    _used_at: float = field(default=0.0, repr=False)

    def exists(self) -> bool:
        return self.path.exists()

    def unlock(self, passphrase: str) -> ClinicKey:
        # Throttled per key file across every session of this process, like a wallet unlock, and
        # per visitor first: a reader server may face a network, and the key signs notes in the
        # professional's name. What a visitor is told never names the server's files.
        def open_here() -> ClinicKey:
            try:
                return open_clinic_key(self.path, passphrase)
            except WrongClinicPassphrase:
                raise WrongClinicPassphrase("error.clinic.wrong_passphrase_here") from None
            except ClinicKeyError:
                raise ClinicKeyError("error.clinic.unusable_here") from None

        self.key = clinic_throttle_for(self.path).attempt(self.client, open_here)
        self.touch()
        return self.key

    def lock(self) -> None:
        self.key = None

    def touch(self) -> None:
        """The key was used (unlocked, or a note signed): the idle lock starts again."""
        self._used_at = time.monotonic()

    def idle_too_long(self) -> bool:
        return self.key is not None and time.monotonic() - self._used_at >= self.idle_seconds

    def create(self, passphrase: str, repeated: str, name: str, role: str, place: str) -> ClinicKey:
        if passphrase != repeated:
            raise ClinicKeyError("error.clinic.mismatch")
        self.key = create_clinic_key(self.path, passphrase, name, role, place)
        self.touch()
        return self.key

    def trust(self) -> TrustList:
        if self._trust is None:
            self._trust = load_trust(self.packs)
        return self._trust


def clinic_of(state) -> ClinicSession:
    """The session's clinic key holder, made on first use."""
    session = getattr(state, "clinic", None)
    if session is None:
        session = ClinicSession(packs=tuple(state.settings.packs), client=getattr(state, "client", ""),
                                idle_seconds=state.settings.clinic_key_idle_minutes * 60)
        state.clinic = session
    return session
