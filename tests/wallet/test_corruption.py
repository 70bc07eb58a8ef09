"""Bit flips, truncations and garbage: a clear damage error every time, never different data."""

from __future__ import annotations

import random
import shutil

import pytest

from infocards.errors import CorruptWallet, WalletError, WrongPassphrase
from infocards.wallet import Wallet
from tests.conftest import WALLET_PASSPHRASE


@pytest.fixture
def saved(wallet_factory, wallet_reference_course):
    """A closed wallet with no backup, its bytes and its records."""
    course = wallet_reference_course
    wallet, _ = wallet_factory(profile=course["profile"])
    wallet.put_many(course["records"][:5])
    records = wallet.records()
    wallet.close()
    wallet.path.with_name("wallet.icw.bak").unlink(missing_ok=True)
    return wallet.path, wallet.path.read_bytes(), records


def _open_expecting_damage(path, original_records):
    """Opening must fail as damage; if it ever opens, the data must be the original."""
    try:
        with Wallet.open(path, WALLET_PASSPHRASE) as wallet:
            assert wallet.records() == original_records
    except WrongPassphrase:
        pytest.fail("a damaged file was reported as a wrong passphrase")
    except CorruptWallet as exc:
        assert "damaged" in exc.message("en")
        return
    pytest.fail("a damaged file opened")


def test_every_bit_flip_in_a_sample_is_damage(saved):
    path, original, records = saved
    rng = random.Random(20261127)
    # Every bit of the fixed prefix and the start of the header, then a sample of the rest.
    bits = list(range(0, 64 * 8)) + rng.sample(range(64 * 8, len(original) * 8), 600)
    for bit in bits:
        flipped = bytearray(original)
        flipped[bit // 8] ^= 1 << (bit % 8)
        path.write_bytes(bytes(flipped))
        _open_expecting_damage(path, records)


def test_every_truncation_is_damage(saved):
    path, original, records = saved
    for length in range(len(original)):
        path.write_bytes(original[:length])
        _open_expecting_damage(path, records)


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"\x00" * 4096,
        b"ICWALLET",
        b'{"_default": {}}',
        bytes(random.Random(7).randbytes(3000)),
        b"ICWALLET" + bytes(random.Random(8).randbytes(3000)),
    ],
)
def test_garbage_files_are_damage(saved, garbage):
    path, _original, records = saved
    path.write_bytes(garbage)
    _open_expecting_damage(path, records)


def test_appended_bytes_are_damage(saved):
    path, original, records = saved
    path.write_bytes(original + b"\n")
    _open_expecting_damage(path, records)


def test_damaged_main_falls_back_to_the_last_good_copy(wallet_factory):
    wallet, _ = wallet_factory()
    wallet.add({"id": "a", "type": "note", "date": "2026-11-01", "text": "first"})
    wallet.add({"id": "b", "type": "note", "date": "2026-11-02", "text": "second"})
    wallet.close()
    path = wallet.path
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x10
    path.write_bytes(bytes(data))
    with Wallet.open(path, WALLET_PASSPHRASE) as reopened:
        assert reopened.used_backup is not None
        assert [r["id"] for r in reopened.records()] == ["a"]  # the previous good state, no more
        reopened.add({"id": "c", "type": "note", "date": "2026-11-03", "text": "third"})
    # The save repaired the main file and did not rotate the damaged one into the backup.
    with Wallet.open(path, WALLET_PASSPHRASE) as repaired:
        assert repaired.used_backup is None
        assert [r["id"] for r in repaired.records()] == ["a", "c"]
    shutil.copyfile(path.with_name("wallet.icw.bak"), path)
    with Wallet.open(path, WALLET_PASSPHRASE) as from_backup:
        assert [r["id"] for r in from_backup.records()] == ["a"]


def test_both_copies_damaged_is_an_error_that_says_so(wallet_factory):
    wallet, _ = wallet_factory()
    wallet.add({"id": "a", "type": "note", "date": "2026-11-01", "text": "first"})
    wallet.close()
    backup = wallet.path.with_name("wallet.icw.bak")
    wallet.path.write_bytes(wallet.path.read_bytes()[:100])
    backup.write_bytes(backup.read_bytes()[:-1])
    with pytest.raises(CorruptWallet) as err:
        Wallet.open(wallet.path, WALLET_PASSPHRASE)
    assert "backup" in err.value.message("en")


def test_wrong_passphrase_with_a_damaged_main_is_still_wrong_passphrase(wallet_factory):
    wallet, _ = wallet_factory()
    wallet.add({"id": "a", "type": "note", "date": "2026-11-01", "text": "first"})
    wallet.close()
    wallet.path.write_bytes(b"broken")
    with pytest.raises(WrongPassphrase):
        Wallet.open(wallet.path, "not the passphrase")


def test_damage_errors_are_wallet_errors_with_no_traceback_text(saved):
    path, _original, _records = saved
    path.write_bytes(b"ICWALLET\x00\x01\xff\xfe")
    with pytest.raises(WalletError) as err:
        Wallet.open(path, WALLET_PASSPHRASE)
    assert "Traceback" not in err.value.message("en")


@pytest.mark.slow
def test_every_single_bit_flip_is_damage(saved):
    path, original, records = saved
    for bit in range(len(original) * 8):
        flipped = bytearray(original)
        flipped[bit // 8] ^= 1 << (bit % 8)
        path.write_bytes(bytes(flipped))
        _open_expecting_damage(path, records)
