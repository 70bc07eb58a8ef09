"""Text from codes, wallets and cards cannot drive the terminal it is printed on."""

from hypothesis import event, given, settings
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


# Written out here, not taken from infocards.terminal: the bidi embeddings, overrides and isolates,
# the implicit marks, and the line breaks a terminal or Python splits lines at.
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
CONTROLS = "".join(map(chr, [*range(0x20), *range(0x7F, 0xA0)]))
BREAKS = "\r\n\u2028\u2029\x85"
# Text as an attacker writes it: ordinary characters (Danish, Arabic, emoji) with bidi and control
# characters mixed in, so that nearly every example holds what the test is about.
_hostile = st.lists(
    st.one_of(st.sampled_from(BIDI), st.sampled_from([*CONTROLS, *BREAKS, "\r\n", "\x1b[2J"]),
              st.characters(), st.characters()),
    max_size=40,
).map("".join)


def _unsafe(char: str) -> bool:
    code = ord(char)
    return char in BIDI or code < 0x20 or 0x7F <= code <= 0x9F


@settings(max_examples=500)
@given(_hostile)
def test_no_control_or_bidi_character_survives(text):
    event("holds a bidi character" if any(c in BIDI for c in text) else "no bidi character")
    event("holds a control character" if any(c in CONTROLS for c in text) else "no control character")
    for out in (clean(text), clean_line(text)):
        assert [c for c in out if _unsafe(c) and c != "\n"] == []
    assert "\n" not in clean_line(text)
    # Replaced, never dropped: a reader sees that something was there. Line breaks and tabs
    # become spaces on one line; every other unsafe character becomes one replacement mark.
    replaced = sum(1 for c in text if _unsafe(c) and c not in BREAKS + "\t")
    assert clean_line(text).count(REPLACEMENT) == text.count(REPLACEMENT) + replaced
    safe = [c for c in text if not _unsafe(c) and c not in BREAKS + REPLACEMENT]
    assert [c for c in clean_line(text) if c not in " " + REPLACEMENT] == [c for c in safe if c != " "]
