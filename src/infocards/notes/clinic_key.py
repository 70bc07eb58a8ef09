"""The clinic key kind of sealed file: one professional's (or clinic's) Ed25519 signing key under a passphrase.

A small JSON file (format "infocards-clinic-key", version 1):

    {"format", "version", "kdf": {argon2id parameters}, "salt", "nonce",
     "signer": {"name", "role", "place"}, "public_key", "sealed", "check"}

`sealed` is the 32-byte Ed25519 seed in the sealed file's passphrase lock (Argon2id, then
AES-256-GCM); the associated data is the canonical JSON of every field but `sealed` and `check`,
so a changed name, role, place, public key or KDF parameter makes the file fail to open.
`check` is SHA-256 of that header and the sealed bytes: not a security measure (GCM is), it
tells a damaged file apart from a wrong passphrase before any key is derived. The rules and the
crypto are those of every sealed file (infocards.sealed); this module only reads and writes the
layout. Version 1 is the only one released; tests/fixtures/clinic_keys/v1.key opens forever.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from infocards import vocab
from infocards.atomicfile import write_private
from infocards.codes.signing import PUBLIC_KEY_SIZE, SigningKey, fingerprint
from infocards.errors import ClinicKeyDamaged, ClinicKeyError, ClinicKeyNewer, KdfParamsRejected, WrongClinicPassphrase
from infocards.names import MAX_NAME, is_good_signer_field, normalise_name
from infocards.sealed import (
    DEFAULT_KDF,
    NONCE_BYTES,
    SALT_BYTES,
    KdfParams,
    PassphraseLock,
    SecretText,
    b64,
    check_of,
    check_passphrase,
    intact,
    new_signing_seed,
    unb64,
)

__all__ = ["CLINIC_KEY_FORMAT", "ClinicKey", "create_clinic_key", "open_clinic_key", "read_signer"]

CLINIC_KEY_FORMAT = "infocards-clinic-key"
CLINIC_KEY_VERSION = 1
_MAX_FILE = 16 * 1024
_MAX_NAME = 4 * MAX_NAME  # before whitespace is collapsed; MAX_NAME after
_SEALED_BYTES = 32 + 16


@dataclass(frozen=True)
class ClinicKey:
    """An unlocked clinic key: who it names and the signing key (the seed never shows)."""

    name: str
    role: str
    place: str
    key: SigningKey

    @property
    def public_key(self) -> bytes:
        return self.key.public_bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.key.public_bytes)

    @property
    def signer(self) -> tuple[str, str, str]:
        return (self.name, self.role, self.place)

    def __repr__(self) -> str:
        return f"ClinicKey(role={self.role!r}, fingerprint={self.fingerprint}, seed=<redacted>)"


def _unb64(value: object, length: int) -> bytes:
    try:
        return unb64(value, length)
    except ValueError:
        raise ClinicKeyDamaged() from None


def _header_bytes(data: dict) -> bytes:
    header = {k: v for k, v in data.items() if k not in ("sealed", "check")}
    return json.dumps(header, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _check_signer(name: object, role: object, place: object) -> tuple[str, str, str]:
    """The signer's fields with whitespace collapsed, or ClinicKeyError: every note shows them, so
    they follow the name rule of docs/FORMAT.md §5.3 (a reader refuses a note that breaks it)."""
    if not isinstance(name, str) or not normalise_name(name) or len(name) > _MAX_NAME:
        raise ClinicKeyError("error.clinic.bad_name", limit=MAX_NAME)
    if role not in vocab.ROLES:
        raise ClinicKeyError("error.clinic.bad_role", known=", ".join(vocab.ROLES))
    if not isinstance(place, str) or len(place) > _MAX_NAME:
        raise ClinicKeyError("error.clinic.bad_name", limit=MAX_NAME)
    name, place = normalise_name(name), normalise_name(place)
    for field, value in (("name", name), ("place", place)):
        if not is_good_signer_field(value):
            raise ClinicKeyError(f"error.clinic.bad_signer_{field}", limit=MAX_NAME)
    return name, role, place  # type: ignore[return-value]


def create_clinic_key(
    path: Path, passphrase: str, name: str, role: str, place: str = "", kdf: KdfParams | None = None
) -> ClinicKey:
    """Make a new key file at PATH (never over an existing file); returns the unlocked key."""
    path = Path(path)
    secret = check_passphrase(passphrase)  # the sealed file's rule: no key from a short PIN
    signer = _check_signer(name, role, place)
    lock = PassphraseLock.fresh(kdf or DEFAULT_KDF)  # costs checked before anything is derived
    if path.exists():
        raise ClinicKeyError("error.clinic.exists", path=str(path))
    seed = new_signing_seed()
    key = SigningKey(seed)
    data: dict = {
        "format": CLINIC_KEY_FORMAT,
        "version": CLINIC_KEY_VERSION,
        "kdf": lock.kdf.to_json(),
        "salt": b64(lock.salt),
        "nonce": b64(lock.nonce),
        "signer": {"name": signer[0], "role": signer[1], "place": signer[2]},
        "public_key": b64(key.public_bytes),
    }
    header = _header_bytes(data)
    sealed = lock.sealing(lock.key(secret), seed, header).wrapped
    data["sealed"] = b64(sealed)
    data["check"] = check_of(header, sealed).hex()
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_private(path, text.encode("utf-8"))
        os.chmod(path, 0o600)
    except OSError as exc:
        raise ClinicKeyError("error.clinic.io", path=str(path), detail=exc.strerror or "") from None
    return ClinicKey(*signer, key)


def _parse(path: Path) -> tuple[dict, bytes, bytes]:
    """The checked fields, the header bytes and the sealed seed (ClinicKeyDamaged, ClinicKeyNewer)."""
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(_MAX_FILE + 1)
    except FileNotFoundError:
        raise ClinicKeyError("error.clinic.not_found", path=str(path)) from None
    except OSError as exc:
        raise ClinicKeyError("error.clinic.io", path=str(path), detail=exc.strerror or "") from None
    if len(raw) > _MAX_FILE:
        raise ClinicKeyDamaged(path=str(path))
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ClinicKeyDamaged(path=str(path)) from None
    if not isinstance(data, dict) or data.get("format") != CLINIC_KEY_FORMAT:
        raise ClinicKeyDamaged(path=str(path))
    version = data.get("version")
    if type(version) is int and version > CLINIC_KEY_VERSION:
        raise ClinicKeyNewer(path=str(path), version=version)
    if version != CLINIC_KEY_VERSION or set(data) != {
        "format", "version", "kdf", "salt", "nonce", "signer", "public_key", "sealed", "check",
    }:
        raise ClinicKeyDamaged(path=str(path))
    header = _header_bytes(data)
    try:
        sealed = _unb64(data["sealed"], _SEALED_BYTES)
        if not isinstance(data["check"], str) or not intact(bytes.fromhex(data["check"]), header, sealed):
            raise ClinicKeyDamaged()
        signer = data["signer"]
        if not isinstance(signer, dict) or set(signer) != {"name", "role", "place"}:
            raise ClinicKeyDamaged()
        fields = (signer["name"], signer["role"], signer["place"])
        if _check_signer(*fields) != fields:  # a key that would sign a name a reader refuses
            raise ClinicKeyError("error.clinic.bad_signer_name", limit=MAX_NAME)
        _unb64(data["public_key"], PUBLIC_KEY_SIZE)
        _unb64(data["salt"], SALT_BYTES)
        _unb64(data["nonce"], NONCE_BYTES)
        KdfParams.from_json(data["kdf"])  # range-checked before any derivation
    except (ClinicKeyError, KdfParamsRejected, ValueError):
        raise ClinicKeyDamaged(path=str(path)) from None
    return data, header, sealed


def read_signer(path: Path) -> dict:
    """Name, role, place and fingerprint as the file states them (unauthenticated until opened)."""
    data, _, _ = _parse(path)
    public = _unb64(data["public_key"], PUBLIC_KEY_SIZE)
    return {**data["signer"], "fingerprint": fingerprint(public)}


def open_clinic_key(path: Path, passphrase: str) -> ClinicKey:
    """Unlock the key file: WrongClinicPassphrase, ClinicKeyDamaged, ClinicKeyNewer; the file is only read."""
    data, header, sealed = _parse(path)
    lock = PassphraseLock(
        kdf=KdfParams.from_json(data["kdf"]),  # checked in _parse too: whole before any derivation
        salt=_unb64(data["salt"], SALT_BYTES),
        nonce=_unb64(data["nonce"], NONCE_BYTES),
        wrapped=sealed,
    )
    secret = SecretText(passphrase if isinstance(passphrase, str) else "")
    opened = lock.open(secret, header)
    if opened is None:  # the file is whole (checked above), so the passphrase is wrong
        raise WrongClinicPassphrase(path=str(path))
    key = SigningKey(opened[0])
    if key.public_bytes != _unb64(data["public_key"], PUBLIC_KEY_SIZE):
        raise ClinicKeyDamaged(path=str(path))
    signer = data["signer"]
    return ClinicKey(signer["name"], signer["role"], signer["place"], key)
