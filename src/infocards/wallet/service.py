"""The wallet service: one open, locked, encrypted TinyDB of the patient's course (no flet).

Thread-safe: the UI may call from several threads, so one re-entrant lock guards every read and
every change, and each change is saved durably before the call returns.
"""

from __future__ import annotations

import base64
import contextlib
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from tinydb import TinyDB, where

from infocards import vocab
from infocards.errors import (
    CorruptWallet,
    InvalidRecord,
    NewerFormat,
    RecordNotFound,
    WalletError,
    WalletExists,
    WalletNotFound,
    WeakPassphrase,
    WrongPassphrase,
)
from infocards.wallet import vault
from infocards.wallet.crypto import (
    DEFAULT_KDF,
    KdfParams,
    SecretBytes,
    SecretText,
    check_kdf_params,
    derive_record_id_key,
    new_data_key,
    new_signing_seed,
)
from infocards.wallet.fileformat import Slot, WalletFile, parse_file
from infocards.wallet.lock import WalletLock, lock_path
from infocards.wallet.records import (
    RECORDS_FORMAT,
    check_records_document,
    record_sort_key,
    validate_profile,
    validate_record,
)
from infocards.wallet.recovery import RecoveryCode
from infocards.wallet.storage import (
    EncryptedStorage,
    backup_path,
    decode_document,
)

__all__ = ["MIN_PASSPHRASE", "RECORDS_FORMAT", "Wallet", "check_passphrase"]

MIN_PASSPHRASE = 8
BODY_VERSION = 1
_TABLES = ("meta", "profile", "device", "records", "shares")
_OPEN: weakref.WeakValueDictionary[Path, Wallet] = weakref.WeakValueDictionary()


def check_passphrase(passphrase: object) -> SecretText:
    """No key is ever derived from a short PIN alone."""
    if not isinstance(passphrase, str) or len(passphrase.strip()) < MIN_PASSPHRASE:
        raise WeakPassphrase(minimum=MIN_PASSPHRASE)
    return SecretText(passphrase)


@contextlib.contextmanager
def _io_errors() -> Iterator[None]:
    """A full disk or a read-only folder is a clear message, not a traceback."""
    try:
        yield
    except OSError as exc:
        raise WalletError("error.wallet.io", detail=exc.strerror or type(exc).__name__) from exc


def _load(path: Path, unlock: Callable) -> tuple[vault.Unlocked, dict, datetime | None]:
    """Unlock PATH, or its backup when PATH is damaged or gone (then also return the backup's time).

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
        return (*_unlock_file(parse_file(data), unlock), None)
    except NewerFormat:
        raise
    except CorruptWallet as damage:
        if not backup.exists():
            raise damage from None
        return _load_backup(backup, unlock, main_missing=False)


def _load_backup(
    backup: Path, unlock: Callable, *, main_missing: bool
) -> tuple[vault.Unlocked, dict, datetime]:
    try:
        file = parse_file(backup.read_bytes())
        unlocked, document = _unlock_file(file, unlock)
    except WrongPassphrase as exc:
        if main_missing:  # one file, one passphrase: the plain message is the true one
            raise WrongPassphrase() from exc
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
    return unlocked, document, saved


def _unlock_file(file: WalletFile, unlock: Callable) -> tuple[vault.Unlocked, dict]:
    unlocked = unlock(file)
    try:
        document = decode_document(unlocked.plaintext)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise CorruptWallet() from exc
    if any(not isinstance(document.get(name), dict) for name in _TABLES):
        raise CorruptWallet()
    return unlocked, document


class Wallet:
    """An unlocked wallet. Open with Wallet.open or Wallet.create; close (or `with`) to lock."""

    def __init__(
        self,
        path: Path,
        lock: WalletLock,
        data_key: SecretBytes,
        slots: tuple[Slot, ...],
        created: str,
        document: dict,
        used_backup: datetime | None = None,
        main_file_good: bool = True,
    ) -> None:
        self.path = path
        # Set when the last good copy was opened because the main file is damaged or missing.
        self.used_backup = used_backup
        self.main_missing = used_backup is not None and not path.exists()
        self._lock = lock
        self._data_key = data_key
        self._id_key = derive_record_id_key(data_key)
        self._slots = slots
        self._created = created
        self._mutex = threading.RLock()
        self._db = TinyDB(
            storage=EncryptedStorage,
            path=path,
            seal=self._seal,
            document=document,
            main_file_good=main_file_good,
        )
        self._storage: EncryptedStorage = self._db.storage  # type: ignore[assignment]
        self._records = self._db.table("records", cache_size=0)
        self._index = {doc["id"]: doc.doc_id for doc in self._records.all()}
        self._closed = False
        _OPEN[path.resolve()] = self

    # -- opening and closing ---------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: str,
        profile: dict | None = None,
        kdf: KdfParams | None = None,
    ) -> tuple[Wallet, str]:
        """Create the file (WalletExists if present); return the open wallet and recovery code."""
        path = Path(path)
        secret = check_passphrase(passphrase)
        params = check_kdf_params(kdf or DEFAULT_KDF)
        clean_profile = validate_profile(profile or {})
        with _io_errors():
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            lock = WalletLock(path).acquire()
        try:
            with _io_errors():
                _refuse_existing(path)
                # A half-written save; never a whole wallet (the main file is replaced last).
                path.with_name(path.name + ".tmp").unlink(missing_ok=True)
                data_key = new_data_key()
                code = RecoveryCode.generate()
                slots = (
                    vault.passphrase_slot(secret, data_key, params),
                    vault.recovery_slot(code, data_key),
                )
                seed = base64.b64encode(new_signing_seed()).decode("ascii")
                document = {
                    "meta": {"1": {"body_version": BODY_VERSION}},
                    "profile": {"1": clean_profile},
                    "device": {"1": {"signing_seed": seed}},
                    "records": {},
                    "shares": {},
                }
                wallet = cls(path, lock, data_key, slots, vault.now_iso(), document)
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
        with _io_errors():
            lock = WalletLock(path).acquire()
        try:
            with _io_errors():
                unlocked, document, used_backup = _load(path, unlock)
            return cls(
                path,
                lock,
                unlocked.data_key,
                unlocked.header.slots,
                unlocked.header.created,
                document,
                used_backup=used_backup,
                main_file_good=used_backup is None,
            )
        except BaseException:
            lock.release()
            raise

    @classmethod
    def recover(cls, path: Path, recovery_code: str, new_passphrase: str) -> None:
        """Set a new passphrase with the recovery code (WrongPassphrase for a wrong code)."""
        path = Path(path)
        check_passphrase(new_passphrase)
        code = RecoveryCode.parse(recovery_code)
        if not cls.exists(path):
            raise WalletNotFound(path=str(path))
        with cls._open_with(path, lambda file: vault.unlock_with_recovery(file, code)) as wallet:
            wallet.change_passphrase(new_passphrase)

    @staticmethod
    def exists(path: Path) -> bool:
        """Whether a wallet file (or its backup) is at PATH: create or unlock?"""
        path = Path(path)
        return path.exists() or backup_path(path).exists()

    @staticmethod
    def check_creatable(path: Path) -> None:
        """WalletExists if a wallet or the backup of an earlier one is at PATH (before asking)."""
        with _io_errors():
            _refuse_existing(Path(path))

    @staticmethod
    def wipe(path: Path) -> None:
        """Remove the wallet, its backup and its lock file (closing it first if open here)."""
        path = Path(path)
        open_here = _OPEN.get(path.resolve())
        if open_here is not None:
            open_here.close()
        with _io_errors():
            lock = WalletLock(path).acquire()
            try:
                for name in (".tmp", ".bak", ".bak.tmp"):
                    path.with_name(path.name + name).unlink(missing_ok=True)
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
        return vault.seal(self._data_key, self._slots, self._created, plaintext)

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        with self._mutex:
            if self._closed:
                raise WalletError("error.wallet.closed")
            with _io_errors():
                yield

    # -- profile, device -------------------------------------------------------------------

    @property
    def profile(self) -> dict:
        with self._guard():
            return dict(self._db.table("profile").get(doc_id=1) or {})

    def set_profile(self, profile: dict) -> None:
        clean = validate_profile(profile)
        with self._guard():
            self._db.table("profile").update(_replace_with(clean), doc_ids=[1])

    def signing_seed(self) -> bytes:
        """The device's 32-byte Ed25519 private seed (bytes with a redacted repr)."""
        with self._guard():
            device = self._db.table("device").get(doc_id=1)
            if device is None:
                raise CorruptWallet()
            return SecretBytes(base64.b64decode(device["signing_seed"]))

    # -- records ---------------------------------------------------------------------------

    def records(self, type: str | None = None) -> list[dict]:
        with self._guard():
            found = [dict(doc) for doc in self._records.all() if type is None or doc["type"] == type]
        return sorted(found, key=record_sort_key)

    def get(self, record_id: str) -> dict:
        with self._guard():
            doc_id = self._index.get(record_id)
            if doc_id is None:
                raise RecordNotFound(record=record_id)
            return dict(self._records.get(doc_id=doc_id))

    def add(self, record: dict) -> str:
        """Validate, assign an id if missing, save durably; InvalidRecord for a taken id."""
        clean = validate_record(record, assign_id=True)
        with self._guard():
            if clean["id"] in self._index:
                raise InvalidRecord("error.wallet.invalid_record.duplicate", record=clean["id"], field="id")
            self._index[clean["id"]] = self._records.insert(clean)
        return clean["id"]

    def put(self, record: dict) -> tuple[str, bool]:
        """Add, or replace the record with the same id (import semantics): (id, replaced).

        A record without an id gets one derived from its content, so importing it again
        replaces it instead of adding a copy.
        """
        clean = validate_record(record, id_key=self._id_key)
        with self._guard():
            doc_id = self._index.get(clean["id"])
            if doc_id is None:
                self._index[clean["id"]] = self._records.insert(clean)
                return clean["id"], False
            if dict(self._records.get(doc_id=doc_id)) != clean:
                self._records.update(_replace_with(clean), doc_ids=[doc_id])
            return clean["id"], True

    def put_many(self, records: Iterable[dict]) -> list[tuple[str, bool]]:
        """put() for many records at once: all validated first, then at most two saves."""
        cleaned = {}
        for record in records:
            clean = validate_record(record, id_key=self._id_key)
            cleaned[clean["id"]] = clean
        with self._guard():
            replaced = {rid: doc for rid, doc in cleaned.items() if rid in self._index}
            new = [doc for rid, doc in cleaned.items() if rid not in self._index]
            if replaced:
                self._records.update_multiple(
                    [(_replace_with(doc), where("id") == rid) for rid, doc in replaced.items()]
                )
            if new:
                for doc, doc_id in zip(new, self._records.insert_multiple(new), strict=True):
                    self._index[doc["id"]] = doc_id
        return [(rid, rid in replaced) for rid in cleaned]

    def update(self, record_id: str, changes: dict) -> dict:
        """Change some fields (None removes an optional one); returns the updated record."""
        with self._guard():
            current = self.get(record_id)
            merged = {**current, **changes}
            merged = {k: v for k, v in merged.items() if v is not None}
            if merged.get("id") != record_id:
                raise InvalidRecord("error.wallet.invalid_record.id_change", record=record_id, field="id")
            clean = validate_record(merged)
            self._records.update(_replace_with(clean), doc_ids=[self._index[record_id]])
            return dict(clean)

    def delete(self, record_id: str) -> None:
        with self._guard():
            doc_id = self._index.get(record_id)
            if doc_id is None:
                raise RecordNotFound(record=record_id)
            self._records.remove(doc_ids=[doc_id])
            del self._index[record_id]

    def timeline(self) -> list[tuple[str, list[dict]]]:
        """[("2026-10", records of that month)], newest month first, records newest first."""
        months: dict[str, list[dict]] = {}
        for record in sorted(self.records(), key=record_sort_key, reverse=True):
            months.setdefault(record["date"][:7], []).append(record)
        return list(months.items())

    # -- import and export -----------------------------------------------------------------

    def import_data(self, data: dict) -> list[tuple[str, bool]]:
        """Import a document in the DESIGN format (profile and records) in one go.

        All records are validated before anything is saved; returns put()'s (id, replaced) pairs.
        The CLI imports record by record instead, to print each id once it is saved.
        """
        document = check_records_document(data)
        profile = document.get("profile")
        clean_profile = validate_profile(profile) if profile is not None else None
        result = self.put_many(document["records"])
        if clean_profile is not None and clean_profile != self.profile:
            self.set_profile(clean_profile)
        return result

    def export_data(self) -> dict:
        return {
            "format": RECORDS_FORMAT,
            "version": 1,
            "profile": self.profile,
            "records": self.records(),
        }

    # -- share log -------------------------------------------------------------------------

    def log_share(
        self, role: str, sections: Sequence[str], issued_at: datetime, expires_at: datetime
    ) -> None:
        if role not in vocab.ROLES:
            raise InvalidRecord("error.wallet.invalid_record.choice", record="share", field="role",
                                expected=", ".join(vocab.ROLES))
        if isinstance(sections, str) or not all(isinstance(s, str) and 0 < len(s) <= 40 for s in sections):
            raise InvalidRecord("error.wallet.invalid_record.not_text", record="share", field="sections")
        entry = {
            "date": _iso_utc(issued_at),
            "role": role,
            "sections": list(sections),
            "expires": _iso_utc(expires_at),
        }
        with self._guard():
            self._db.table("shares").insert(entry)

    def share_log(self) -> list[dict]:
        with self._guard():
            entries = [dict(doc, sections=list(doc["sections"])) for doc in self._db.table("shares").all()]
        return sorted(entries, key=lambda e: e["date"])

    # -- passphrase ------------------------------------------------------------------------

    def change_passphrase(self, new_passphrase: str) -> None:
        secret = check_passphrase(new_passphrase)
        with self._guard():
            old = next(slot for slot in self._slots if slot.kind == "passphrase")
            params = old.kdf or DEFAULT_KDF
            new_slot = vault.passphrase_slot(secret, self._data_key, params)
            previous = self._slots
            self._slots = tuple(new_slot if s.kind == "passphrase" else s for s in self._slots)
            try:
                # Twice, so that the backup no longer opens with the old passphrase either.
                self._storage.resave()
                self._storage.resave()
            except BaseException:
                self._slots = previous
                raise


def _refuse_existing(path: Path) -> None:
    if path.exists():
        raise WalletExists(path=str(path))
    backup = backup_path(path)
    if backup.exists():  # the only copy of an earlier wallet's history: open it or move it
        raise WalletExists("error.wallet.exists_backup", path=str(backup))


def _replace_with(clean: dict) -> Callable[[dict], None]:
    """A TinyDB update that replaces the whole document (update() alone merges fields)."""

    def replace(doc: dict) -> None:
        doc.clear()
        doc.update(clean)

    return replace


def _iso_utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")
