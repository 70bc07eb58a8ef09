"""The reader's memory of patients' keys: which device keys it has seen per name and birth date.

A summary proves only that it came unchanged from one device. So the reader remembers, for each
name and birth date it has read, the keys that signed them, and warns when a known name arrives
with a new key ("new phone, or a different person?"), as SSH does for a host's key.

The file (0600, written atomically) holds no names: each person is a keyed hash of the name and
birth date under a random key kept in the same file, so a copied file does not list patients
(it still lets someone with the file test a guessed name; it is private to the reader's user).

A memory that cannot be read (damaged, or over MAX_FILE_BYTES) is never written over: it is moved
aside to `reader-keys.json.unreadable-TIME` (`set_aside` names it, and the CLI says so) and a new
one is started; if it cannot be moved, nothing is remembered in this run. The memory holds at
most MAX_PEOPLE people, the least recently seen forgotten first, so the file stays under
MAX_FILE_BYTES (about 3 MB at most).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
import unicodedata
from pathlib import Path

import platformdirs

from infocards.atomicfile import write_private

__all__ = ["KEYS_FILE_ENV", "MAX_FILE_BYTES", "MAX_PEOPLE", "KeyMemory", "default_keys_path"]

KEYS_FILE_ENV = "INFOCARDS_READER_KEYS"
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_PEOPLE = 8_000  # x 16 keys of 23 bytes each, at most about 3 MB: always under MAX_FILE_BYTES
_MAX_KEYS_PER_PERSON = 16


def default_keys_path() -> Path:
    chosen = os.environ.get(KEYS_FILE_ENV, "").strip()
    if chosen:
        return Path(chosen)
    flet_storage = os.environ.get("FLET_APP_STORAGE_DATA", "").strip()
    base = Path(flet_storage) if flet_storage else Path(platformdirs.user_data_dir("infocards", appauthor=False))
    return base / "reader-keys.json"


class KeyMemory:
    """seen(name, birth_date, fingerprint) -> "first" | "known" | "new"; remembers as it goes."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else default_keys_path()
        self.set_aside: Path | None = None  # where an unreadable memory was moved, this run
        self._writable = True
        self._salt, self._people = self._load()

    def _load(self) -> tuple[bytes, dict[str, list[str]]]:
        try:
            with self.path.open("rb") as handle:
                raw = handle.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return secrets.token_bytes(32), {}  # no memory yet
        except OSError:
            self._writable = False  # there, but not readable by us: never written over
            return secrets.token_bytes(32), {}
        try:
            if len(raw) > MAX_FILE_BYTES:
                raise ValueError("over the size limit")
            data = json.loads(raw.decode("utf-8"))
            salt = base64.b64decode(data["salt"], validate=True)
            people = {k: [str(f) for f in v][:_MAX_KEYS_PER_PERSON] for k, v in data["people"].items()}
            if len(salt) != 32:
                raise ValueError("not a salt")
            return salt, people
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            self._move_aside()
        return secrets.token_bytes(32), {}

    def _move_aside(self) -> None:
        aside = self.path.with_name(f"{self.path.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            if aside.exists():
                aside = aside.with_name(f"{aside.name}-{secrets.token_hex(3)}")
            os.replace(self.path, aside)
        except OSError:
            self._writable = False
            return
        self.set_aside = aside

    def _person(self, name: str, birth_date: str | None) -> str:
        text = unicodedata.normalize("NFC", " ".join(name.split()).casefold()) + "\0" + (birth_date or "")
        return hmac.new(self._salt, text.encode("utf-8"), hashlib.sha256).hexdigest()[:32]

    def seen(self, name: str, birth_date: str | None, fingerprint: str) -> str:
        person = self._person(name, birth_date)
        keys = self._people.pop(person, [])
        self._people[person] = keys  # the most recently seen last: the first are forgotten first
        if fingerprint in keys:
            return "known"
        status = "new" if keys else "first"
        keys.append(fingerprint)
        del keys[:-_MAX_KEYS_PER_PERSON]
        self._save()
        return status

    def _save(self) -> None:
        if not self._writable:
            return
        while len(self._people) > MAX_PEOPLE:
            del self._people[next(iter(self._people))]
        data = {"salt": base64.b64encode(self._salt).decode("ascii"), "people": self._people}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_private(self.path, json.dumps(data).encode("utf-8"))
        except OSError:
            pass  # a reader on a read-only disk still reads; it just cannot remember
