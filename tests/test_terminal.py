"""Text from codes, wallets and cards cannot drive the terminal it is printed on."""

from hypothesis import given
from hypothesis import strategies as st

from infocards.terminal import REPLACEMENT, clean, clean_line

ATTACK = "Anna\x1b[2J\x1b[H\x1b[32mStatus: Valid\x1b[0m\rKey: AAAA\u202eevil\u2066x\u2069\x9b31m"


def test_escape_sequences_and_bidi_overrides_are_replaced():
    out = clean_line(ATTACK)
    assert "\x1b" not in out and "\r" not in out and "\x9b" not in out
    assert "\u202e" not in out and "\u2066" not in out and "\u2069" not in out
    assert out.startswith("Anna" + REPLACEMENT)
    assert "\n" not in out


def test_clean_keeps_line_breaks_but_nothing_else():
    assert clean("one\r\ntwo\x07") == "one\ntwo" + REPLACEMENT


def test_danish_text_is_unchanged():
    text = "Ømme lænd, æbler og Åkirkeby: 5 mg × 2 — “citat”"
    assert clean(text) == text
    assert clean_line(text) == text


@given(st.text())
def test_no_control_or_bidi_character_survives(text):
    for out in (clean(text), clean_line(text)):
        for char in out:
            code = ord(char)
            assert code >= 0x20 or char == "\n"
            assert not (0x7F <= code <= 0x9F)
            assert not (0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069)
    assert "\n" not in clean_line(text)
