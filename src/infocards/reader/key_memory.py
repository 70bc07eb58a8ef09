"""The reader's memory of patients' keys: which device keys it has seen per name and birth date.

A summary proves only that it came unchanged from one device. So the reader remembers, for each
name and birth date it has read, the keys that signed them, and warns when a known name arrives
with a new key ("new phone, or a different person?"), as SSH does for a host's key.

The file (0600, written atomically) holds no names: each person is a keyed hash of the name and
birth date under a random key kept in the same file, so a copied file does not list patients
(it still lets someone with the file test a guessed name; it is private to the reader's user).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from pathlib import Path

import platformdirs

from infocards.atomicfile import write_private

__all__ = ["KEYS_FILE_ENV", "KeyMemory", "default_keys_path"]

KEYS_FILE_ENV = "INFOCARDS_READER_KEYS"
_MAX_FILE = 4 * 1024 * 1024
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
        self._salt, self._people = self._load()

    def _load(self) -> tuple[bytes, dict[str, list[str]]]:
        try:
            with self.path.open("rb") as handle:
                data = json.loads(handle.read(_MAX_FILE).decode("utf-8"))
            salt = base64.b64decode(data["salt"], validate=True)
            people = {k: [str(f) for f in v][:_MAX_KEYS_PER_PERSON] for k, v in data["people"].items()}
            if len(salt) == 32:
                return salt, people
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            pass  # no memory yet, or an unreadable one: start again (it only ever adds warnings)
        return secrets.token_bytes(32), {}

    def _person(self, name: str, birth_date: str | None) -> str:
        text = unicodedata.normalize("NFC", " ".join(name.split()).casefold()) + "\0" + (birth_date or "")
        return hmac.new(self._salt, text.encode("utf-8"), hashlib.sha256).hexdigest()[:32]

    def seen(self, name: str, birth_date: str | None, fingerprint: str) -> str:
        person = self._person(name, birth_date)
        keys = self._people.setdefault(person, [])
        if fingerprint in keys:
            return "known"
        status = "new" if keys else "first"
        keys.append(fingerprint)
        del keys[:-_MAX_KEYS_PER_PERSON]
        self._save()
        return status

    def _save(self) -> None:
        data = {"salt": base64.b64encode(self._salt).decode("ascii"), "people": self._people}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_private(self.path, json.dumps(data).encode("utf-8"))
        except OSError:
            pass  # a reader on a read-only disk still reads; it just cannot remember
