"""The wallet kind of sealed file: reads and writes its layout (v2, and v1 read for conversion); no keys here.

The rules every sealed file follows (KDF range check, authenticated header, damage told apart
from a wrong passphrase, redacted secrets) and their crypto are in `infocards.sealed`.

Layout of v2, all integers big-endian:

    0   8 bytes   magic b"ICWALLET"
    8   u16       format version (2)
    10  u16       the version XOR 0xFFFF, so that one flipped bit is "damaged", not "newer"
    12  u32       header length H
    16  32 bytes  the header's own check: SHA-256 of bytes 0..16 and the header
    48  H bytes   header: compact UTF-8 JSON (wallet id, KDF and parameters, salts, key slots,
                  body nonce, created and saved times)
    ..  N bytes   body: AES-256-GCM ciphertext of the TinyDB document, bytes 0..48+H as AAD
    ..  32 bytes  SHA-256 of everything before it

v1 is the same without the header check (header at 16) and without the wallet id, and its
recovery slot wraps the data key under an HKDF key of the code. v1 files are read through
`_convert_v1` and written back as v2 on the next save.

Neither checksum is a security measure (AES-GCM is). They tell a damaged or truncated file apart
from a wrong passphrase before any key is derived, so the backup can be tried at once. The
header's own check covers the KDF parameters and the key slots: a header changed by a disk, a
sync tool or an editor that rewrote the trailing checksum is still "damaged". (Someone who
recomputes both checks can make the file unopenable, as any writer of the file can; the changed
parameters then give a wrong key, which looks like a wrong passphrase, and nothing opens.)
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass

from infocards.errors import CorruptWallet, NewerFormat
from infocards.sealed import KEY_BYTES, NONCE_BYTES, SALT_BYTES, KdfParams, PassphraseLock, check_of, intact
from infocards.sealed import b64 as _b64
from infocards.sealed import unb64 as _unb64

__all__ = [
    "FORMAT_VERSION",
    "MAGIC",
    "WALLET_ID_BYTES",
    "Slot",
    "WalletFile",
    "WalletHeader",
    "associated_data_for",
    "parse_file",
    "serialise_file",
]

MAGIC = b"ICWALLET"
FORMAT_VERSION = 2
WALLET_ID_BYTES = 16
_PREFIX = struct.Struct(">8sHHI")
_HEADER_CHECK_BYTES = 32
_CHECKSUM_BYTES = 32
_MAX_HEADER = 64 * 1024
_WRAPPED_BYTES = KEY_BYTES + 16  # a 256-bit key plus the GCM tag
SLOT_KINDS = ("passphrase", "recovery")
RECOVERY_V1 = {"name": "hkdf-sha256"}
RECOVERY_X25519 = {"name": "x25519-hkdf-sha256"}


@dataclass(frozen=True)
class Slot:
    """One wrapped copy of the data key: under the passphrase or for the recovery code.

    A passphrase slot holds its Argon2id parameters. A v2 recovery slot is an X25519 recipient
    (as in age): `recipient` is the public key made from the code, `ephemeral` the one-time key
    of this wrapping, so a new data key can be wrapped for the code without knowing the code.
    A v1 recovery slot has neither and wraps under an HKDF key of the code itself.
    """

    kind: str
    salt: bytes
    nonce: bytes
    wrapped: bytes
    kdf: KdfParams | None = None
    recipient: bytes | None = None
    ephemeral: bytes | None = None

    def associated_data(self) -> bytes:
        return b"infocards wallet slot " + self.kind.encode("ascii")

    def passphrase_lock(self) -> PassphraseLock:
        """A passphrase slot as the sealed file's passphrase lock (CorruptWallet for any other slot)."""
        if self.kdf is None:
            raise CorruptWallet()
        return PassphraseLock(kdf=self.kdf, salt=self.salt, nonce=self.nonce, wrapped=self.wrapped)

    def to_json(self) -> dict:
        data = {"kind": self.kind, "salt": _b64(self.salt), "nonce": _b64(self.nonce), "wrapped": _b64(self.wrapped)}
        if self.kdf is not None:
            data["kdf"] = self.kdf.to_json()
        elif self.recipient is not None and self.ephemeral is not None:
            data.update(kdf=RECOVERY_X25519, recipient=_b64(self.recipient), ephemeral=_b64(self.ephemeral))
        else:
            data["kdf"] = RECOVERY_V1
        return data


@dataclass(frozen=True)
class WalletHeader:
    slots: tuple[Slot, ...]
    body_nonce: bytes
    body_length: int
    created: str
    saved: str
    wallet_id: bytes | None = None  # None only in a v1 file; kept for the life of the wallet
    version: int = FORMAT_VERSION

    def slot(self, kind: str) -> Slot:
        for slot in self.slots:
            if slot.kind == kind:
                return slot
        raise CorruptWallet()

    def to_json(self) -> dict:
        if self.wallet_id is None:
            raise ValueError("a v2 header needs the wallet id")
        return {
            "wallet": _b64(self.wallet_id),
            "slots": [slot.to_json() for slot in self.slots],
            "body": {"cipher": "aes-256-gcm", "nonce": _b64(self.body_nonce), "length": self.body_length},
            "created": self.created,
            "saved": self.saved,
        }


@dataclass(frozen=True)
class WalletFile:
    header: WalletHeader
    associated_data: bytes  # everything before the body, authenticated with it
    body: bytes


def header_bytes(header: WalletHeader) -> bytes:
    return json.dumps(header.to_json(), separators=(",", ":"), sort_keys=True).encode("utf-8")


def _header_check(prefix: bytes, raw: bytes) -> bytes:
    return check_of(prefix, raw)


def associated_data_for(header: WalletHeader) -> bytes:
    """Prefix, header check and header of a v2 file: what the body's tag authenticates."""
    raw = header_bytes(header)
    prefix = _PREFIX.pack(MAGIC, FORMAT_VERSION, FORMAT_VERSION ^ 0xFFFF, len(raw))
    return prefix + _header_check(prefix, raw) + raw


def serialise_file(associated_data: bytes, body: bytes) -> bytes:
    content = associated_data + body
    return content + check_of(content)


def parse_file(data: bytes) -> WalletFile:
    """Check and split a wallet file (CorruptWallet, NewerFormat, KdfParamsRejected)."""
    if len(data) < _PREFIX.size or not data.startswith(MAGIC):
        raise CorruptWallet()
    _magic, version, check, header_len = _PREFIX.unpack_from(data)
    if version ^ 0xFFFF != check or version == 0:
        raise CorruptWallet()
    if version > FORMAT_VERSION:
        raise NewerFormat(version=version)
    if len(data) < _PREFIX.size + _CHECKSUM_BYTES:
        raise CorruptWallet()
    content, checksum = data[:-_CHECKSUM_BYTES], data[-_CHECKSUM_BYTES:]
    if version == 1:
        return _convert_v1(content, checksum, header_len)
    header_at = _PREFIX.size + _HEADER_CHECK_BYTES
    if header_len > _MAX_HEADER or header_at + header_len > len(content):
        raise CorruptWallet()
    prefix, raw = content[: _PREFIX.size], content[header_at : header_at + header_len]
    # The header's own check first: damage to the KDF parameters or a slot is named as damage
    # before any key is derived, whatever the trailing checksum says.
    if not intact(content[_PREFIX.size : header_at], prefix, raw):
        raise CorruptWallet()
    if not intact(checksum, content):
        raise CorruptWallet()
    header = _parse_header(raw, version=2)
    ad_end = header_at + header_len
    return _with_body(header, content, ad_end)


def _convert_v1(content: bytes, checksum: bytes, header_len: int) -> WalletFile:
    """Read a v1 file (no header check, no wallet id) into the in-memory shape of v2."""
    if not intact(checksum, content):
        raise CorruptWallet()
    if header_len > _MAX_HEADER or _PREFIX.size + header_len > len(content):
        raise CorruptWallet()
    ad_end = _PREFIX.size + header_len
    header = _parse_header(content[_PREFIX.size : ad_end], version=1)
    return _with_body(header, content, ad_end)


def _with_body(header: WalletHeader, content: bytes, ad_end: int) -> WalletFile:
    body = content[ad_end:]
    if len(body) != header.body_length:
        raise CorruptWallet()
    return WalletFile(header=header, associated_data=content[:ad_end], body=body)


def _parse_header(raw: bytes, version: int) -> WalletHeader:
    try:
        data = json.loads(raw.decode("utf-8"))
        slots = tuple(_parse_slot(item, version) for item in data["slots"])
        body = data["body"]
        if body["cipher"] != "aes-256-gcm":
            raise CorruptWallet()
        nonce = _unb64(body["nonce"], NONCE_BYTES)
        length = body["length"]
        created, saved = data["created"], data["saved"]
        wallet_id = _unb64(data["wallet"], WALLET_ID_BYTES) if version >= 2 else None
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError) as exc:
        # RecursionError: deeply nested JSON, which only a crafted header can hold.
        raise CorruptWallet() from exc
    kinds = sorted(slot.kind for slot in slots)
    if kinds != sorted(SLOT_KINDS) or type(length) is not int or length < 16:
        raise CorruptWallet()
    if not isinstance(created, str) or not isinstance(saved, str):
        raise CorruptWallet()
    return WalletHeader(slots=slots, body_nonce=nonce, body_length=length, created=created, saved=saved,
                        wallet_id=wallet_id, version=version)


def _parse_slot(item: dict, version: int) -> Slot:
    kind = item["kind"]
    if kind not in SLOT_KINDS:
        raise CorruptWallet()
    kdf_json = item["kdf"]
    common = {
        "kind": kind,
        "salt": _unb64(item["salt"], SALT_BYTES),
        "nonce": _unb64(item["nonce"], NONCE_BYTES),
        "wrapped": _unb64(item["wrapped"], _WRAPPED_BYTES),
    }
    if kind == "passphrase":
        return Slot(**common, kdf=KdfParams.from_json(kdf_json))  # range-checked before any derivation
    if version >= 2 and kdf_json == RECOVERY_X25519:
        return Slot(**common, recipient=_unb64(item["recipient"], 32), ephemeral=_unb64(item["ephemeral"], 32))
    if kdf_json == RECOVERY_V1:
        return Slot(**common)
    raise CorruptWallet()

