"""Durable saving: atomic replace with a rotated backup, and the TinyDB Storage built on it.

TinyDB's own JSONStorage rewrites the file in place, so a kill mid-write leaves half a file.
Here every save writes PATH.tmp, fsyncs it, moves the previous good file to PATH.bak, renames
the new one over PATH and fsyncs the folder: at every instant PATH is a whole wallet.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from tinydb.storages import Storage

__all__ = ["EncryptedStorage", "atomic_write", "backup_path", "decode_document", "encode_document"]


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _temp_path(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _write_synced(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder; NTFS journals the rename itself
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _rotate_backup(path: Path) -> None:
    """Make PATH.bak the current PATH (a hard link where the file system allows it)."""
    staging = _temp_path(path, ".bak.tmp")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(staging)
    try:
        os.link(path, staging)
    except OSError:  # no hard links (some phone and FAT file systems): copy instead
        _write_synced(staging, path.read_bytes())
    os.replace(staging, backup_path(path))


def atomic_write(path: Path, data: bytes, *, rotate_backup: bool) -> None:
    """Replace `path` by `data` durably; the previous file becomes PATH.bak if `rotate_backup`."""
    temp = _temp_path(path, ".tmp")
    try:
        _write_synced(temp, data)
        if rotate_backup and path.exists():
            _rotate_backup(path)
        os.replace(temp, path)
    except OSError:
        # No stray copy beside the target (for an export: the records in plain text).
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_dir(path.parent)


def encode_document(document: dict) -> bytes:
    # Compact and unsorted: the save path runs on every record added.
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def decode_document(plaintext: bytes) -> dict:
    document = json.loads(plaintext.decode("utf-8"))
    if not isinstance(document, dict):
        raise ValueError("the wallet body is not a JSON object")
    return document


class EncryptedStorage(Storage):
    """TinyDB storage over one sealed file: reads from memory, writes seal + atomic replace.

    `seal` turns the plaintext document into the bytes of a whole wallet file. The document is
    held in memory after unlocking, so TinyDB's many read() calls never touch the disk.
    """

    def __init__(
        self,
        path: Path,
        seal: Callable[[bytes], bytes],
        document: dict,
        main_file_good: bool = True,
    ) -> None:
        self._path = path
        self._seal = seal
        self._document = document
        self._saved = encode_document(document)
        # False after opening the backup: the damaged main file must not become the backup.
        self.main_file_good = main_file_good

    def read(self) -> dict:
        return self._document

    def write(self, data: dict) -> None:
        plaintext = encode_document(data)
        try:
            atomic_write(self._path, self._seal(plaintext), rotate_backup=self.main_file_good)
        except BaseException:
            # TinyDB changed the cached document in place; go back to what is on disk.
            self._document = decode_document(self._saved)
            raise
        self._document = data
        self._saved = plaintext
        self.main_file_good = True

    def resave(self) -> None:
        """Write the current document again (after a key slot changed)."""
        self.write(self._document)

    def close(self) -> None:
        self._document = {}
        self._saved = b""
