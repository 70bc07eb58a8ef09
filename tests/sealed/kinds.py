"""The two kinds of sealed file behind one small interface, so each rule is tested on both alike."""

from __future__ import annotations

import hashlib
import json
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from infocards.errors import ClinicKeyDamaged, CorruptWallet, WrongClinicPassphrase, WrongPassphrase
from infocards.notes import clinic_key
from infocards.sealed import KdfParams
from infocards.wallet import Wallet

PASSPHRASE = "correct horse battery staple"
CHEAP = KdfParams(memory_kib=64, iterations=1, lanes=1)


@dataclass(frozen=True)
class Kind:
    name: str
    make: Callable[[Path, str, KdfParams], Path]
    open: Callable[[Path, str], object]  # the unlocked thing (a wallet is closed again at once)
    damaged: type[Exception]
    wrong: type[Exception]
    # rewrite_header(path, change, recompute_check): change(header dict) in place, write it back,
    # with the file's plain check recomputed (an attacker) or kept (a disk or an editor).
    rewrite_header: Callable[[Path, Callable[[dict], None], bool], None]
    kdf_of: Callable[[dict], dict]  # the KDF parameters' place in the header dict


# -- the wallet: binary, magic and version, header JSON with its own check, trailing SHA-256 ----


def _make_wallet(path: Path, passphrase: str, kdf: KdfParams) -> Path:
    wallet, _code = Wallet.create(path, passphrase, kdf=kdf)
    wallet.close()
    path.with_name(path.name + ".bak").unlink(missing_ok=True)  # the main file alone is tested
    return path


def _open_wallet(path: Path, passphrase: str) -> object:
    with Wallet.open(path, passphrase) as wallet:
        return wallet.profile


def _rewrite_wallet_header(path: Path, change: Callable[[dict], None], recompute: bool) -> None:
    data = path.read_bytes()[:-32]
    header_len = struct.unpack_from(">I", data, 12)[0]
    prefix, check, raw, body = data[:16], data[16:48], data[48 : 48 + header_len], data[48 + header_len :]
    header = json.loads(raw)
    change(header)
    raw = json.dumps(header, separators=(",", ":"), sort_keys=True).encode()
    prefix = prefix[:12] + struct.pack(">I", len(raw))
    if recompute:
        check = hashlib.sha256(prefix + raw).digest()
    content = prefix + check + raw + body
    path.write_bytes(content + hashlib.sha256(content).digest())


def _wallet_kdf(header: dict) -> dict:
    return next(slot for slot in header["slots"] if slot["kind"] == "passphrase")["kdf"]


WALLET = Kind("wallet", _make_wallet, _open_wallet, CorruptWallet, WrongPassphrase, _rewrite_wallet_header,
              _wallet_kdf)


# -- the clinic key: JSON, format name and version, `check` over the header and the sealed seed --


def _make_clinic_key(path: Path, passphrase: str, kdf: KdfParams) -> Path:
    clinic_key.create_clinic_key(path, passphrase, "Mette Hansen", "physiotherapist", "Middelfart Fysio", kdf=kdf)
    return path


def _rewrite_clinic_header(path: Path, change: Callable[[dict], None], recompute: bool) -> None:
    data = json.loads(path.read_text("utf-8"))
    change(data)
    if recompute:
        sealed = clinic_key._unb64(data["sealed"], 48)
        data["check"] = hashlib.sha256(clinic_key._header_bytes(data) + sealed).hexdigest()
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), "utf-8")


CLINIC_KEY = Kind("clinic key", _make_clinic_key, clinic_key.open_clinic_key, ClinicKeyDamaged,
                  WrongClinicPassphrase, _rewrite_clinic_header, lambda header: header["kdf"])

KINDS = {"wallet": WALLET, "clinic key": CLINIC_KEY}
