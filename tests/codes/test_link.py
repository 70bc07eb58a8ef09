"""Codes as links (FORMAT.md §7): digits <-> bytes, link <-> text form, and the link's QR code
as real decoders and the symbol's own bit stream read it."""

from __future__ import annotations

import json
import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infocards.codes.link import (
    CHUNK_DIGITS,
    LAST_CHUNK_DIGITS,
    bytes_to_digits,
    code_to_digits,
    code_to_link,
    digits_to_bytes,
    link_to_code,
)
from infocards.codes.qr_in import available_backends, decode_image
from infocards.codes.qr_out import MAX_VERSION, fits, png_bytes, qr_segments, qr_version
from infocards.errors import InvalidCode, NotInfocardsCode, Reason
from infocards.reader.read import read_text
from tests.codes.vectors import VECTOR_DIR
from tests.qr_segments import read_segments
from tests.qr_symbol import read_symbol

URL_23 = "https://rygkort.dk/laes"
URL_40 = "https://laes.rygkort.region-midtjylland.dk/"[:40]


def _vector(name: str) -> dict:
    return json.loads((VECTOR_DIR / f"{name}.json").read_text(encoding="utf-8"))


def _refusal(digits: str) -> str | None:
    try:
        digits_to_bytes(digits)
    except InvalidCode as exc:
        return exc.params["reason"]
    return None


def test_the_chunk_widths_are_the_fewest_digits_that_hold_every_value():
    assert CHUNK_DIGITS == math.ceil(8 * 7 * math.log10(2)) == len(str(256**7 - 1))
    assert LAST_CHUNK_DIGITS == {k: math.ceil(8 * k * math.log10(2)) for k in range(1, 7)}
    assert all(len(str(256**k - 1)) == width for k, width in LAST_CHUNK_DIGITS.items())


def test_known_digits():
    assert bytes_to_digits(b"") == ""
    assert bytes_to_digits(b"\x00") == "000"
    assert bytes_to_digits(b"\xff") == "255"
    assert bytes_to_digits(b"\x01\x00") == "00256"
    assert bytes_to_digits(b"\xff" * 7) == "72057594037927935"
    assert bytes_to_digits(b"\x00" * 7 + b"\x01") == "0" * 17 + "001"
    assert digits_to_bytes("72057594037927935" + "00256") == b"\xff" * 7 + b"\x01\x00"


@pytest.mark.parametrize("length", [1, 2, 4, 6, 7, 9, 11, 12, 14, 16, 18, 21])
def test_a_length_no_byte_string_has_is_refused(length):
    assert _refusal("0" * length) == Reason.DIGITS_LENGTH


@pytest.mark.parametrize("digits", ["256", "65536", "16777216", "72057594037927936", "0" * 17 + "999",
                                    "99999999999999999", "281474976710656"])
def test_a_chunk_too_large_for_its_bytes_is_refused(digits):
    assert _refusal(digits) == Reason.DIGITS_OVERFLOW


def test_every_length_from_0_to_800_round_trips():
    rnd = random.Random(16)
    for length in range(801):
        data = bytes(rnd.getrandbits(8) for _ in range(length))
        digits = bytes_to_digits(data)
        assert len(digits) == 17 * (length // 7) + (LAST_CHUNK_DIGITS.get(length % 7, 0))
        assert (digits.isascii() and digits.isdigit()) or digits == ""
        assert digits_to_bytes(digits) == data


@settings(max_examples=300, deadline=None)
@given(data=st.binary(min_size=0, max_size=800), spot=st.integers(min_value=0), new=st.integers(1, 9))
def test_digits_round_trip_and_a_changed_digit_changes_the_bytes_or_is_refused(data, spot, new):
    digits = bytes_to_digits(data)
    assert digits_to_bytes(digits) == data
    if not digits:
        return
    position = spot % len(digits)
    changed = digits[:position] + str((int(digits[position]) + new) % 10) + digits[position + 1 :]
    assert changed != digits
    try:
        assert digits_to_bytes(changed) != data
    except InvalidCode as exc:
        assert exc.params["reason"] == Reason.DIGITS_OVERFLOW


@pytest.mark.parametrize("name, kind", [("format-ic1", "101"), ("format-ic2-without-notes", "102"),
                                        ("note-unbound", "201")])
def test_a_link_spells_the_text_form_and_reads_the_same(name, kind):
    vector = _vector(name)
    code = vector["stages"]["code"]
    link = code_to_link(code, URL_23)
    assert link.startswith(URL_23 + "#" + kind)
    assert link_to_code(link) == code
    assert code_to_digits(code) == link.partition("#")[2]
    from datetime import datetime

    clock = datetime.fromisoformat(vector["clock"])
    assert read_text(link, clock).status == read_text(code, clock).status == "valid"


def test_scheme_and_host_are_written_in_lowercase_and_the_path_as_given():
    code = _vector("format-ic1")["stages"]["code"]
    link = code_to_link(code, "HTTPS://Laes.Example.DK:8443/Rygkort/")
    assert link.startswith("https://laes.example.dk:8443/Rygkort/#101")
    # A reader takes any case of the scheme and any address: only the fragment is the code.
    assert link_to_code("HtTpS://ANY.where/x?y=1#" + link.partition("#")[2]) == code


@pytest.mark.parametrize("text", ["https://example.com/#abc", "https://example.com/#", "https://example.com/#12",
                                  "https://example.com/#301123", "https://example.com/#101 ", "http://x/#\u0661\u0660\u0661",
                                  "https://example.com/#101#101", "https://example.com/#+101"])
def test_a_link_whose_fragment_is_no_code_is_not_infocards(text):
    with pytest.raises(NotInfocardsCode):
        link_to_code(text)
    assert read_text(text).status == "not_infocards"


@pytest.mark.parametrize("text", ["IC1:ABC", "https://example.com/", "ftp://x/#101", "www.example.com/#101"])
def test_text_that_is_no_link_is_left_to_the_text_rules(text):
    assert link_to_code(text) is None


def test_refused_digits_give_their_reason_word_through_the_reader():
    assert read_text(URL_23 + "#1011").error.params["reason"] == "digits length"
    assert read_text(URL_23 + "#101256").error.params["reason"] == "digits overflow"
    assert read_text(URL_23 + "#100000").status == "invalid"  # IC0: the text rules refuse it


def test_a_link_qr_is_a_byte_segment_then_a_numeric_segment_and_decodes_to_the_link():
    code = _vector("reference-course")["stages"]["code"]
    link = code_to_link(code, "https://Rygkort.DK/Laes")
    png = png_bytes(link)
    digits = link.partition("#")[2]
    assert read_segments(png) == [("byte", "https://rygkort.dk/Laes#"), ("numeric", digits)]
    symbol = read_symbol(png)
    assert symbol.text == link and symbol.ec_level == "M" and symbol.version <= MAX_VERSION
    for backend in available_backends():  # zxing-cpp and OpenCV where installed (OpenCV always)
        import io

        from PIL import Image

        assert decode_image(Image.open(io.BytesIO(png)), backend=backend) == [link], backend
    assert "opencv" in available_backends()


def test_a_text_form_qr_stays_one_alphanumeric_segment():
    code = _vector("format-ic1")["stages"]["code"]
    assert read_segments(png_bytes(code)) == [("alphanumeric", code)]
    assert [mode for mode, _ in qr_segments("https://example.com/#abc")] == [4]  # a foreign link: bytes


@pytest.mark.parametrize("url", [URL_23, URL_40, "https://x.dk/" + "a" * 27])
def test_the_reference_course_as_a_link_of_up_to_40_characters_stays_at_version_20_or_less(url):
    assert len(URL_40) == 40 and len(URL_23) == 23
    code = _vector("reference-course")["stages"]["code"]
    link = code_to_link(code, url)
    symbol = read_symbol(png_bytes(link))  # the version of the real symbol, read back by the decoder
    assert symbol.text == link
    assert symbol.version <= 20, (len(url), symbol.version)
    assert qr_version(link) == symbol.version and fits(link, 20)


def test_fits_and_excess_agree_with_the_version_a_real_qr_needs():
    from infocards.codes.qr_out import excess_characters, max_code_length

    code = _vector("reference-course")["stages"]["code"]
    link = code_to_link(code, URL_40)
    assert fits(link, 20) and not fits(link, 19) and qr_version(link) == 20
    assert excess_characters(link, 20) == 0 and excess_characters(link, 19) > 0
    long = code_to_link("IC1:" + "0" * (max_code_length() + 300), URL_23)  # base45 of some 800 bytes
    assert not fits(long) and excess_characters(long) > 0 and qr_version(long) > MAX_VERSION
    text = "A" * max_code_length()
    assert fits(text) and not fits(text + "A") and excess_characters(text + "AAAA") == 4
