"""Reading a wallet from disk: the main file, else its last good copy; passphrase rules; I/O errors."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from infocards.errors import (
    CorruptWallet,
    NewerFormat,
    WalletError,
    WalletExists,
    WalletNotFound,
    WrongPassphrase,
)
from infocards.sealed import MIN_PASSPHRASE, check_passphrase
from infocards.wallet import vault
from infocards.wallet.fileformat import WalletFile, parse_file
from infocards.wallet.storage import backup_path, decode_document

__all__ = ["MIN_PASSPHRASE", "TABLES", "Loaded", "check_passphrase", "io_errors", "load", "refuse_existing"]

TABLES = ("meta", "profile", "device", "records", "shares")


@contextlib.contextmanager
def io_errors() -> Iterator[None]:
    """A full disk or a read-only folder is a clear message, not a traceback."""
    try:
        yield
    except OSError as exc:
        raise WalletError("error.wallet.io", detail=exc.strerror or type(exc).__name__) from exc


@dataclass
class Loaded:
    unlocked: vault.Unlocked
    document: dict
    used_backup: datetime | None  # the backup's save time when the main file could not be used

    def __repr__(self) -> str:
        return "<Loaded wallet, redacted>"


def load(path: Path, unlock: Callable[[WalletFile], vault.Unlocked]) -> Loaded:
    """Unlock PATH, or its backup when PATH is damaged or gone.

    A backup without its main file is the history of a wallet whose file was lost (deleted by
    hand, not restored by a sync tool): it is opened like a damaged file's backup, never dropped.
    """
    backup = backup_path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        if not backup.exists():
            raise WalletNotFound(path=str(path)) from exc
        return _load_backup(backup, unlock, main_missing=True)
    try:
        return Loaded(*_unlock_file(parse_file(data), unlock), used_backup=None)
    except NewerFormat:
        raise
    except CorruptWallet as damage:
        if not backup.exists():
            raise damage from None
        return _load_backup(backup, unlock, main_missing=False)


def _load_backup(backup: Path, unlock: Callable, *, main_missing: bool) -> Loaded:
    try:
        file = parse_file(backup.read_bytes())
        unlocked, document = _unlock_file(file, unlock)
    except WrongPassphrase as exc:
        if main_missing:  # one file, one passphrase: the plain message is the true one
            raise WrongPassphrase(exc.key) from exc
        raise WrongPassphrase("error.wallet.wrong_passphrase_backup") from exc
    except NewerFormat:
        if main_missing:
            raise
        raise CorruptWallet("error.wallet.damaged_backup_failed") from None
    except CorruptWallet as exc:
        key = "error.wallet.missing_backup_failed" if main_missing else "error.wallet.damaged_backup_failed"
        raise CorruptWallet(key) from exc
    try:
        saved = datetime.fromisoformat(file.header.saved)
    except ValueError:
        saved = datetime.fromtimestamp(backup.stat().st_mtime, UTC)
    return Loaded(unlocked, document, used_backup=saved)


def _unlock_file(file: WalletFile, unlock: Callable) -> tuple[vault.Unlocked, dict]:
    unlocked = unlock(file)
    try:
        document = decode_document(unlocked.plaintext)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise CorruptWallet() from exc
    if any(not isinstance(document.get(name), dict) for name in TABLES):
        raise CorruptWallet()
    return unlocked, document


def refuse_existing(path: Path) -> None:
    if path.exists():
        raise WalletExists(path=str(path))
    backup = backup_path(path)
    if backup.exists():  # the only copy of an earlier wallet's history: open it or move it
        raise WalletExists("error.wallet.exists_backup", path=str(backup))
