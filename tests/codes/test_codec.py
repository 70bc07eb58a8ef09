"""The code format: round trips, compactness, and that any change to a code is caught."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from infocards import vocab
from infocards.codes.base45 import ALPHABET
from infocards.codes.sections import SECTION_KEYS
from infocards.codes.signing import SigningKey, fingerprint
from infocards.codes.summary_code import PREFIX, make_code, open_code
from infocards.errors import InvalidCode, NotInfocardsCode
from infocards.reader.read import read_text
from infocards.share.summary import build_summary
from tests.qr_symbol import symbol_of
from tests.share.strategies import profiles, records

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
KEY = SigningKey(bytes(range(32)))


def _code(summary, key=KEY, issued=NOW, lifetime=timedelta(minutes=30)):
    return make_code(summary, key, issued, issued + lifetime)


# No deadline: the first example pays for imports and zlib set-up, which under a loaded machine
# took 255 ms once; this test is about round trips, bench/qr.py measures speed.
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    profile=profiles,
    recs=st.lists(records, max_size=12),
    sections=st.sets(st.sampled_from(SECTION_KEYS)),
    to_role=st.none() | st.sampled_from(vocab.ROLES),
    issued=st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)),
    lifetime=st.integers(1, 400 * 86400),
)
def test_any_valid_summary_round_trips(profile, recs, sections, to_role, issued, lifetime):
    summary = build_summary(profile, recs, sections, to_role=to_role)
    issued = issued.replace(microsecond=0)
    code = _code(summary, issued=issued, lifetime=timedelta(seconds=lifetime))
    assert code.startswith(PREFIX)
    assert set(code[len(PREFIX) :]) <= set(ALPHABET)
    opened = open_code(code)
    assert opened.summary == summary
    assert opened.issued_at == issued
    assert opened.expires_at == issued + timedelta(seconds=lifetime)
    assert opened.public_key == KEY.public_bytes


def test_reference_course_all_sections_round_trips_within_version_20(share_course, share_seed):
    summary = build_summary(share_course["profile"], share_course["records"])
    assert sum(len(v) for v in summary.entries.values()) >= len(share_course["records"])  # nothing lost on the way
    code = _code(summary, key=SigningKey(share_seed))
    assert open_code(code).summary == summary
    symbol = symbol_of(code)  # read back from the PNG the app shows
    assert symbol.version <= 20 and symbol.ec_level == "M"


def test_period_travels_with_what_was_current_in_it(share_course):
    # A period selects what was current in it (tests/share/test_summary.py has the rules): the
    # visits and findings of the period, and what began earlier but still ran in it.
    summary = build_summary(share_course["profile"], share_course["records"], period=(date(2026, 10, 1), None))
    events = [e["date"] for key in ("red_flags", "findings", "imaging", "involved") for e in summary.entries[key]
              if e["date"] and not e.get("code")]
    assert events and min(events) >= "2026-10-01"
    opened = open_code(_code(summary)).summary
    assert opened.period == ("2026-10-01", None)
    assert opened.entries == summary.entries


def test_name_and_birth_date_travel(share_course):
    opened = open_code(_code(build_summary(share_course["profile"], share_course["records"], ["work"])))
    assert (opened.summary.name, opened.summary.birth_date) == (
        share_course["profile"]["name"],
        share_course["profile"]["birth_date"],
    )


# Digits that \d matches outside ASCII: Arabic-Indic one, fullwidth one, Devanagari one.
OTHER_DIGITS = ("\u0661", "\uff11", "\u0967")


def test_every_single_character_change_is_rejected(share_course):
    code = _code(build_summary(share_course["profile"], share_course["records"]))
    original = open_code(code).summary
    checked = 0
    for position, char in enumerate(code):
        index = ALPHABET.index(char) if char in ALPHABET else 0
        if position < len(PREFIX):  # the prefix: every other base45 character, and other scripts' digits
            candidates = {*ALPHABET, *OTHER_DIGITS, "c", "i"}
        else:
            candidates = {ALPHABET[(index + 1) % 45], ALPHABET[(index + 22) % 45], "0", "Z", OTHER_DIGITS[0]}
        for replacement in candidates - {char}:
            changed = code[:position] + replacement + code[position + 1 :]
            result = read_text(changed, now=NOW)
            assert result.summary is None, (position, replacement)
            if position >= len(PREFIX):
                assert result.status == "invalid", (position, replacement)
            else:
                assert result.status in ("invalid", "not_infocards"), (position, replacement)
            checked += 1
    assert checked > 4 * len(code)
    assert open_code(code).summary == original


@pytest.mark.parametrize("prefix", ["IC01:", "IC001:", "IC\u0661:", "IC\uff11:", "IC1\u0660:", "IC+1:", "IC 1:"])
def test_only_the_exact_prefix_reads(share_course, prefix):
    code = _code(build_summary(share_course["profile"], share_course["records"], ["work"]))
    assert open_code(code).summary.sections == ("work",)
    result = read_text(prefix + code[len(PREFIX) :], now=NOW)
    assert result.summary is None
    assert result.status in ("invalid", "not_infocards")


@pytest.mark.parametrize("prefix", ["IC01:", "IC001:", "IC\u0661:"])
def test_a_prefix_naming_our_version_in_another_form_is_invalid(share_course, prefix):
    code = _code(build_summary(share_course["profile"], share_course["records"], ["work"]))
    with pytest.raises(InvalidCode) as caught:
        open_code(prefix + code[len(PREFIX) :])
    assert "newer infocards" not in caught.value.message("en")


def test_dropped_or_added_characters_are_invalid(share_course):
    code = _code(build_summary(share_course["profile"], share_course["records"]))
    for changed in (code[:-1], code[:-2], code + "0", code[:100] + code[101:], code[: len(PREFIX) + 3]):
        with pytest.raises(InvalidCode):
            open_code(changed)


def test_a_code_signed_with_another_key_shows_another_fingerprint(share_course):
    summary = build_summary(share_course["profile"], share_course["records"], ["work"])
    other = SigningKey(bytes(32))
    first, second = read_text(_code(summary), now=NOW), read_text(_code(summary, key=other), now=NOW)
    assert first.fingerprint == fingerprint(KEY.public_bytes) != second.fingerprint
    assert read_text(_code(summary), now=NOW).fingerprint == first.fingerprint  # recognised next time


def test_swapping_in_another_key_breaks_the_signature(share_course):
    from infocards.codes.base45 import b45decode, b45encode

    summary = build_summary(share_course["profile"], share_course["records"], ["work"])
    raw = bytearray(b45decode(_code(summary)[len(PREFIX) :]))
    other = SigningKey(bytes(32)).public_bytes
    start = raw.index(KEY.public_bytes)
    raw[start : start + 32] = other
    with pytest.raises(InvalidCode):
        open_code(PREFIX + b45encode(bytes(raw)))


@pytest.mark.parametrize(
    "text",
    ["https://example.com/a?b=c", "hello world", "HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N", "", "ic1:abc"],
)
def test_foreign_text_is_not_infocards(text):
    with pytest.raises(NotInfocardsCode):
        open_code(text)


def test_a_newer_format_version_is_named(share_course):
    code = _code(build_summary(share_course["profile"], share_course["records"], ["work"]))
    with pytest.raises(InvalidCode) as caught:
        open_code("IC3:" + code[len(PREFIX) :])
    assert "newer infocards" in caught.value.message("en")


def test_times_must_be_timezone_aware_and_in_order(share_course):
    summary = build_summary(share_course["profile"], share_course["records"], ["work"])
    with pytest.raises(ValueError, match="timezone"):
        make_code(summary, KEY, datetime(2026, 1, 1), datetime(2026, 1, 2))
    with pytest.raises(ValueError, match="expire"):
        make_code(summary, KEY, NOW, NOW)


def test_the_seed_never_shows(share_seed):
    key = SigningKey(share_seed)
    assert share_seed.hex() not in repr(key)
    assert "redacted" in repr(key)


@settings(max_examples=300)
@given(st.text(alphabet=ALPHABET, max_size=400))
def test_random_base45_after_the_prefix_is_invalid_never_a_crash(tail):
    assert read_text(PREFIX + tail, now=NOW).status == "invalid"


# What a forger signs: mostly a real summary's body with a text rewritten or a byte or two
# changed, cut or added (so that the reader gets far enough to build a summary from it), sometimes
# plain garbage. A rewritten text keeps the body readable; the other changes mostly do not.
_edits = st.lists(
    st.tuples(st.sampled_from(["text"] * 8 + ["set", "insert", "delete", "cut"]),
              st.floats(0, 1, exclude_max=True), st.integers(0, 255), st.text(max_size=20)),
    min_size=1,
    max_size=1,
)


@st.composite
def _forged_bodies(draw) -> tuple[str, bytes]:
    from infocards.codes.summary_code import encode_body

    if draw(st.sampled_from([False] * 9 + [True])):
        return "garbage", draw(st.binary(max_size=300))
    summary = build_summary(draw(profiles), draw(st.lists(records, min_size=1, max_size=6)),
                            draw(st.sets(st.sampled_from(SECTION_KEYS), min_size=1)))
    body = bytes(encode_body(summary, NOW.date().toordinal()))
    # The texts as the body holds them: UTF-8, each ended by a NUL.
    texts = [summary.name, *(value for entries in summary.entries.values() for entry in entries
                             for value in entry.values() if isinstance(value, str))]
    texts = [text.encode() + b"\0" for text in texts if text and text.encode() + b"\0" in body]
    for kind, where, value, new_text in draw(_edits):
        at = int(where * len(body))
        if kind == "text" and texts:
            old = texts[int(where * len(texts))]
            body = body.replace(old, new_text.replace("\0", "").encode() + b"\0", 1)
        elif kind == "set" and body:
            body = body[:at] + bytes([value]) + body[at + 1 :]
        elif kind == "insert":
            body = body[:at] + bytes([value]) + body[at:]
        elif kind == "delete" and body:
            body = body[:at] + body[at + 1 :]
        elif kind == "cut":
            body = body[:at]
    return "edited summary", body


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forged=_forged_bodies(), packed=st.sampled_from([True] * 9 + [False]), lifetime=st.integers(0, 2**35 - 1))
def test_garbage_signed_by_its_own_key_is_invalid_never_a_crash(forged, packed, lifetime):
    """Anyone can sign anything (the key travels in the code): the body must still be checked."""
    from infocards.codes.base45 import b45encode
    from infocards.codes.binary import ByteWriter
    from infocards.codes.summary_code import FORMAT_VERSION, compress

    origin, body = forged
    out = ByteWriter()
    out.raw(bytes([FORMAT_VERSION]) + int(NOW.timestamp()).to_bytes(4, "big"))
    out.uint(lifetime)
    out.raw(KEY.public_bytes)
    out.raw(compress(body) if packed else body)
    signed = out.getvalue()
    code = PREFIX + b45encode(signed + KEY.sign(PREFIX.encode() + signed))
    try:
        opened = open_code(code)
    except InvalidCode as exc:
        event(f"{origin}: refused as invalid ({exc.params.get('reason', 'other')})")
        return
    event(f"{origin}: opened, checked as well formed")
    # A body that parses must be a well-formed summary: known sections and words, one that the
    # writer can write again and that then reads back the same.
    summary = opened.summary
    assert set(summary.sections) <= set(SECTION_KEYS)
    assert set(summary.entries) <= set(SECTION_KEYS)
    for key in summary.sections:
        for entry in summary.entries[key]:
            assert entry["source"] in vocab.SOURCES
    assert open_code(_code(summary)).summary == summary


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_damaged_body_signed_anew_is_invalid_or_well_formed(share_course, data):
    # share_course is only read here, so sharing it between examples is safe
    from infocards.codes.base45 import b45encode
    from infocards.codes.binary import ByteWriter
    from infocards.codes.summary_code import FORMAT_VERSION, compress, encode_body

    summary = build_summary(share_course["profile"], share_course["records"])
    body = bytearray(encode_body(summary, NOW.date().toordinal()))
    for _ in range(data.draw(st.integers(1, 4))):
        body[data.draw(st.integers(0, len(body) - 1))] = data.draw(st.integers(0, 255))
    out = ByteWriter()
    out.raw(bytes([FORMAT_VERSION]) + int(NOW.timestamp()).to_bytes(4, "big"))
    out.uint(60)
    out.raw(KEY.public_bytes)
    out.raw(compress(bytes(body)))
    signed = out.getvalue()
    try:
        opened = open_code(PREFIX + b45encode(signed + KEY.sign(PREFIX.encode() + signed)))
    except InvalidCode:
        return
    for key in opened.summary.sections:
        for entry in opened.summary.entries[key]:
            assert entry["source"] in vocab.SOURCES
