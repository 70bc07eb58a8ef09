"""The clinic key file: made, opened, refused when damaged or with a wrong passphrase, never rewritten."""

import json

import pytest

from infocards.errors import ClinicKeyDamaged, ClinicKeyError, ClinicKeyNewer, WeakPassphrase, WrongClinicPassphrase
from infocards.notes.clinic_key import create_clinic_key, open_clinic_key, read_signer

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def key_file(tmp_path, wallet_cheap_kdf):
    path = tmp_path / "clinic.key"
    create_clinic_key(path, PASSPHRASE, "Mette Hansen", "physiotherapist", "Middelfart Fysio", kdf=wallet_cheap_kdf)
    return path


def test_a_key_opens_with_its_passphrase_and_names_its_signer(key_file):
    key = open_clinic_key(key_file, PASSPHRASE)
    assert key.signer == ("Mette Hansen", "physiotherapist", "Middelfart Fysio")
    assert read_signer(key_file)["fingerprint"] == key.fingerprint
    assert key_file.stat().st_mode & 0o777 == 0o600


def test_the_seed_never_shows(key_file):
    key = open_clinic_key(key_file, PASSPHRASE)
    assert "redacted" in repr(key) and "Mette" not in repr(key)
    assert "seed" not in json.loads(key_file.read_text())  # only sealed


def test_a_wrong_passphrase_is_named_and_leaves_the_file(key_file):
    before = key_file.read_bytes()
    with pytest.raises(WrongClinicPassphrase):
        open_clinic_key(key_file, "not the passphrase at all")
    assert key_file.read_bytes() == before


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.update(signer={**d["signer"], "name": "Someone Else"}),  # header changed, check not
        lambda d: d.update(sealed=d["sealed"][:-4] + "AAA="),
        lambda d: d.update(kdf={**d["kdf"], "memory_kib": 10**9}),
        lambda d: d.pop("nonce"),
        lambda d: d.update(check="00" * 32),
    ],
)
def test_a_damaged_file_is_reported_as_damaged_not_as_a_wrong_passphrase(key_file, damage):
    data = json.loads(key_file.read_text())
    damage(data)
    key_file.write_text(json.dumps(data))
    before = key_file.read_bytes()
    with pytest.raises(ClinicKeyDamaged):
        open_clinic_key(key_file, PASSPHRASE)
    assert key_file.read_bytes() == before


def test_a_header_change_with_a_recomputed_check_still_fails_to_open(key_file):
    """The check is not the protection: GCM over the header is."""
    from infocards.notes import clinic_key
    from infocards.sealed import sha256

    data = json.loads(key_file.read_text())
    data["signer"]["name"] = "Someone Else"
    sealed = clinic_key._unb64(data["sealed"], 48)
    data["check"] = sha256(clinic_key._header_bytes(data) + sealed).hex()
    key_file.write_text(json.dumps(data))
    with pytest.raises(WrongClinicPassphrase):
        open_clinic_key(key_file, PASSPHRASE)


def test_truncated_and_foreign_files_are_damaged(key_file, tmp_path):
    key_file.write_bytes(key_file.read_bytes()[:100])
    with pytest.raises(ClinicKeyDamaged):
        open_clinic_key(key_file, PASSPHRASE)
    other = tmp_path / "picture.png"
    other.write_bytes(b"\x89PNG\r\n" + bytes(200))
    with pytest.raises(ClinicKeyDamaged):
        read_signer(other)


def test_a_newer_format_is_named(key_file):
    data = json.loads(key_file.read_text())
    data["version"] = 2
    key_file.write_text(json.dumps(data))
    with pytest.raises(ClinicKeyNewer) as caught:
        open_clinic_key(key_file, PASSPHRASE)
    assert "newer infocards" in caught.value.message("en")


def test_never_over_an_existing_file_and_never_from_a_short_passphrase(key_file, tmp_path, wallet_cheap_kdf):
    before = key_file.read_bytes()
    with pytest.raises(ClinicKeyError):
        create_clinic_key(key_file, PASSPHRASE, "X", "gp", kdf=wallet_cheap_kdf)
    assert key_file.read_bytes() == before
    with pytest.raises(WeakPassphrase):
        create_clinic_key(tmp_path / "new.key", "1234", "X", "gp", kdf=wallet_cheap_kdf)
    with pytest.raises(ClinicKeyError):
        create_clinic_key(tmp_path / "new.key", PASSPHRASE, "X", "surgeon", kdf=wallet_cheap_kdf)


# A saved key file of every released clinic key format, with the secrets that made it (made by
# infocards at 6c89977 with the real default KDF). It opens forever after.
CLINIC_KEY_FIXTURES = {
    "v1.key": {
        "passphrase": "fixture clinic passphrase v1",
        "signer": ("Mette Hansen", "physiotherapist", "Middelfart Fysio æøå"),
        "public_key": "12912615c16320903b6bbfb3721e8a8ceae6289c0e7bd859f55a924a6278b3a1",
        "fingerprint": "23CM-CEZT-UTSP-YRLO",
        # Ed25519 is deterministic: the seed sealed in the file signs this message to this signature.
        "signature": "1d4ea2bf11a9ee396417e2efd996c28b001ed6a586c25b01188d611649813bc4"
                     "660a7eed799abebdab8116368751c34059b0bfed44f08b6789c485aed03f2101",
    },
}


@pytest.mark.parametrize("name", sorted(CLINIC_KEY_FIXTURES))
def test_every_released_clinic_key_format_still_opens(name, tmp_path):
    import shutil

    from tests.conftest import WALLET_FIXTURES

    facts = CLINIC_KEY_FIXTURES[name]
    copy = tmp_path / name
    shutil.copyfile(WALLET_FIXTURES.parent / "clinic_keys" / name, copy)
    before = copy.read_bytes()
    key = open_clinic_key(copy, facts["passphrase"])
    assert key.signer == facts["signer"]
    assert key.public_key.hex() == facts["public_key"]
    assert key.fingerprint == facts["fingerprint"] == read_signer(copy)["fingerprint"]
    assert key.key.sign(b"infocards clinic key fixture v1").hex() == facts["signature"]
    with pytest.raises(WrongClinicPassphrase):
        open_clinic_key(copy, facts["passphrase"] + "!")
    assert copy.read_bytes() == before  # opening rewrites nothing
