"""The v1 file format: saved fixtures open forever, KDF parameters range-checked, newer versions refused."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import struct

import pytest

from infocards.errors import CorruptWallet, KdfParamsRejected, NewerFormat, WrongPassphrase
from infocards.sealed import check_kdf_params, crypto
from infocards.wallet import DEFAULT_KDF, OWASP_FLOOR, KdfParams, Wallet
from infocards.wallet.fileformat import MAGIC, parse_file, serialise_file
from tests.conftest import WALLET_FIXTURES

# Format fixtures: one per released format version, with the secrets that made them.
FIXTURES = {
    "v1.icw": {
        "passphrase": "fixture passphrase v1",
        "recovery_code": "2PNZQ-VTTVB-BYVJB-8J384-NCBYQ",
        "signing_seed": "8d651e1abf0d8c10f8368e3917f7aaf27fc5746dbd57971ccdbf260d58f26b92",
        "records": 6,
    },
    "v2.icw": {
        "passphrase": "fixture passphrase v2",
        "recovery_code": "T9RJR-1QWNJ-82XGD-81R5G-SZ4A2",
        "signing_seed": "f8205a002fa91b83224451fbcdfeaf3ebc9f32e0aeb20dc1a6f9e2ee548ef0dd",
        "records": 6,
    },
}


@pytest.fixture(params=sorted(FIXTURES))
def saved_wallet(request, tmp_path):
    copy = tmp_path / request.param
    shutil.copyfile(WALLET_FIXTURES / request.param, copy)
    return copy, FIXTURES[request.param]


def test_every_released_format_still_opens(saved_wallet, wallet_reference_course):
    path, facts = saved_wallet
    with Wallet.open(path, facts["passphrase"]) as wallet:
        assert wallet.profile == wallet_reference_course["profile"]
        reference = {r["id"]: r for r in wallet_reference_course["records"]}
        records = wallet.records()
        assert len(records) == facts["records"]
        assert all(record == reference[record["id"]] for record in records)
        assert wallet.signing_seed().hex() == facts["signing_seed"]
        assert wallet.share_log()[0]["role"] == "physiotherapist"
        assert wallet.used_backup is None


def test_every_released_format_recovers_with_its_code(saved_wallet):
    path, facts = saved_wallet
    Wallet.recover(path, facts["recovery_code"], "a new passphrase now")
    with Wallet.open(path, "a new passphrase now") as wallet:
        assert len(wallet.records()) == facts["records"]


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_the_fixtures_use_the_real_default_kdf(name):
    header = parse_file((WALLET_FIXTURES / name).read_bytes()).header
    assert header.slot("passphrase").kdf == DEFAULT_KDF
    assert header.version == int(name[1])


def test_a_v1_wallet_is_saved_as_v2_and_keeps_its_passphrase_and_code(tmp_path):
    path = tmp_path / "old.icw"
    shutil.copyfile(WALLET_FIXTURES / "v1.icw", path)
    facts = FIXTURES["v1.icw"]
    with Wallet.open(path, facts["passphrase"]) as wallet:
        wallet.add({"id": "new", "type": "note", "date": "2026-12-01", "text": "after the upgrade"})
    header = parse_file(path.read_bytes()).header
    assert header.version == 2 and header.wallet_id is not None
    with Wallet.open(path, facts["passphrase"]) as wallet:
        assert len(wallet.records()) == facts["records"] + 1
        assert wallet.signing_seed().hex() == facts["signing_seed"]
    # The v1 recovery slot is kept until a key change, so the code on paper still works ...
    new_code = Wallet.recover(path, facts["recovery_code"], "a new passphrase now")
    assert new_code != facts["recovery_code"]
    # ... and after it the slot is an X25519 recipient, and the old code opens nothing.
    assert parse_file(path.read_bytes()).header.slot("recovery").recipient is not None
    with pytest.raises(WrongPassphrase):
        Wallet.recover(path, facts["recovery_code"], "another passphrase")


def test_a_passphrase_change_of_a_v1_wallet_gives_a_new_recovery_code(tmp_path):
    path = tmp_path / "old.icw"
    shutil.copyfile(WALLET_FIXTURES / "v1.icw", path)
    facts = FIXTURES["v1.icw"]
    with Wallet.open(path, facts["passphrase"]) as wallet:
        code = wallet.change_passphrase("the second passphrase")
    assert code is not None  # the v1 slot wraps under the code itself, which the device lacks
    with pytest.raises(WrongPassphrase):
        Wallet.recover(path, facts["recovery_code"], "a third passphrase")
    Wallet.recover(path, code, "a third passphrase")
    with Wallet.open(path, "a third passphrase") as wallet:
        assert len(wallet.records()) == facts["records"]


def test_file_is_self_describing(wallet_factory):
    wallet, _ = wallet_factory()
    data = wallet.path.read_bytes()
    assert data.startswith(MAGIC)
    version, check, header_len = struct.unpack_from(">HHI", data, 8)
    assert version == 2 and check == 0xFFFD
    assert data[16:48] == hashlib.sha256(data[:16] + data[48 : 48 + header_len]).digest()
    header = json.loads(data[48 : 48 + header_len])
    assert len(base64.b64decode(header["wallet"])) == 16
    passphrase_slot = next(s for s in header["slots"] if s["kind"] == "passphrase")
    assert passphrase_slot["kdf"] == {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 1}
    assert {s["kind"] for s in header["slots"]} == {"passphrase", "recovery"}
    assert header["body"]["cipher"] == "aes-256-gcm"


def test_default_kdf_is_at_least_owasp_floor():
    assert DEFAULT_KDF.memory_kib >= OWASP_FLOOR.memory_kib == 19 * 1024
    assert DEFAULT_KDF.iterations >= OWASP_FLOOR.iterations == 2
    assert check_kdf_params(OWASP_FLOOR) == OWASP_FLOOR
    assert check_kdf_params(DEFAULT_KDF) == DEFAULT_KDF


@pytest.mark.parametrize(
    "absurd",
    [
        KdfParams(memory_kib=64 * 1024 * 1024, iterations=3, lanes=4),  # 64 GiB
        KdfParams(memory_kib=64 * 1024, iterations=10_000, lanes=4),
        KdfParams(memory_kib=64 * 1024, iterations=0, lanes=4),
        KdfParams(memory_kib=64 * 1024, iterations=3, lanes=0),
        KdfParams(memory_kib=64 * 1024, iterations=3, lanes=1000),
        KdfParams(memory_kib=0, iterations=3, lanes=1),
        # Just over the ceiling: 256 MiB, 8 passes, 8 lanes (seconds on a desktop, a phone killed).
        KdfParams(memory_kib=256 * 1024 + 1, iterations=3, lanes=4),
        KdfParams(memory_kib=1024 * 1024, iterations=3, lanes=4),
        KdfParams(memory_kib=64 * 1024, iterations=9, lanes=4),
        KdfParams(memory_kib=64 * 1024, iterations=16, lanes=4),
        KdfParams(memory_kib=64 * 1024, iterations=3, lanes=9),
        KdfParams(memory_kib=64 * 1024, iterations=3, lanes=16),
    ],
)
def test_absurd_kdf_params_in_a_file_are_refused_at_once(wallet_factory, absurd, monkeypatch):
    wallet, _ = wallet_factory()
    wallet.close()
    # "At once": refused before any key is derived with them (counted, not timed).
    derivations = []
    real_argon2 = crypto.hash_secret_raw
    monkeypatch.setattr(crypto, "hash_secret_raw", lambda *a, **k: derivations.append(k) or real_argon2(*a, **k))
    Wallet.open(wallet.path, "correct horse battery staple").close()
    assert derivations, "the counter sees the KDF of an ordinary open"
    derivations.clear()
    _rewrite_header(wallet.path, lambda h: _set_kdf(h, absurd))
    before = wallet.path.read_bytes()
    with pytest.raises(KdfParamsRejected):
        Wallet.open(wallet.path.with_name("wallet.icw"), "correct horse battery staple")
    assert derivations == []
    assert wallet.path.read_bytes() == before


def test_the_kdf_ceiling_itself_is_allowed():
    ceiling = KdfParams(memory_kib=256 * 1024, iterations=8, lanes=8)
    assert check_kdf_params(ceiling) == ceiling
    assert KdfParams.from_json(ceiling.to_json()) == ceiling


def test_kdf_params_of_the_wrong_type_are_refused(wallet_factory):
    wallet, _ = wallet_factory()
    wallet.close()
    _rewrite_header(wallet.path, lambda h: _set_kdf_json(h, {"name": "argon2id", "memory_kib": "64",
                                                               "iterations": 1, "lanes": 1}))
    with pytest.raises(KdfParamsRejected):
        Wallet.open(wallet.path, "correct horse battery staple")


def test_a_flipped_byte_in_the_kdf_parameters_is_damage_not_a_wrong_passphrase(wallet_factory):
    """Issue 9, item 12: the header's own check names the damage, even with a matching trailer."""
    wallet, _ = wallet_factory()
    wallet.close()
    wallet.path.with_name("wallet.icw.bak").unlink(missing_ok=True)
    prefix, check, raw, body = _split(wallet.path)
    at = raw.index(b'"iterations":1') + len(b'"iterations":')
    flipped = raw[:at] + b"2" + raw[at + 1 :]  # one byte: a pass count the slot was not made with
    for header_check in (check, None):  # the old check kept; and, as a control, recomputed
        _write(wallet.path, prefix, flipped, body, header_check=header_check)
        before = wallet.path.read_bytes()
        if header_check is None:
            with pytest.raises(WrongPassphrase):  # both checks forged: indistinguishable by design
                Wallet.open(wallet.path, "correct horse battery staple")
        else:
            with pytest.raises(CorruptWallet) as err:
                Wallet.open(wallet.path, "correct horse battery staple")
            assert not isinstance(err.value, WrongPassphrase)
            assert "the wallet file is damaged" in err.value.message("en")
        assert wallet.path.read_bytes() == before


def test_lowered_kdf_costs_in_a_rewritten_header_do_not_open_the_wallet(wallet_factory):
    wallet, _ = wallet_factory()
    wallet.close()
    _rewrite_header(wallet.path, lambda h: _set_kdf(h, KdfParams(memory_kib=8, iterations=1, lanes=1)))
    with pytest.raises(WrongPassphrase):
        Wallet.open(wallet.path, "correct horse battery staple")


def test_a_newer_format_is_refused_and_left_alone(wallet_factory):
    wallet, _ = wallet_factory()
    wallet.close()
    data = bytearray(wallet.path.read_bytes())
    struct.pack_into(">HH", data, 8, 3, 3 ^ 0xFFFF)
    wallet.path.write_bytes(bytes(data))
    with pytest.raises(NewerFormat) as err:
        Wallet.open(wallet.path, "correct horse battery staple")
    assert "newer version of infocards" in err.value.message("en")
    assert wallet.path.read_bytes() == bytes(data)


def test_a_header_altered_with_a_recomputed_checksum_is_damage(wallet_factory):
    wallet, _ = wallet_factory(records=[{"type": "note", "date": "2026-11-01", "text": "x"}])
    wallet.close()
    _rewrite_header(wallet.path, lambda h: h.update(saved="1999-01-01T00:00:00+00:00"))
    wallet.path.with_name("wallet.icw.bak").unlink()
    with pytest.raises(CorruptWallet):
        Wallet.open(wallet.path, "correct horse battery staple")


# -- helpers: rewrite a header and recompute the checksums, as an attacker could --------------


def _split(path):
    """(prefix, header check, header bytes, body) of a v2 file."""
    data = path.read_bytes()[:-32]
    header_len = struct.unpack_from(">I", data, 12)[0]
    return data[:16], data[16:48], data[48 : 48 + header_len], data[48 + header_len :]


def _write(path, prefix, raw, body, *, header_check=None):
    prefix = prefix[:12] + struct.pack(">I", len(raw))
    check = hashlib.sha256(prefix + raw).digest() if header_check is None else header_check
    path.write_bytes(serialise_file(prefix + check + raw, body))


def _rewrite_header(path, change, *, keep_header_check=False):
    """Change the header JSON and recompute the trailing checksum (and the header's own check,
    unless `keep_header_check`: then only the trailing checksum is made to match)."""
    prefix, check, raw, body = _split(path)
    header = json.loads(raw)
    change(header)
    new_raw = json.dumps(header, separators=(",", ":"), sort_keys=True).encode()
    _write(path, prefix, new_raw, body, header_check=check if keep_header_check else None)


def _set_kdf(header, params: KdfParams):
    _set_kdf_json(header, params.to_json())


def _set_kdf_json(header, kdf_json):
    for slot in header["slots"]:
        if slot["kind"] == "passphrase":
            slot["kdf"] = kdf_json


@pytest.mark.parametrize("nested", ["[" * 30_000 + "]" * 30_000, '{"a":' * 10_000 + "1" + "}" * 10_000])
def test_a_deeply_nested_header_with_a_recomputed_checksum_is_damage(wallet_factory, nested):
    wallet, _ = wallet_factory(records=[{"id": "a", "type": "note", "date": "2026-11-01", "text": "x"}])
    wallet.add({"id": "b", "type": "note", "date": "2026-11-02", "text": "y"})
    wallet.close()
    _replace_header_bytes(wallet.path, nested.encode())
    with pytest.raises(CorruptWallet):
        parse_file(wallet.path.read_bytes())
    with Wallet.open(wallet.path, "correct horse battery staple") as from_backup:
        assert from_backup.used_backup is not None and [r["id"] for r in from_backup.records()] == ["a"]
    _replace_header_bytes(wallet.path, nested.encode())
    wallet.path.with_name("wallet.icw.bak").unlink()
    with pytest.raises(CorruptWallet) as err:
        Wallet.open(wallet.path, "correct horse battery staple")
    assert "damaged" in err.value.message("en")


def _replace_header_bytes(path, raw):
    prefix, _check, _raw, body = _split(path)
    _write(path, prefix, raw, body)
