"""Argon2id from argon2-cffi gives the keys cryptography's Argon2id gave, so every v1 wallet opens.

The wallet derived its passphrase key with cryptography's Argon2id (cryptography 44 and newer)
until phones needed a package with Android/iOS wheels. Three checks hold the two together:
recorded answers (made with cryptography 50's Argon2id), the v1 fixture wallet, and, where a
cryptography with Argon2id is installed, a property test over random inputs. The phone package
set has cryptography 43.0.1, which has no Argon2id; there the module asserts exactly that
instead of skipping, and the recorded answers and the fixture still run.
"""

from __future__ import annotations

import shutil

import cryptography
from hypothesis import given, settings
from hypothesis import strategies as st
from packaging.version import Version

from infocards.sealed import SALT_BYTES, SecretText, derive_passphrase_key
from infocards.wallet import DEFAULT_KDF, KdfParams, Wallet
from tests.conftest import WALLET_FIXTURES

try:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id as ReferenceArgon2id
except ImportError:  # cryptography before 44
    ReferenceArgon2id = None

# (passphrase, salt, params) -> key, recorded with cryptography 50's Argon2id.
RECORDED = [
    (
        "fixture passphrase v1 æøå",
        bytes(range(16)),
        DEFAULT_KDF,
        "ffb7eda1d402116f8930a316d572140aeb2eba0320df2aecc611ba90d2695019",
    ),
    (
        "",
        b"infocards-salt!!",
        KdfParams(memory_kib=64, iterations=1, lanes=1),
        "a9a054d7358db87b2dc490e27266a14672371a257c151402e96f7d1667d9587b",
    ),
]


def test_recorded_answers():
    for passphrase, salt, params, expected in RECORDED:
        assert derive_passphrase_key(SecretText(passphrase), salt, params).hex() == expected


def test_the_v1_fixture_opens_with_the_same_records(tmp_path, wallet_reference_course):
    copy = tmp_path / "v1.icw"
    shutil.copyfile(WALLET_FIXTURES / "v1.icw", copy)
    before = copy.read_bytes()
    with Wallet.open(copy, "fixture passphrase v1") as wallet:
        reference = {r["id"]: r for r in wallet_reference_course["records"]}
        records = wallet.records()
        assert len(records) == 6
        assert all(record == reference[record["id"]] for record in records)
    assert copy.read_bytes() == before  # opening alone rewrites nothing


_params = st.integers(min_value=1, max_value=4).flatmap(
    lambda lanes: st.builds(
        KdfParams,
        memory_kib=st.integers(min_value=8 * lanes, max_value=512),
        iterations=st.integers(min_value=1, max_value=3),
        lanes=st.just(lanes),
    )
)

if ReferenceArgon2id is not None:

    @settings(max_examples=60, deadline=None)
    @given(passphrase=st.text(max_size=40), salt=st.binary(min_size=SALT_BYTES, max_size=SALT_BYTES), params=_params)
    def test_same_key_as_cryptography_argon2id(passphrase, salt, params):
        reference = ReferenceArgon2id(
            salt=salt,
            length=32,
            iterations=params.iterations,
            lanes=params.lanes,
            memory_cost=params.memory_kib,
        ).derive(passphrase.encode("utf-8"))
        assert derive_passphrase_key(SecretText(passphrase), salt, params) == reference

else:

    def test_this_cryptography_has_no_argon2id():
        # The phone set: the reference is absent because cryptography is older than 44, not
        # because something went wrong; the recorded answers above stand in for it.
        assert Version(cryptography.__version__) < Version("44")
