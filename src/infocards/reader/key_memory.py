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

__all__ = [
    "KEYS_FILE_ENV",
    "KEY_WARNINGS",
    "MAX_FILE_BYTES",
    "MAX_PEOPLE",
    "KeyMemory",
    "default_keys_path",
    "skeleton",
]

KEYS_FILE_ENV = "INFOCARDS_READER_KEYS"
MAX_FILE_BYTES = 4 * 1024 * 1024
# People and look-alike skeletons are two tables of at most MAX_PEOPLE entries of up to 16 keys
# (23 bytes each, with JSON's quotes and commas, plus a 34-byte hash): about 3.3 MB at most, always
# under MAX_FILE_BYTES.
MAX_PEOPLE = 4_000
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
        self.set_aside: Path | None = None  # where an unreadable memory was moved, this run
        self._writable = True
        self._salt, self._people, self._skeletons = self._load()

    def _load(self) -> tuple[bytes, dict[str, list[str]], dict[str, list[str]]]:
        try:
            with self.path.open("rb") as handle:
                raw = handle.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return secrets.token_bytes(32), {}, {}  # no memory yet
        except OSError:
            self._writable = False  # there, but not readable by us: never written over
            return secrets.token_bytes(32), {}, {}
        try:
            if len(raw) > MAX_FILE_BYTES:
                raise ValueError("over the size limit")
            data = json.loads(raw.decode("utf-8"))
            salt = base64.b64decode(data["salt"], validate=True)
            people, skeletons = (
                {k: [str(f) for f in v][:_MAX_KEYS_PER_PERSON] for k, v in data.get(part, {}).items()}
                for part in ("people", "skeletons")
            )
            if len(salt) != 32 or "people" not in data:
                raise ValueError("not a memory of keys")
            return salt, people, skeletons
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            self._move_aside()
        return secrets.token_bytes(32), {}, {}

    def _hash(self, text: str, birth_date: str | None) -> str:
        data = (text + "\0" + (birth_date or "")).encode("utf-8")
        return hmac.new(self._salt, data, hashlib.sha256).hexdigest()[:32]

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
        return self._hash(unicodedata.normalize("NFC", " ".join(name.split()).casefold()), birth_date)

    def seen(self, name: str, birth_date: str | None, fingerprint: str) -> str:
        person = self._person(name, birth_date)
        keys = self._people.pop(person, [])
        self._people[person] = keys  # the most recently seen last: the first are forgotten first
        # A different prefix keeps a skeleton's hash apart from any exact name's.
        look_key = self._hash("skeleton\0" + skeleton(name), birth_date)
        look = self._skeletons.pop(look_key, [])
        self._skeletons[look_key] = look
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
        if not self._writable:
            return
        for table in (self._people, self._skeletons):
            while len(table) > MAX_PEOPLE:
                del table[next(iter(table))]
        data = {"salt": base64.b64encode(self._salt).decode("ascii"), "people": self._people,
                "skeletons": self._skeletons}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_private(self.path, json.dumps(data).encode("utf-8"))
        except OSError:
            pass  # a reader on a read-only disk still reads; it just cannot remember
