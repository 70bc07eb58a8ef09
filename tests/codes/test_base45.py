"""Base45 against the examples of RFC 9285, and its rejection of malformed text."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from infocards.codes.base45 import ALPHABET, b45decode, b45encode
from infocards.errors import InvalidCode


@pytest.mark.parametrize(
    ("raw", "encoded"),
    [(b"AB", "BB8"), (b"Hello!!", "%69 VD92EX0"), (b"base-45", "UJCLQE7W581"), (b"ietf!", "QED8WEX0")],
)
def test_rfc_9285_examples(raw, encoded):
    assert b45encode(raw) == encoded
    assert b45decode(encoded) == raw


@given(st.binary(max_size=300))
def test_round_trip_uses_only_qr_alphanumeric_characters(data):
    text = b45encode(data)
    assert set(text) <= set(ALPHABET)
    assert b45decode(text) == data


@pytest.mark.parametrize("bad", ["GGW", "a", "ZZ", "BB8B", "BB8!"])
def test_malformed_text_is_invalid(bad):
    with pytest.raises(InvalidCode):
        b45decode(bad)
