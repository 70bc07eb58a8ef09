"""Reads and writes the wallet file layout (format v1); no keys are handled here.

Layout, all integers big-endian:

    0   8 bytes   magic b"ICWALLET"
    8   u16       format version (1)
    10  u16       the version XOR 0xFFFF, so that one flipped bit is "damaged", not "newer"
    12  u32       header length H
    16  H bytes   header: compact UTF-8 JSON (KDF and parameters, salts, key slots, body nonce)
    ..  N bytes   body: AES-256-GCM ciphertext of the TinyDB document, bytes 0..16+H as AAD
    ..  32 bytes  SHA-256 of everything before it

The trailing checksum is not a security measure (AES-GCM is); it tells a damaged or truncated
file apart from a wrong passphrase before any key is derived, so the backup can be tried at
once and a wrong passphrase is never reported for a broken file.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import struct
from dataclasses import dataclass

from infocards.errors import CorruptWallet, NewerFormat
from infocards.wallet.crypto import NONCE_BYTES, SALT_BYTES, KdfParams

__all__ = [
    "FORMAT_VERSION",
    "MAGIC",
    "Slot",
    "WalletFile",
    "WalletHeader",
    "parse_file",
    "serialise_file",
]

MAGIC = b"ICWALLET"
FORMAT_VERSION = 1
_PREFIX = struct.Struct(">8sHHI")
_CHECKSUM_BYTES = 32
_MAX_HEADER = 64 * 1024
_WRAPPED_BYTES = 32 + 16  # a 256-bit key plus the GCM tag
SLOT_KINDS = ("passphrase", "recovery")


@dataclass(frozen=True)
class Slot:
    """One wrapped copy of the data key: under the passphrase or under the recovery code."""

    kind: str
    salt: bytes
    nonce: bytes
    wrapped: bytes
    kdf: KdfParams | None = None  # Argon2id for the passphrase; HKDF (no costs) for recovery

    def associated_data(self) -> bytes:
        return b"infocards wallet slot " + self.kind.encode("ascii")

    def to_json(self) -> dict:
        kdf = self.kdf.to_json() if self.kdf else {"name": "hkdf-sha256"}
        return {
            "kind": self.kind,
            "kdf": kdf,
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }


@dataclass(frozen=True)
class WalletHeader:
    slots: tuple[Slot, ...]
    body_nonce: bytes
    body_length: int
    created: str
    saved: str

    def slot(self, kind: str) -> Slot:
        for slot in self.slots:
            if slot.kind == kind:
                return slot
        raise CorruptWallet()

    def to_json(self) -> dict:
        return {
            "slots": [slot.to_json() for slot in self.slots],
            "body": {"cipher": "aes-256-gcm", "nonce": _b64(self.body_nonce), "length": self.body_length},
            "created": self.created,
            "saved": self.saved,
        }


@dataclass(frozen=True)
class WalletFile:
    header: WalletHeader
    associated_data: bytes  # prefix + header bytes, authenticated with the body
    body: bytes


def header_bytes(header: WalletHeader) -> bytes:
    return json.dumps(header.to_json(), separators=(",", ":"), sort_keys=True).encode("utf-8")


def associated_data_for(header: WalletHeader) -> bytes:
    raw = header_bytes(header)
    return _PREFIX.pack(MAGIC, FORMAT_VERSION, FORMAT_VERSION ^ 0xFFFF, len(raw)) + raw


def serialise_file(associated_data: bytes, body: bytes) -> bytes:
    content = associated_data + body
    return content + hashlib.sha256(content).digest()


def parse_file(data: bytes) -> WalletFile:
    """Check and split a wallet file (CorruptWallet, NewerFormat, KdfParamsRejected)."""
    if len(data) < _PREFIX.size or not data.startswith(MAGIC):
        raise CorruptWallet()
    _magic, version, check, header_len = _PREFIX.unpack_from(data)
    if version ^ 0xFFFF != check or version == 0:
        raise CorruptWallet()
    if version > FORMAT_VERSION:
        raise NewerFormat(version=version)
    # Future versions add a converter here, one per old version, before the checks below.
    if len(data) < _PREFIX.size + _CHECKSUM_BYTES:
        raise CorruptWallet()
    content, checksum = data[:-_CHECKSUM_BYTES], data[-_CHECKSUM_BYTES:]
    if not hmac.compare_digest(hashlib.sha256(content).digest(), checksum):
        raise CorruptWallet()
    if header_len > _MAX_HEADER or _PREFIX.size + header_len > len(content):
        raise CorruptWallet()
    ad_end = _PREFIX.size + header_len
    header = _parse_header(content[_PREFIX.size : ad_end])
    body = content[ad_end:]
    if len(body) != header.body_length:
        raise CorruptWallet()
    return WalletFile(header=header, associated_data=content[:ad_end], body=body)


def _parse_header(raw: bytes) -> WalletHeader:
    try:
        data = json.loads(raw.decode("utf-8"))
        slots = tuple(_parse_slot(item) for item in data["slots"])
        body = data["body"]
        if body["cipher"] != "aes-256-gcm":
            raise CorruptWallet()
        nonce = _unb64(body["nonce"], NONCE_BYTES)
        length = body["length"]
        created, saved = data["created"], data["saved"]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError) as exc:
        # RecursionError: deeply nested JSON, which only a crafted header can hold.
        raise CorruptWallet() from exc
    kinds = sorted(slot.kind for slot in slots)
    if kinds != sorted(SLOT_KINDS) or type(length) is not int or length < 16:
        raise CorruptWallet()
    if not isinstance(created, str) or not isinstance(saved, str):
        raise CorruptWallet()
    return WalletHeader(slots=slots, body_nonce=nonce, body_length=length, created=created, saved=saved)


def _parse_slot(item: dict) -> Slot:
    kind = item["kind"]
    if kind not in SLOT_KINDS:
        raise CorruptWallet()
    kdf_json = item["kdf"]
    if kind == "passphrase":
        kdf = KdfParams.from_json(kdf_json)  # range-checked before any derivation
    elif kdf_json != {"name": "hkdf-sha256"}:
        raise CorruptWallet()
    else:
        kdf = None
    return Slot(
        kind=kind,
        salt=_unb64(item["salt"], SALT_BYTES),
        nonce=_unb64(item["nonce"], NONCE_BYTES),
        wrapped=_unb64(item["wrapped"], _WRAPPED_BYTES),
        kdf=kdf,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str, length: int) -> bytes:
    if not isinstance(text, str):
        raise CorruptWallet()
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise CorruptWallet() from exc
    if len(raw) != length:
        raise CorruptWallet()
    return raw
