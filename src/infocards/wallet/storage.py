"""Durable saving: atomic replace with a rotated backup, and the TinyDB Storage built on it.

TinyDB's own JSONStorage rewrites the file in place, so a kill mid-write leaves half a file.
Here every save goes through `infocards.atomicfile.write_private` (a fresh 0600 temp file, fsync,
rename, fsync of the folder), and the previous good file becomes PATH.bak just before the rename:
at every instant PATH is a whole wallet.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from tinydb.storages import Storage

from infocards.atomicfile import write_private

__all__ = ["EncryptedStorage", "atomic_write", "backup_path", "decode_document", "encode_document"]


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _rotate_backup(path: Path) -> None:
    """Make PATH.bak the current PATH (a hard link where the file system allows it)."""
    if not path.is_file() or path.is_symlink():
        return  # nothing of ours to keep (a planted link is never followed into the backup)
    # An unpredictable staging name: os.link never follows or replaces what is already there.
    staging = path.with_name(f".{path.name}.{secrets.token_hex(8)}.bak.tmp")
    try:
        os.link(path, staging, follow_symlinks=False)
    except OSError:  # no hard links (some phone and FAT file systems): copy instead
        write_private(backup_path(path), path.read_bytes())
        return
    try:
        os.replace(staging, backup_path(path))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(staging)
        raise


def atomic_write(path: Path, data: bytes, *, rotate_backup: bool) -> None:
    """Replace `path` by `data` durably (0600); the previous file becomes PATH.bak if `rotate_backup`."""
    path = Path(path)
    write_private(path, data, before_replace=(lambda: _rotate_backup(path)) if rotate_backup else None)


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
        stamp: Callable[[dict], None] | None = None,
        on_saved: Callable[[dict], None] | None = None,
    ) -> None:
        self._path = path
        self._seal = seal
        self._stamp = stamp  # changes the document just before it is sealed (the save counter)
        self._on_saved = on_saved  # told once the save is durable
        self._document = document
        self._saved = encode_document(document)
        # False after opening the backup: the damaged main file must not become the backup.
        self.main_file_good = main_file_good

    def read(self) -> dict:
        return self._document

    def write(self, data: dict) -> None:
        try:
            if self._stamp is not None:
                self._stamp(data)
            plaintext = encode_document(data)
            atomic_write(self._path, self._seal(plaintext), rotate_backup=self.main_file_good)
        except BaseException:
            # TinyDB changed the cached document in place; go back to what is on disk.
            self._document = decode_document(self._saved)
            raise
        self._document = data
        self._saved = plaintext
        self.main_file_good = True
        if self._on_saved is not None:
            self._on_saved(data)

    def resave(self) -> None:
        """Write the current document again (after a key slot changed)."""
        self.write(self._document)

    def close(self) -> None:
        self._document = {}
        self._saved = b""
