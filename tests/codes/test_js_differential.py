"""The two readers agree: codes written by Python (hypothesis), read by Python and by the JavaScript
reader (one Node process for the whole test, fed JSON lines), and one changed character (or digit
of a link) of each is refused by both; a vector's body changed byte by byte and signed again is
refused by both for the same reason (or read alike).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from infocards import vocab
from infocards.codes.base45 import ALPHABET, b45encode
from infocards.codes.binary import ByteWriter
from infocards.codes.link import code_to_link
from infocards.codes.note_code import Binding, make_note, make_note_code
from infocards.codes.packing import compress
from infocards.codes.record_codec import normalise_note_record
from infocards.codes.sections import SECTION_KEYS
from infocards.codes.signing import SigningKey
from infocards.content.trust import TrustList
from infocards.errors import InvalidRecord
from infocards.names import is_good_name, is_good_signer_field
from infocards.reader.read import read_text
from infocards.reader.signed_view import note_json
from infocards.reader.view import build_view
from infocards.share.carry import WalletNote, select_notes, split_records, stored_records
from infocards.share.fit import fit_code
from infocards.share.summary import build_summary
from tests.codes.vector_stages import failing_stage
from tests.share.strategies import days, records, roles

ROOT = Path(__file__).resolve().parents[2]
ISSUED = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
_PRESENTATION = {"status_label", "message", "card_title", "listed", "key_seen", "title", "details", "omitted_note"}
# Names that satisfy the name rules (FORMAT.md 5, S2); the Python reader gets them on branch harden-a.
_SIGNER_SEPARATORS = "\u00b7\u0387\u2022\u2027\u2219\u22c5\u30fb\uff65"
_word = st.text(st.characters(whitelist_categories=("L", "M", "N", "Pd", "Po", "So"),
                              blacklist_characters=_SIGNER_SEPARATORS), min_size=1, max_size=8)
names = st.lists(_word, max_size=3).map(" ".join)


class NodeReader:
    """One Node process reading codes (tests/js/read-lines.mjs), line by line."""

    def __init__(self) -> None:
        node = shutil.which("node")
        assert node is not None, "node is missing: scripts/test.sh installs Debian's nodejs"
        self.process = subprocess.Popen(
            [node, str(ROOT / "tests" / "js" / "read-lines.mjs")], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True, encoding="utf-8",
        )

    def ask(self, request: dict) -> dict:
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the Node reader stopped"
        return json.loads(line)

    def read(self, text: str, now: datetime) -> tuple[dict, str | None]:
        answer = self.ask({"text": text, "now": now.isoformat()})
        return answer["read"], answer["failsAt"]

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def node_reader():
    reader = NodeReader()
    yield reader
    reader.close()


def _shared(value):
    """The read without the reader's own words and memory (what the JavaScript reader leaves out)."""
    if isinstance(value, list):
        return [_shared(item) for item in value]
    if isinstance(value, dict):
        return {k: _shared(v) for k, v in value.items() if k not in _PRESENTATION and not k.endswith("_label")}
    return value


def python_read(text: str, now: datetime) -> dict:
    result = read_text(text, now)
    trust = TrustList() if result.shows_data else None
    data = note_json(result, "en", trust) if result.is_note else build_view(result, "en", None, trust=trust).to_json()
    return _shared(json.loads(json.dumps(data, ensure_ascii=False)))


def _seed(label: str) -> bytes:
    return hashlib.sha256(f"infocards differential {label}".encode()).digest()


def _note_record_ok(record: dict) -> bool:
    try:
        normalise_note_record(record, 1)
    except InvalidRecord:
        return False
    return True


# A professional's records of every type a note holds: required texts not blank, cards card ids.
# Any text a record may hold: line breaks and tabs, but no other control character (records v1).
_chars = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t")
_text = st.text(_chars, min_size=1, max_size=30).filter(lambda s: s.strip())
_blank = st.text(_chars, max_size=20)
_optional = st.none() | _text
_card = st.none() | st.from_regex(r"[a-z0-9][a-z0-9_-]{0,12}", fullmatch=True)
_hours = st.none() | st.integers(0, 80) | st.integers(0, 800).map(lambda n: n / 10)


def _typed(record_type, **fields):
    return st.fixed_dictionaries({"type": st.just(record_type), "date": days, **fields})


_note_record = st.one_of(
    _typed("encounter", role=roles, place=_text, professional=_optional, summary=_text),
    _typed("finding", role=roles, kind=st.sampled_from(vocab.FINDING_KINDS), text=_text, code=_optional, card=_card),
    _typed("referral", from_role=roles, to_role=roles, reason=_text, status=st.sampled_from(vocab.REFERRAL_STATUSES)),
    _typed("treatment", role=roles, what=_text, end=st.none() | days, effect=st.sampled_from(vocab.EFFECTS)),
    _typed("medication", name=_text, dose=_text, end=st.none() | days, effect=st.sampled_from(vocab.EFFECTS)),
    _typed("goal", text=_text, status=st.sampled_from(vocab.GOAL_STATUSES)),
    _typed("work", status=st.sampled_from(vocab.WORK_STATUSES), hours_per_week=_hours, note=_blank),
).filter(_note_record_ok)
note_records = st.lists(_note_record, min_size=1, max_size=4)


def _reading_time(draw, lifetime: int) -> timedelta:
    """When the code is read, after its issue time: mostly while valid, else at or after expiry,
    or before the issue time beyond the clock allowance."""
    when = draw(st.integers(0, 9))  # hypothesis favours 0: the common case first
    if when == 7:
        return timedelta(seconds=-draw(st.integers(301, 3600)))
    if when == 8:
        return timedelta(seconds=lifetime + draw(st.integers(0, 10 * 86400)))
    if when == 9:
        return timedelta(seconds=lifetime)
    return timedelta(seconds=draw(st.integers(-300, lifetime - 1)))


@st.composite
def summaries(draw):
    """(code, reading time): a summary with the patient's records and up to two carried notes."""
    profile = {"name": draw(names), "birth_date": draw(st.none() | days), "gp": draw(st.none() | names),
               "municipality": ""}
    patient = SigningKey(_seed("patient"))
    own = [dict(r, source=draw(st.sampled_from(vocab.SOURCES)))
           for r in draw(st.lists(records | _note_record, max_size=8))]
    received, spoiled = [], set()
    for number in range((1, 2, 0, 1)[draw(st.integers(0, 3))]):
        clinic = SigningKey(_seed(f"clinic-{number}"))
        items = [normalise_note_record(r, i) for i, r in enumerate(draw(note_records), start=1)]
        binding = None
        bound = draw(st.sampled_from(["anyone", "this patient", "another patient"]))
        if bound != "anyone":
            other = bound == "another patient"
            binding = Binding.of(profile["name"] + ("x" if other else ""), profile["birth_date"], patient.public_bytes)
        signer = (draw(names), draw(roles), draw(names))
        issued = ISSUED - timedelta(days=draw(st.integers(0, 60)), seconds=draw(st.integers(0, 86399)))
        note = make_note(clinic, signer, items, issued, timedelta(days=draw(st.integers(1, 30))), binding)
        stored = stored_records(note, lambda index, n=number: f"p{n}-{index}")
        if stored and draw(st.booleans()):  # the patient edits one entry: it travels as "changed"
            position = draw(st.integers(0, len(stored) - 1))
            stored[position] = {**stored[position], "date": "2026-11-30"}
        if draw(st.integers(0, 4)) == 0:
            spoiled.add(note.core.signed_bytes())
        received += stored
    sections = SECTION_KEYS if draw(st.booleans()) else tuple(draw(st.sets(st.sampled_from(SECTION_KEYS))))
    period = draw(st.just((None, None)) | st.tuples(st.none() | days, st.none() | days))
    to_role = draw(st.none() | roles)
    lifetime = timedelta(seconds=draw(st.integers(60, 30 * 86400)))
    # issue_from_records, with one step more: a note whose clinic signature is spoiled before carrying
    mine, notes = split_records([*own, *received], profile, patient.public_bytes)
    notes = [WalletNote(n.core, bytes([n.signature[0] ^ 1]) + n.signature[1:], n.entries)
             if n.core.signed_bytes() in spoiled else n for n in notes]
    signed = [record for note in notes for _, record in note.entries.values()]
    summary = build_summary(profile, mine, sections, period=period, to_role=to_role, alongside=signed)
    summary = replace(summary, notes=select_notes(notes, summary.sections, summary.period, alongside=mine))
    code = fit_code(summary, patient, ISSUED, ISSUED + lifetime).text
    return code, ISSUED + _reading_time(draw, int(lifetime.total_seconds()))


@st.composite
def notes(draw):
    """(code, reading time): a professional's note, IN1, bound or for anyone."""
    clinic = SigningKey(_seed("clinic"))
    items = [normalise_note_record(r, i) for i, r in enumerate(draw(note_records), start=1)]
    binding = None
    if draw(st.booleans()):
        binding = Binding.of(draw(names), draw(st.none() | days), SigningKey(_seed("patient")).public_bytes)
    lifetime = timedelta(seconds=draw(st.integers(1, 30 * 86400)))
    note = make_note(clinic, (draw(names), draw(roles), draw(names)), items, ISSUED, lifetime, binding)
    return make_note_code(note, clinic), ISSUED + _reading_time(draw, int(lifetime.total_seconds()))


def as_link(code: str) -> str:
    return code_to_link(code, "https://infocards.example.dk/laes/")


def _agree(node_reader, text: str, now: datetime) -> dict:
    expected = python_read(text, now)
    got, fails_at = node_reader.read(text, now)
    assert got == expected
    assert fails_at == failing_stage(text, now)[0]
    return got


def _one_changed(code: str, data) -> str:
    position = data.draw(st.integers(4, len(code) - 1), label="position")
    choices = [char for char in ALPHABET if char != code[position]]
    return code[:position] + data.draw(st.sampled_from(choices), label="character") + code[position + 1 :]


def _check(node_reader, code: str, now: datetime, data) -> None:
    read = _agree(node_reader, code, now)
    assert read["status"] in ("valid", "expired", "invalid")
    event(f"{code[:3]} {read['status']} {read.get('reason')}")
    for entries in read.get("sections", {}).values():
        for entry in entries:
            if "signer" in entry:
                event(f"carried entry, verified {entry['signer']['verified']}")
    link = as_link(code)
    assert _agree(node_reader, link, now) == read
    changed = _one_changed(code, data)
    assert _agree(node_reader, changed, now)["status"] == "invalid"
    position = data.draw(st.integers(link.index("#") + 4, len(link) - 1), label="digit")
    digit = data.draw(st.sampled_from([d for d in "0123456789" if d != link[position]]), label="new digit")
    assert _agree(node_reader, link[:position] + digit + link[position + 1 :], now)["status"] == "invalid"


_SETTINGS = settings(max_examples=80, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                            HealthCheck.data_too_large])


@_SETTINGS
@given(case=summaries(), data=st.data())
def test_python_and_javascript_read_any_summary_alike(node_reader, case, data):
    code, now = case
    _check(node_reader, code, now, data)


@_SETTINGS
@given(case=notes(), data=st.data())
def test_python_and_javascript_read_any_note_alike(node_reader, case, data):
    code, now = case
    _check(node_reader, code, now, data)



# -- changes that keep the signature: the body read byte by byte by both readers -------------------

_VECTORS = sorted((ROOT / "docs" / "format" / "vectors").glob("*.json"))
_BASES = [
    vector for vector in (json.loads(path.read_text("utf-8")) for path in _VECTORS)
    if vector["expected"]["status"] == "valid" and vector["stages"]["code"].startswith("I")
]


def _resigned(vector: dict, body: bytes, raw: bytes | None) -> str:
    """The vector's code with another body (and raw part), deflated and signed again by its key."""
    stages = vector["stages"]
    prefix = stages["prefix"]
    signer = "clinic-1" if prefix == "IN1:" else "patient"
    key = SigningKey(bytes.fromhex(vector["keys"][signer]["seed_hex"]))
    out = ByteWriter()
    out.raw(bytes.fromhex(stages["header_hex"]))
    if raw is not None:
        out.uint(len(raw))
        out.raw(raw)
    out.raw(compress(body))
    if prefix == "IN1:":
        out.raw(bytes.fromhex(stages["core_signature_hex"]))
    signed = out.getvalue()
    return prefix + b45encode(signed + key.sign(prefix.encode("ascii") + signed))


def _edit(data: bytes, edits) -> bytes:
    out = bytearray(data)
    for operation, position, value in edits:
        at = position % (len(out) + 1)
        if operation == "insert" or not out:
            out.insert(at, value)
        elif operation == "delete":
            del out[min(at, len(out) - 1)]
        else:
            out[min(at, len(out) - 1)] = value
    return bytes(out)


_edits = st.lists(st.tuples(st.sampled_from(["set", "insert", "delete"]), st.integers(0, 4000),
                            st.integers(0, 255)), min_size=1, max_size=3)


@settings(_SETTINGS, max_examples=150)
@given(base=st.sampled_from(_BASES), body_edits=_edits, raw_edits=st.none() | _edits)
def test_a_changed_body_signed_again_is_read_alike(node_reader, base, body_edits, raw_edits):
    """Past the signature only the body's own rules refuse: both readers give the same reason."""
    stages = base["stages"]
    raw = bytes.fromhex(stages["raw_hex"]) if "raw_hex" in stages else None
    if raw is not None and raw_edits is not None:
        raw = _edit(raw, raw_edits)
    code = _resigned(base, _edit(bytes.fromhex(stages["body_hex"]), body_edits), raw)
    now = datetime.fromisoformat(base["clock"])
    read = _agree(node_reader, code, now)
    event(f"{code[:3]} {read['status']} {read.get('reason')}")


def test_the_text_is_cleaned_and_its_prefix_read_alike(node_reader):
    """Python's whitespace (str.isspace) before a code, line ends after it, look-alike digits."""
    vector = next(v for v in _BASES if v["name"] == "format-ic1")
    code, now = vector["stages"]["code"], datetime.fromisoformat(vector["clock"])
    spaces = [chr(c) for c in range(0x3001) if chr(c).isspace()]
    others = ["\ufeff", "\u180e", "\u200b", "\u2060", "\x00", "\x7f"]
    texts = [char + code for char in spaces + others]
    texts += [code + char for char in [*spaces, *others, "\r\n", "\n\t\x00"]]
    # Arabic-Indic, fullwidth, Devanagari, mathematical digits; Kawi and Nag Mundari (digits since Unicode 15)
    digits = ["\u0661", "\uff11", "\u0967", "\U0001d7cf", "\U00011f51", "\U0001e4f1", "01", "001", "0001", "\u00b9"]
    texts += [code.replace("1", digit, 1) for digit in digits]
    texts += [code.replace("IC", "IN", 1), "", " ", "IC", "IC1", "IC1:", "IN1:", "https://x.example/#"]
    statuses = set()
    for text in texts:
        statuses.add(_agree(node_reader, text, now)["status"])
    assert statuses == {"valid", "invalid", "not_infocards"}


_name_chars = st.characters(blacklist_categories=("Cs",)) | st.sampled_from(" \u00a0\u200b\u202e\u2028\u00b7\u30fb\t")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(_name_chars, max_size=110) | st.text(_name_chars, min_size=95, max_size=105))
def test_the_name_rule_is_the_same(node_reader, name):
    """names.is_good_name and is_good_signer_field against the JavaScript reader's nameIsAcceptable
    (whose table of characters comes from this Python's Unicode database, not Node's)."""
    answer = node_reader.ask({"name": name})
    event(f"patient {answer['patient']}, signer {answer['signer']}")
    assert answer == {"patient": is_good_name(name), "signer": is_good_signer_field(name)}


def test_the_name_rule_is_the_same_where_unicode_versions_differ(node_reader):
    """Characters whose category a newer Unicode changed (Egyptian hieroglyph format controls,
    Cf since Unicode 15) and the ends of the table's ranges: Node's own Unicode does not decide."""
    points = [0x13439, 0x1343F, 0x13440, 0x1BCA0, 0x1BCA3, 0xE0001, 0xE0020, 0xE007F, 0x0890, 0x08E2, 0x180E,
              0x061C, 0x110BD, 0x110CD, 0x1D173, 0x1D17A, 0x2064, 0x2065, 0x206F, 0xFFF9, 0xFFFB, 0xFFFC]
    for point in points:
        name = f"Anna{chr(point)}Jensen"
        assert node_reader.ask({"name": name}) == {"patient": is_good_name(name),
                                                  "signer": is_good_signer_field(name)}, hex(point)
