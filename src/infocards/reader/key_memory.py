"""The reader's memory of patients' keys: which device keys it has seen per name and birth date.

A summary proves only that it came unchanged from one device. So the reader remembers, for each
name and birth date it has read, the keys that signed them, and warns when a known name arrives
with a new key ("new phone, or a different person?"), as SSH does for a host's key. It also
remembers the name's confusable skeleton (UTS #39: NFKC, case folded, format characters removed,
look-alikes mapped to their Latin prototypes) and warns ("lookalike") when a name never seen
before looks like a known one that came with another key: "Аnna Jensen" with a Cyrillic "А".

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

__all__ = ["KEYS_FILE_ENV", "KEY_WARNINGS", "KeyMemory", "default_keys_path", "skeleton"]

KEYS_FILE_ENV = "INFOCARDS_READER_KEYS"
_MAX_FILE = 4 * 1024 * 1024
_MAX_KEYS_PER_PERSON = 16
# What a reader says when its memory of keys has a doubt (KeyMemory.seen), as catalog keys.
KEY_WARNINGS = {"new": "share.reader.key_new", "lookalike": "share.reader.key_lookalike"}


def _look_alikes() -> dict[str, str]:
    """reader/confusables-latin.txt (scripts/make-confusables.py): character -> Latin prototype."""
    text = (Path(__file__).with_name("confusables-latin.txt")).read_text(encoding="utf-8")
    pairs = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {chr(int(code, 16)): target for code, target in pairs}


_LOOK_ALIKES = _look_alikes()


def skeleton(name: str) -> str:
    """The name as it looks, for comparison only: NFKC, format characters (Cf) removed, case
    folded, each look-alike replaced by its Latin prototype, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(char for char in text if unicodedata.category(char) != "Cf").casefold()
    text = "".join(_LOOK_ALIKES.get(char, char) for char in text)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def default_keys_path() -> Path:
    chosen = os.environ.get(KEYS_FILE_ENV, "").strip()
    if chosen:
        return Path(chosen)
    flet_storage = os.environ.get("FLET_APP_STORAGE_DATA", "").strip()
    base = Path(flet_storage) if flet_storage else Path(platformdirs.user_data_dir("infocards", appauthor=False))
    return base / "reader-keys.json"


class KeyMemory:
    """seen(name, birth_date, fingerprint) -> "first" | "known" | "new" | "lookalike"; remembers as it goes.

    "new": this name and birth date came before with another key; "lookalike": this exact name is
    new here, but its skeleton matches a name that came with another key."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else default_keys_path()
        self._salt, self._people, self._skeletons = self._load()

    def _load(self) -> tuple[bytes, dict[str, list[str]], dict[str, list[str]]]:
        try:
            with self.path.open("rb") as handle:
                data = json.loads(handle.read(_MAX_FILE).decode("utf-8"))
            salt = base64.b64decode(data["salt"], validate=True)
            people, skeletons = ({k: [str(f) for f in v][:_MAX_KEYS_PER_PERSON] for k, v in data.get(part, {}).items()}
                                 for part in ("people", "skeletons"))
            if len(salt) == 32 and "people" in data:
                return salt, people, skeletons
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            pass  # no memory yet, or an unreadable one: start again (it only ever adds warnings)
        return secrets.token_bytes(32), {}, {}

    def _hash(self, text: str, birth_date: str | None) -> str:
        data = (text + "\0" + (birth_date or "")).encode("utf-8")
        return hmac.new(self._salt, data, hashlib.sha256).hexdigest()[:32]

    def _person(self, name: str, birth_date: str | None) -> str:
        return self._hash(unicodedata.normalize("NFC", " ".join(name.split()).casefold()), birth_date)

    def seen(self, name: str, birth_date: str | None, fingerprint: str) -> str:
        keys = self._people.setdefault(self._person(name, birth_date), [])
        # A different prefix keeps a skeleton's hash apart from any exact name's.
        look = self._skeletons.setdefault(self._hash("skeleton\0" + skeleton(name), birth_date), [])
        if fingerprint in keys:
            return "known"
        status = "new" if keys else "first"
        if status == "first" and any(key != fingerprint for key in look) and fingerprint not in look:
            status = "lookalike"
        for known in (keys, look):
            if fingerprint not in known:
                known.append(fingerprint)
                del known[:-_MAX_KEYS_PER_PERSON]
        self._save()
        return status

    def _save(self) -> None:
        data = {"salt": base64.b64encode(self._salt).decode("ascii"), "people": self._people,
                "skeletons": self._skeletons}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_private(self.path, json.dumps(data).encode("utf-8"))
        except OSError:
            pass  # a reader on a read-only disk still reads; it just cannot remember
