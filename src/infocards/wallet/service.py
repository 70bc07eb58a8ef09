"""The wallet service: one open, locked, encrypted TinyDB of the patient's course (no flet).

Thread-safe: the UI may call from several threads, so one re-entrant lock guards every read and
every change, and each change is saved durably before the call returns.

This module opens, creates, saves and closes a wallet; what it holds is in recordstore.py, key
changes in keys.py, reading from disk in opening.py and the device's save counter in savecount.py.
"""

from __future__ import annotations

import base64
import contextlib
import threading
import weakref
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from tinydb import TinyDB

from infocards.atomicfile import temp_name_glob
from infocards.errors import WalletError, WalletNotFound
from infocards.records import RECORDS_FORMAT, validate_profile
from infocards.sealed import (
    DEFAULT_KDF,
    KdfParams,
    SecretBytes,
    SecretText,
    check_kdf_params,
    derive_subkey,
    new_data_key,
    new_signing_seed,
    random_bytes,
)
from infocards.wallet import savecount, vault
from infocards.wallet.fileformat import WALLET_ID_BYTES, WalletHeader
from infocards.wallet.keys import KeysMixin
from infocards.wallet.lock import WalletLock, lock_path
from infocards.wallet.opening import MIN_PASSPHRASE, check_passphrase, io_errors, load, refuse_existing
from infocards.wallet.paths import make_wallet_folder
from infocards.wallet.recordstore import RecordsMixin
from infocards.wallet.recovery import RecoveryCode
from infocards.wallet.storage import EncryptedStorage, backup_path

__all__ = ["MIN_PASSPHRASE", "RECORDS_FORMAT", "Wallet", "check_passphrase"]

# 2: the body's meta holds the save counter and the key for content-derived record ids.
BODY_VERSION = 2
# The HKDF label of the key for content-derived record ids (v1 bodies derived it from the data key).
RECORD_ID_INFO = b"infocards record ids"
_OPEN: weakref.WeakValueDictionary[Path, Wallet] = weakref.WeakValueDictionary()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _parse_time(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None


class Wallet(RecordsMixin, KeysMixin):
    """An unlocked wallet. Open with Wallet.open or Wallet.create; close (or `with`) to lock."""

    def __init__(self, path: Path, lock: WalletLock, unlocked: vault.Unlocked, document: dict,
                 used_backup: datetime | None = None) -> None:
        self.path = path
        header = unlocked.header
        # Set when the last good copy was opened because the main file is damaged or missing.
        self.used_backup = used_backup
        self.main_missing = used_backup is not None and not path.exists()
        # When the wallet was last saved: the opened file's time, then the time of each save.
        self.last_saved: datetime | None = _parse_time(header.saved)
        self._lock = lock
        self._data_key = unlocked.data_key
        self._kek = unlocked.passphrase_kek
        self._slots = header.slots
        self._created = header.created
        self._wallet_id = header.wallet_id or random_bytes(WALLET_ID_BYTES)  # a v1 file gets one now
        meta = document["meta"].setdefault("1", {})
        # Ids derived from a record's content must survive a new data key, so their key is kept
        # in the body (a v1 body derived it from the data key: the same key is kept from now on).
        if not isinstance(meta.get("record_id_key"), str):
            meta["record_id_key"] = _b64(derive_subkey(unlocked.data_key, RECORD_ID_INFO))
        self._id_key = SecretBytes(base64.b64decode(meta["record_id_key"]))
        saves = meta.get("saves")
        self._saves = saves if type(saves) is int and saves >= 0 else 0
        self.older_than: datetime | None = None
        self._save_floor = 0
        self._check_against_device(header.wallet_id, used_backup)
        self._mutex = threading.RLock()
        self._db = TinyDB(storage=EncryptedStorage, path=path, seal=self._seal, document=document,
                          main_file_good=used_backup is None, stamp=self._stamp, on_saved=self._on_saved)
        self._storage: EncryptedStorage = self._db.storage  # type: ignore[assignment]
        self._records = self._db.table("records", cache_size=0)
        self._index = {doc["id"]: doc.doc_id for doc in self._records.all()}
        self._closed = False
        _OPEN[path.resolve()] = self

    # -- opening and closing ---------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, passphrase: str, profile: dict | None = None,
               kdf: KdfParams | None = None) -> tuple[Wallet, str]:
        """Create the file (WalletExists if present); return the open wallet and recovery code."""
        path = Path(path)
        secret = check_passphrase(passphrase)
        params = check_kdf_params(kdf or DEFAULT_KDF)
        clean_profile = validate_profile(profile or {})
        with io_errors():
            make_wallet_folder(path)
            lock = WalletLock(path).acquire()
        try:
            with io_errors():
                refuse_existing(path)
                _remove_temp_files(path)  # half-written saves; never a whole wallet
                data_key = new_data_key()
                code = RecoveryCode.generate()
                passphrase_slot, kek = vault.passphrase_slot(secret, data_key, params)
                slots = (passphrase_slot, vault.recovery_slot(code, data_key))
                now = vault.now_iso()
                header = WalletHeader(slots=slots, body_nonce=b"", body_length=0, created=now, saved=now,
                                            wallet_id=random_bytes(WALLET_ID_BYTES))
                document = {
                    "meta": {"1": {"body_version": BODY_VERSION}},
                    "profile": {"1": clean_profile},
                    "device": {"1": {"signing_seed": _b64(new_signing_seed())}},
                    "records": {},
                    "shares": {},
                }
                unlocked = vault.Unlocked(data_key=data_key, header=header, plaintext=b"", passphrase_kek=kek)
                wallet = cls(path, lock, unlocked, document)
                wallet._storage.resave()
        except BaseException:
            lock.release()
            raise
        return wallet, str(code)

    @classmethod
    def open(cls, path: Path, passphrase: str) -> Wallet:
        """Unlock PATH: WalletNotFound, WrongPassphrase, CorruptWallet, NewerFormat, AlreadyOpen."""
        path = Path(path)
        secret = SecretText(passphrase if isinstance(passphrase, str) else "")
        if not cls.exists(path):
            raise WalletNotFound(path=str(path))
        return cls._open_with(path, lambda file: vault.unlock_with_passphrase(file, secret))

    unlock = open

    @classmethod
    def _open_with(cls, path: Path, unlock: Callable) -> Wallet:
        with io_errors():
            lock = WalletLock(path).acquire()
        try:
            with io_errors():
                loaded = load(path, unlock)
            return cls(path, lock, loaded.unlocked, loaded.document, used_backup=loaded.used_backup)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def recover(cls, path: Path, recovery_code: str, new_passphrase: str) -> str:
        """Set a new passphrase with the recovery code; returns the NEW recovery code.

        The code is single use: the wallet gets a new data key and a new code, so the old code
        (and every old copy of the file) opens nothing saved from now on. WrongPassphrase for a
        wrong code.
        """
        path = Path(path)
        secret = check_passphrase(new_passphrase)
        code = RecoveryCode.parse(recovery_code)
        if not cls.exists(path):
            raise WalletNotFound(path=str(path))
        with cls._open_with(path, lambda file: vault.unlock_with_recovery(file, code)) as wallet:
            new_code = RecoveryCode.generate()
            wallet._rekey(passphrase=secret, code=new_code)
        return str(new_code)

    @staticmethod
    def exists(path: Path) -> bool:
        """Whether a wallet file (or its backup) is at PATH: create or unlock?"""
        path = Path(path)
        return path.exists() or backup_path(path).exists()

    @staticmethod
    def check_creatable(path: Path) -> None:
        """WalletExists if a wallet or the backup of an earlier one is at PATH (before asking)."""
        with io_errors():
            refuse_existing(Path(path))

    @staticmethod
    def wipe(path: Path) -> None:
        """Remove the wallet, its backup and its lock file (closing it first if open here)."""
        path = Path(path)
        open_here = _OPEN.get(path.resolve())
        if open_here is not None:
            open_here.close()
        with io_errors():
            lock = WalletLock(path).acquire()
            try:
                _remove_temp_files(path)
                backup_path(path).unlink(missing_ok=True)
                path.unlink(missing_ok=True)
            finally:
                lock.release()
            lock_path(path).unlink(missing_ok=True)

    def close(self) -> None:
        with self._mutex:
            if self._closed:
                return
            self._closed = True
            self._storage.close()
            self._data_key = SecretBytes(b"")
            self._kek = None
            self._id_key = SecretBytes(b"")
            self._lock.release()
            _OPEN.pop(self.path.resolve(), None)

    lock = close

    @property
    def closed(self) -> bool:
        return self._closed

    def __enter__(self) -> Wallet:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._closed else "open"
        return f"<Wallet {self.path.name} ({state})>"

    # -- saving ----------------------------------------------------------------------------

    def _seal(self, plaintext: bytes) -> bytes:
        return vault.seal(self._data_key, self._slots, self._created, self._wallet_id, plaintext)

    def _check_against_device(self, file_id: bytes | None, used_backup: datetime | None) -> None:
        """Compare the body's save counter with the one this device last saved here."""
        seen = savecount.last_seen(self.path)
        # A v1 file has no id yet: the path alone says it is this device's wallet.
        if seen is None or (file_id is not None and seen.wallet_id != _b64(file_id)):
            return
        self._save_floor = seen.saves  # the next save counts on from the highest ever seen here
        # The backup is the file as it was before the last save: one behind is expected of it, and
        # anything older is an older copy put in its place (with the main file spoiled to reach it).
        expected = seen.saves - 1 if used_backup is not None else seen.saves
        if self._saves < expected:
            self.older_than = _parse_time(seen.saved)

    def _stamp(self, document: dict) -> None:
        meta = document["meta"].setdefault("1", {})
        meta["body_version"] = BODY_VERSION
        meta["record_id_key"] = _b64(self._id_key)
        meta["saves"] = max(self._saves, self._save_floor) + 1

    def _on_saved(self, document: dict) -> None:
        self.last_saved = datetime.now(UTC)
        self._saves = document["meta"]["1"]["saves"]
        savecount.record_save(self.path, savecount.SeenSave(_b64(self._wallet_id), self._saves, vault.now_iso()))

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        with self._mutex:
            if self._closed:
                raise WalletError("error.wallet.closed")
            with io_errors():
                yield

    @property
    def saves(self) -> int:
        """How many times this wallet has been saved (its counter, kept in the encrypted body)."""
        return self._saves


def _remove_temp_files(path: Path) -> None:
    """Temporary files of interrupted saves beside PATH (and the names older versions used)."""
    for stray in (*path.parent.glob(temp_name_glob(path)), *path.parent.glob(f".{path.name}.*.bak.tmp")):
        stray.unlink(missing_ok=True)
    for name in (".tmp", ".bak.tmp"):
        path.with_name(path.name + name).unlink(missing_ok=True)
