"""Secrets never show: reprs of keys, passphrases, seeds and codes; errors carry no record text."""

from __future__ import annotations

import math

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from infocards.errors import InvalidRecord, WrongPassphrase
from infocards.sealed import SecretBytes, SecretText, new_data_key
from infocards.wallet import RecoveryCode, Wallet, vault
from infocards.wallet.fileformat import parse_file
from infocards.wallet.recovery import ALPHABET
from tests.conftest import WALLET_PASSPHRASE


def test_data_key_repr_hides_the_key():
    key = new_data_key()
    for shown in (repr(key), str(key), f"{key!r}", repr([key]), repr({"k": key})):
        assert key.hex() not in shown and "redacted" in shown


def test_passphrase_holder_repr_hides_it():
    secret = SecretText(WALLET_PASSPHRASE)
    assert WALLET_PASSPHRASE not in repr(secret) and WALLET_PASSPHRASE not in str(secret)
    assert secret.reveal() == WALLET_PASSPHRASE


def test_signing_seed_repr_hides_it_and_it_makes_an_ed25519_key(wallet_factory):
    wallet, _ = wallet_factory()
    seed = wallet.signing_seed()
    assert isinstance(seed, bytes) and len(seed) == 32
    assert seed.hex() not in repr(seed) and "redacted" in repr(seed)
    key = Ed25519PrivateKey.from_private_bytes(seed)
    key.public_key().verify(key.sign(b"summary"), b"summary")


def test_unlocked_body_and_wallet_reprs_hold_no_secret(wallet_factory):
    wallet, code = wallet_factory(records=[{"type": "note", "date": "2026-11-01", "text": "Secret-note"}])
    file = parse_file(wallet.path.read_bytes())
    unlocked = vault.unlock_with_passphrase(file, SecretText(WALLET_PASSPHRASE))
    for shown in (repr(unlocked), repr(wallet), repr(RecoveryCode.parse(code))):
        assert "Secret-note" not in shown and unlocked.data_key.hex() not in shown
        assert code not in shown and code.replace("-", "") not in shown


def test_recovery_code_reads_back_forgivingly():
    code = RecoveryCode.generate()
    text = str(code)
    groups = text.split("-")
    assert len(groups) == 5 and all(len(g) == 5 for g in groups)
    assert all(c in ALPHABET for c in text.replace("-", ""))
    random_chars = len(text.replace("-", "")) - 1  # the last one is a check character
    assert random_chars * math.log2(len(ALPHABET)) >= 100
    variants = [text.lower(), text.replace("-", ""), text.replace("-", " "), " ".join(text),
                text.replace("0", "O").replace("1", "I")]
    for variant in variants:
        assert RecoveryCode.parse(variant) == code


def test_recovery_code_typos_are_caught():
    text = str(RecoveryCode.generate()).replace("-", "")
    caught = 0
    for i in range(len(text)):
        for replacement in "2H":
            typo = text[:i] + replacement + text[i + 1 :]
            if typo != text:
                try:
                    RecoveryCode.parse(typo)
                except WrongPassphrase:
                    caught += 1
    assert caught >= 40  # one check character catches about 31 typos in 32
    with pytest.raises(WrongPassphrase):
        RecoveryCode.parse("too short")
    assert not RecoveryCode.looks_valid("UUUUU-UUUUU-UUUUU-UUUUU-UUUUU")


def test_recovery_codes_differ():
    assert len({str(RecoveryCode.generate()) for _ in range(200)}) == 200


def test_errors_carry_no_record_text(wallet_factory):
    wallet, _ = wallet_factory()
    record = {"id": "r9", "type": "encounter", "date": "2026-11-01", "role": "gp",
              "place": "Secret-clinic", "summary": "Secret-summary", "professional": 17}
    with pytest.raises(InvalidRecord) as err:
        wallet.add(record)
    texts = [err.value.message("da"), err.value.message("en"), str(err.value), repr(err.value.params)]
    assert all("Secret" not in text for text in texts)
    assert all("r9" in text and "professional" in text for text in texts[:3])


def test_wrong_passphrase_error_does_not_echo_it(wallet_factory):
    wallet, _ = wallet_factory()
    wallet.close()
    with pytest.raises(WrongPassphrase) as err:
        Wallet.open(wallet.path, "my-Secret-guess")
    assert "Secret" not in str(err.value) and "Secret" not in repr(err.value)


def test_secret_bytes_equal_plain_bytes():
    assert SecretBytes(b"abc") == b"abc"
