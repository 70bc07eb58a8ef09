"""The rules every sealed file follows, tested on both kinds alike: the wallet and the clinic key.

Header tampering is detected; KDF parameters out of range are refused before any key is derived;
a damaged file is told apart from a wrong passphrase; secrets never show; neither kind reaches
into the other. Each test runs once per kind (tests/sealed/kinds.py).
"""

from __future__ import annotations

import ast
import base64
import logging
from pathlib import Path

import pytest

from infocards import sealed
from infocards.errors import KdfParamsRejected, WeakPassphrase
from infocards.sealed import DEFAULT_KDF, KdfParams, PassphraseLock, SecretBytes, SecretText
from tests.sealed.kinds import CHEAP, KINDS, PASSPHRASE

SRC = Path(__file__).resolve().parents[2] / "src" / "infocards"


@pytest.fixture(params=sorted(KINDS))
def kind(request):
    return KINDS[request.param]


@pytest.fixture
def sealed_file(kind, tmp_path):
    return kind.make(tmp_path / "sealed.file", PASSPHRASE, CHEAP)


@pytest.fixture
def derivations(monkeypatch):
    """Every Argon2id derivation, counted (the real one still runs)."""
    calls = []
    real = sealed.crypto.hash_secret_raw

    def counted(**kwargs):
        calls.append(kwargs["memory_cost"])
        return real(**kwargs)

    monkeypatch.setattr(sealed.crypto, "hash_secret_raw", counted)
    return calls


def test_the_file_opens_with_its_passphrase_and_the_counter_sees_the_derivation(kind, sealed_file, derivations):
    # The control for every "before any derivation" below: an open that derives is counted.
    assert kind.open(sealed_file, PASSPHRASE) is not None
    assert derivations == [CHEAP.memory_kib]


# -- wrong passphrase versus damaged ------------------------------------------------------------


def test_a_wrong_passphrase_is_named_as_one_and_the_file_is_left_alone(kind, sealed_file):
    before = sealed_file.read_bytes()
    with pytest.raises(kind.wrong) as caught:
        kind.open(sealed_file, "not the passphrase at all")
    assert not isinstance(caught.value, kind.damaged)
    assert sealed_file.read_bytes() == before


def test_every_flipped_byte_is_damage_named_before_any_key_is_derived(kind, sealed_file, derivations):
    original = sealed_file.read_bytes()
    for at in range(len(original)):
        damaged = bytearray(original)
        damaged[at] ^= 0x01
        for passphrase in (PASSPHRASE, "not the passphrase at all"):  # damage wins either way
            sealed_file.write_bytes(bytes(damaged))
            with pytest.raises(kind.damaged) as caught:
                kind.open(sealed_file, passphrase)
            assert not isinstance(caught.value, kind.wrong), at
            assert sealed_file.read_bytes() == bytes(damaged)
    assert derivations == []


def test_a_cut_short_file_is_damage(kind, sealed_file, derivations):
    original = sealed_file.read_bytes()
    # Not the last byte alone: the clinic key's JSON ends in a newline, which is no content.
    for length in (0, 1, 8, 16, len(original) // 2, len(original) - 2):
        sealed_file.write_bytes(original[:length])
        with pytest.raises(kind.damaged):
            kind.open(sealed_file, PASSPHRASE)
    assert derivations == []


# -- the header is authenticated ------------------------------------------------------------


def _b64(fill: int, length: int) -> str:
    return base64.b64encode(bytes([fill]) * length).decode()


def _slot(header, kind_name):
    return next(slot for slot in header["slots"] if slot["kind"] == kind_name)


HEADER_CHANGES = {
    "wallet": {
        "wallet id": lambda h: h.update(wallet=_b64(1, 16)),
        "created": lambda h: h.update(created="1999-01-01T00:00:00+00:00"),
        "saved": lambda h: h.update(saved="1999-01-01T00:00:00+00:00"),
        "passphrase salt": lambda h: _slot(h, "passphrase").update(salt=_b64(2, 16)),
        "passes": lambda h: _slot(h, "passphrase")["kdf"].update(iterations=2),
        "memory": lambda h: _slot(h, "passphrase")["kdf"].update(memory_kib=128),
        "recovery recipient": lambda h: _slot(h, "recovery").update(recipient=_b64(9, 32)),
        "body nonce": lambda h: h["body"].update(nonce=_b64(3, 12)),
    },
    "clinic key": {
        "signer name": lambda h: h["signer"].update(name="Someone Else"),
        "signer role": lambda h: h["signer"].update(role="gp"),
        "signer place": lambda h: h["signer"].update(place="Elsewhere"),
        "public key": lambda h: h.update(public_key=_b64(4, 32)),
        "salt": lambda h: h.update(salt=_b64(2, 16)),
        "nonce": lambda h: h.update(nonce=_b64(3, 12)),
        "passes": lambda h: h["kdf"].update(iterations=2),
        "memory": lambda h: h["kdf"].update(memory_kib=128),
    },
}


@pytest.mark.parametrize(("kind_name", "label"), [(k, label) for k in HEADER_CHANGES for label in HEADER_CHANGES[k]])
def test_a_changed_header_never_opens(kind_name, label, tmp_path, derivations):
    kind, apply = KINDS[kind_name], HEADER_CHANGES[kind_name][label]
    path = kind.make(tmp_path / "sealed.file", PASSPHRASE, CHEAP)
    original = path.read_bytes()
    derivations.clear()
    # Changed as a disk or an editor would (the plain check kept): damage, found before deriving.
    kind.rewrite_header(path, apply, False)
    with pytest.raises(kind.damaged):
        kind.open(path, PASSPHRASE)
    assert derivations == [], label
    # Changed as an attacker would (the plain check recomputed): AES-GCM over the header refuses it.
    path.write_bytes(original)
    kind.rewrite_header(path, apply, True)
    with pytest.raises((kind.damaged, kind.wrong)):
        kind.open(path, PASSPHRASE)
    # And the control: the unchanged file still opens.
    path.write_bytes(original)
    assert kind.open(path, PASSPHRASE) is not None


@pytest.mark.parametrize("kind_name", sorted(KINDS))
def test_the_header_rewriter_changes_nothing_by_itself(kind_name, tmp_path):
    # Control for the test above: a rewrite that changes no field (check recomputed or kept) still
    # opens, so a refusal there comes from the change, not from how the test writes the file.
    kind = KINDS[kind_name]
    path = kind.make(tmp_path / "sealed.file", PASSPHRASE, CHEAP)
    for recompute in (False, True):
        kind.rewrite_header(path, lambda header: None, recompute)
        assert kind.open(path, PASSPHRASE) is not None


# -- KDF parameters range-checked before any derivation -------------------------------------------

ABSURD_KDF = {
    "64 GiB": {"name": "argon2id", "memory_kib": 64 * 1024 * 1024, "iterations": 3, "lanes": 4},
    "just over the memory ceiling": {"name": "argon2id", "memory_kib": 256 * 1024 + 1, "iterations": 1, "lanes": 1},
    "no passes": {"name": "argon2id", "memory_kib": 64, "iterations": 0, "lanes": 1},
    "nine passes": {"name": "argon2id", "memory_kib": 64, "iterations": 9, "lanes": 1},
    "no lanes": {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": 0},
    "nine lanes": {"name": "argon2id", "memory_kib": 1024, "iterations": 1, "lanes": 9},
    "less than 8 KiB a lane": {"name": "argon2id", "memory_kib": 31, "iterations": 1, "lanes": 4},
    "memory as text": {"name": "argon2id", "memory_kib": "64", "iterations": 1, "lanes": 1},
    "passes as a float": {"name": "argon2id", "memory_kib": 64, "iterations": 1.0, "lanes": 1},
    "lanes as true": {"name": "argon2id", "memory_kib": 64, "iterations": 1, "lanes": True},
    "another KDF": {"name": "scrypt", "memory_kib": 64, "iterations": 1, "lanes": 1},
    "no parameters": {"name": "argon2id"},
}


@pytest.mark.parametrize("absurd", sorted(ABSURD_KDF))
def test_kdf_parameters_out_of_range_are_refused_before_any_derivation(kind, sealed_file, derivations, absurd):
    def set_kdf(header):
        kdf = kind.kdf_of(header)
        kdf.clear()
        kdf.update(ABSURD_KDF[absurd])

    kind.rewrite_header(sealed_file, set_kdf, True)  # the plain check made to match: only the range check is left
    before = sealed_file.read_bytes()
    derivations.clear()
    with pytest.raises(kind.damaged) as caught:
        kind.open(sealed_file, PASSPHRASE)
    if kind.name == "wallet":
        assert isinstance(caught.value, KdfParamsRejected)
    assert derivations == []
    assert sealed_file.read_bytes() == before


@pytest.mark.parametrize("absurd", [KdfParams(64 * 1024 * 1024, 3, 4), KdfParams(64, 0, 1), KdfParams(64, 1, 9)])
def test_a_new_file_with_absurd_costs_is_refused_before_any_derivation(kind, tmp_path, derivations, absurd):
    with pytest.raises(KdfParamsRejected):
        kind.make(tmp_path / "new.file", PASSPHRASE, absurd)
    with pytest.raises(KdfParamsRejected):
        sealed.derive_passphrase_key(SecretText(PASSPHRASE), bytes(16), absurd)
    with pytest.raises(KdfParamsRejected):
        PassphraseLock.fresh(absurd)
    assert derivations == []
    assert not (tmp_path / "new.file").exists()


def test_the_ceiling_and_the_default_are_allowed():
    for params in (KdfParams(256 * 1024, 8, 8), DEFAULT_KDF, KdfParams(8, 1, 1)):
        assert KdfParams.from_json(params.to_json()) == params


# -- secrets never show -------------------------------------------------------------------------


def _shown(value) -> list[str]:
    return [repr(value), str(value), f"{value}", f"{value!r}", repr([value]), repr({"k": value})]


def test_secret_bytes_and_text_are_redacted_everywhere(caplog):
    key = SecretBytes(bytes(range(32)))
    text = SecretText(PASSPHRASE)
    for shown in _shown(key):
        assert key.hex() not in shown and "redacted" in shown and "\\x01" not in shown
    for shown in _shown(text):
        assert PASSPHRASE not in shown and "redacted" in shown
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("infocards.test").warning("key %r passphrase %s", key, text)
    assert key.hex() not in caplog.text and PASSPHRASE not in caplog.text and "redacted" in caplog.text


def test_a_passphrase_lock_shows_its_costs_and_nothing_it_seals():
    lock = PassphraseLock.fresh(CHEAP)
    secret = SecretBytes(bytes(range(32)))
    lock = lock.sealing(lock.key(SecretText(PASSPHRASE)), secret, b"ad")
    for shown in _shown(lock):
        assert "m=64 t=1 p=1" in shown and "redacted" in shown
        for part in (lock.salt, lock.wrapped, secret):
            assert part.hex() not in shown and base64.b64encode(part).decode() not in shown


def test_what_either_kind_opens_or_refuses_shows_no_secret(kind, sealed_file):
    opened = kind.open(sealed_file, PASSPHRASE)
    for shown in _shown(opened):
        assert PASSPHRASE not in shown
    with pytest.raises(kind.wrong) as caught:
        kind.open(sealed_file, "the wrong passphrase, in full")
    error = caught.value
    for shown in (str(error), repr(error), error.message("en"), error.message("da"), repr(error.params)):
        assert "the wrong passphrase" not in shown and PASSPHRASE not in shown


@pytest.mark.parametrize("weak", ["", "1234567", "       x", "\t\n  ab  \n", None, 12345678])
def test_neither_kind_is_made_from_a_short_passphrase(kind, tmp_path, weak, derivations):
    with pytest.raises(WeakPassphrase):
        kind.make(tmp_path / "new.file", weak, CHEAP)
    assert derivations == [] and not (tmp_path / "new.file").exists()


# -- one module, two kinds that do not reach into each other ------------------------------------


def _imported(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_neither_kind_imports_the_other_and_both_use_the_sealed_module():
    clinic = _imported(SRC / "notes" / "clinic_key.py")
    assert not {m for m in clinic if m == "infocards.wallet" or m.startswith("infocards.wallet.")}
    assert "infocards.sealed" in clinic
    wallet = set().union(*(_imported(p) for p in (SRC / "wallet").glob("*.py")))
    assert not {m for m in wallet if m.startswith("infocards.notes")}
    assert "infocards.sealed" in wallet


def test_the_sealed_module_imports_only_the_base():
    modules = set().union(*(_imported(p) for p in (SRC / "sealed").glob("*.py")))
    ours = {m for m in modules if m.startswith("infocards.")}
    assert ours and all(m.startswith(("infocards.sealed", "infocards.errors")) for m in ours), sorted(ours)
