"""Professionals' notes: the note code, notes carried in summaries, subsets, edits, lifetimes, fingerprints."""

import os
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infocards.codes.base45 import ALPHABET, b45decode
from infocards.codes.note_code import NOTE_PREFIX, make_note, make_note_code, open_note_code
from infocards.codes.packing import decompress
from infocards.codes.record_codec import normalise_note_record
from infocards.codes.sections import SECTION_KEYS
from infocards.codes.signing import SigningKey, fingerprint
from infocards.codes.summary_code import make_code, open_code
from infocards.content.trust import TrustedKey, TrustList
from infocards.errors import InvalidCode, InvalidRecord, NotInfocardsCode
from infocards.notes.receive import entry_ids
from infocards.reader.read import read_text
from infocards.reader.view import build_view
from infocards.share.carry import split_records
from infocards.share.fit import fit_code
from infocards.share.issue import issue_from_records
from infocards.share.summary import build_summary
from tests.qr_symbol import read_symbol, symbol_of
from tests.share.notes import NOTE_RECORDS, NOW, SIGNER, clinic_key, note_for
from tests.share.strategies import records as any_record

LIFETIME = timedelta(minutes=30)


def _stored(note):
    from infocards.share.carry import stored_records

    ids = entry_ids(note)
    return stored_records(note, lambda index: ids[index])


def _share(course, seed, notes=(), sections=SECTION_KEYS, now=NOW, period=(None, None)):
    received = [record for note in notes for record in _stored(note)]
    return issue_from_records(
        course["profile"], [*course["records"], *received], seed, sections, lifetime=LIFETIME, now=now, period=period
    )


# -- the note code -------------------------------------------------------------------------


def _fits_a_note(record: dict) -> bool:
    try:
        normalise_note_record(record, 1)
    except InvalidRecord:
        return False
    return True


# Filtered record by record: about a third of any_record has a blank required field, so a
# filter over whole lists of six threw away so many that Hypothesis's filter_too_much health
# check failed on some seeds (seen with --hypothesis-seed=16).
note_record = any_record.filter(_fits_a_note)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(note_record, min_size=1, max_size=6), bound=st.booleans())
def test_any_note_round_trips(items, bound):
    clean = [normalise_note_record(r, i) for i, r in enumerate(items, 1)]
    key = clinic_key()
    binding = None
    if bound:
        from infocards.codes.note_code import Binding

        binding = Binding.of("Anna Jensen", "1978-03-14", os.urandom(32))
    note = make_note(key, SIGNER, clean, NOW, timedelta(days=7), binding)
    opened = open_note_code(make_note_code(note, key))
    assert opened.records == note.records and opened.core == note.core and opened.salts == note.salts


def test_a_note_has_its_own_prefix_and_is_never_read_as_a_summary(share_course, share_seed):
    _, code = note_for(share_course["profile"], share_seed)
    assert code.startswith(NOTE_PREFIX) and not code.startswith("IC")
    result = read_text(code, now=NOW)
    assert result.is_note and result.summary is None and result.status == "valid"
    with pytest.raises(NotInfocardsCode):  # the summary reader knows no "IN" prefix
        open_code(code)


def test_every_single_character_change_of_a_note_is_rejected(share_course, share_seed):
    _, code = note_for(share_course["profile"], share_seed)
    for position, char in enumerate(code):
        index = ALPHABET.index(char) if char in ALPHABET else 0
        for replacement in {ALPHABET[(index + 1) % 45], ALPHABET[(index + 22) % 45]} - {char}:
            result = read_text(code[:position] + replacement + code[position + 1 :], now=NOW)
            assert result.status in ("invalid", "not_infocards"), (position, replacement)
            assert result.note is None and result.summary is None


def test_a_note_expires_apart_from_invalid(share_course, share_seed):
    _, code = note_for(share_course["profile"], share_seed, lifetime=timedelta(hours=1))
    assert read_text(code, now=NOW + timedelta(minutes=59)).status == "valid"
    late = read_text(code, now=NOW + timedelta(hours=2))
    assert late.status == "expired" and late.exit_code == 3 and late.note is not None


def test_a_note_for_more_than_thirty_days_cannot_be_made():
    with pytest.raises(ValueError):
        make_note(clinic_key(), SIGNER, normalise_records(), NOW, timedelta(days=31))


def normalise_records():
    return [normalise_note_record(r, i) for i, r in enumerate(NOTE_RECORDS, 1)]


# -- the reader's lifetime rule (issue 9, item 11) ------------------------------------------


@pytest.mark.parametrize(
    ("issued", "lifetime", "reason"),
    [
        (NOW, timedelta(days=100_000), "lifetime over 30 days"),  # expires in the 2300s
        (NOW, timedelta(days=30, seconds=1), "lifetime over 30 days"),
        (NOW + timedelta(days=28_000), timedelta(minutes=30), "issued in the future"),  # in 2103
        (NOW + timedelta(minutes=6), timedelta(minutes=30), "issued in the future"),
    ],
)
def test_a_summary_with_an_impossible_lifetime_is_invalid(share_course, issued, lifetime, reason):
    summary = build_summary(share_course["profile"], share_course["records"], ["work"])
    code = make_code(summary, SigningKey(os.urandom(32)), issued, issued + lifetime)
    result = read_text(code, now=NOW)
    assert result.status == "invalid" and result.exit_code == 4 and result.summary is None
    assert build_view(result, "en").to_json()["reason"] == reason


def test_a_little_clock_drift_and_thirty_days_still_read(share_course):
    summary = build_summary(share_course["profile"], share_course["records"], ["work"])
    key = SigningKey(os.urandom(32))
    assert read_text(make_code(summary, key, NOW + timedelta(minutes=4), NOW + timedelta(days=30)), now=NOW).status == (
        "valid"
    )


def test_a_note_with_an_impossible_lifetime_is_invalid(share_course, share_seed):
    note, _ = note_for(share_course["profile"], share_seed)
    key = clinic_key()
    for core in (replace(note.core, lifetime=40 * 86400), replace(note.core, issued=note.core.issued + 86400)):
        forged = replace(note, core=replace(core, signer=replace(core.signer, public_key=key.public_bytes)))
        forged = replace(forged, signature=key.sign(forged.core.signed_bytes()))
        result = read_text(make_note_code(forged, key), now=NOW)
        assert result.status == "invalid", core


# -- fingerprints (issue 9, item 7) ---------------------------------------------------------


def test_fingerprints_carry_80_bits_in_four_groups_for_reading_aloud():
    prints = {fingerprint(os.urandom(32)) for _ in range(200)}
    assert len(prints) == 200
    for text in prints:
        assert re.fullmatch(r"[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}", text)  # 16 x 5 bits = 80


# -- notes carried in a summary -------------------------------------------------------------

# The section each entry of a note is shared in, written out here (DESIGN.md's table), not taken
# from record_section, the function under test: a finding by its kind, every other record by
# its type, the patient's private notes in none.
EXPECTED_SECTION = {
    ("finding", "examination"): "findings",
    ("finding", "diagnosis"): "findings",
    ("finding", "test"): "findings",
    ("finding", "imaging"): "imaging",
    ("finding", "red_flag_screening"): "red_flags",
    ("encounter", None): "plan_goals",
    ("goal", None): "plan_goals",
    ("treatment", None): "treatments",
    ("medication", None): "medication",
    ("referral", None): "referrals",
    ("work", None): "work",
    ("note", None): None,
}
# NOTE_RECORDS: an examination, a treatment, an encounter.
NOTE_RECORD_SECTIONS = ("findings", "treatments", "plan_goals")


def _expected_section(record: dict) -> str | None:
    return EXPECTED_SECTION[(record["type"], record["kind"] if record["type"] == "finding" else None)]


def test_the_expected_table_covers_every_record_type_and_finding_kind():
    from infocards import vocab

    kinds = {("finding", kind) for kind in vocab.FINDING_KINDS}
    others = {(kind, None) for kind in vocab.RECORD_TYPES if kind != "finding"}
    assert set(EXPECTED_SECTION) == kinds | others
    assert set(EXPECTED_SECTION.values()) - {None} <= set(SECTION_KEYS)



def test_the_reference_course_with_one_note_fits_one_qr_and_alone_stays_small(share_course, share_seed):
    alone = _share(share_course, share_seed)
    assert alone.text.startswith("IC1:")  # no note: the old format, still
    symbol = read_symbol(alone.png())  # the version as a scanner reads it from the PNG shown
    assert symbol.text == alone.text and alone.version == symbol.version <= 20 and symbol.ec_level == "M"
    note, _ = note_for(share_course["profile"], share_seed)
    carried = _share(share_course, share_seed, [note])
    assert carried.text.startswith("IC2:")
    symbol = read_symbol(carried.png())
    assert symbol.text == carried.text and carried.version == symbol.version <= 22 and symbol.ec_level == "M"
    result = read_text(carried.text, now=NOW)
    (got,) = result.summary.notes
    assert got.verified and got.withheld == 0 and got.records() == list(note.records)
    assert all(omitted for omitted in carried.omitted.values())
    assert "notes" not in carried.omitted  # patient-reported entries went first


def test_every_single_character_change_of_a_summary_carrying_a_note_is_rejected(share_course, share_seed):
    note, _ = note_for(share_course["profile"], share_seed)
    code = _share(share_course, share_seed, [note], sections=["findings", "treatments", "work"]).text
    for position, char in enumerate(code):
        index = ALPHABET.index(char) if char in ALPHABET else 0
        replacement = ALPHABET[(index + 1) % 45]
        result = read_text(code[:position] + replacement + code[position + 1 :], now=NOW)
        assert result.status in ("invalid", "not_infocards") and result.summary is None, position


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(sections=st.sets(st.sampled_from(SECTION_KEYS)))
def test_any_subset_verifies_and_a_withheld_entry_is_not_in_the_code(share_course, share_seed, sections):
    note, _ = note_for(share_course["profile"], share_seed)
    share = _share(share_course, share_seed, [note], sections=sections)
    result = read_text(share.text, now=NOW)
    assert [_expected_section(r) for r in note.records] == list(NOTE_RECORD_SECTIONS)
    shared = [r for r, section in zip(note.records, NOTE_RECORD_SECTIONS, strict=True) if section in sections]
    if not shared:
        assert result.summary.notes == ()
    else:
        (got,) = result.summary.notes
        assert got.verified and got.records() == shared and got.withheld == len(note.records) - len(shared)
    raw = b45decode(share.text[4:])
    readable = raw + decompress_body(share.text)
    for record in note.records:
        if record not in shared:
            for text in (record.get("text"), record.get("what"), record.get("summary")):
                if text:
                    assert text.encode() not in readable


def decompress_body(code: str) -> bytes:
    """Every byte a reader could decompress from a code (its body), to look for withheld text."""
    from infocards.codes.binary import ByteReader

    raw = b45decode(code[4:])[:-64]
    src = ByteReader(raw)
    src.raw(5)
    src.uint()
    src.raw(32)
    if code.startswith("IC2:"):
        src.raw(src.uint())
    return decompress(src.rest())


def test_a_period_leaves_a_notes_older_entries_at_home(share_course, share_seed):
    items = [{**NOTE_RECORDS[0], "date": "2026-06-01"}, NOTE_RECORDS[1]]
    note, _ = note_for(share_course["profile"], share_seed, items=items)
    result = read_text(_share(share_course, share_seed, [note], period=("2026-11-01", None)).text, now=NOW)
    (got,) = result.summary.notes
    assert got.verified and got.withheld == 1 and got.records() == [note.records[1]]


def test_a_withheld_entry_cannot_be_guessed_from_its_digest(share_course, share_seed):
    """The digest is salted: hashing the exact withheld text with any other salt never matches."""
    from infocards.codes.record_codec import entry_digest

    note, _ = note_for(share_course["profile"], share_seed)
    result = read_text(_share(share_course, share_seed, [note], sections=["treatments"]).text, now=NOW)
    (got,) = result.summary.notes
    withheld = note.records[0]
    assert got.core.digests[0] == entry_digest(note.salts[0], withheld)
    assert all(entry_digest(os.urandom(16), withheld) != got.core.digests[0] for _ in range(200))


def test_an_edited_entry_no_longer_verifies_and_says_changed_by_the_patient(share_course, share_seed):
    note, _ = note_for(share_course["profile"], share_seed)
    stored = _stored(note)
    stored[1] = {**stored[1], "what": "Supervised exercise once a week"}  # the patient's edit
    share = issue_from_records(
        share_course["profile"],
        [*share_course["records"], *stored],
        share_seed,
        ["treatments", "findings"],
        lifetime=LIFETIME,
        now=NOW,
    )
    result = read_text(share.text, now=NOW)
    (got,) = result.summary.notes
    assert [r["type"] for r in got.records()] == ["finding"] and got.withheld == 2
    view = build_view(result, "en").to_json()
    edited = [e for e in view["sections"]["treatments"] if e["title"] == "Supervised exercise once a week"]
    assert edited and edited[0]["source"] == "patient" and "signer" not in edited[0]
    assert edited[0]["source_label"] == "changed by the patient"
    danish = build_view(result, "da").to_json()["sections"]["treatments"]
    assert [e["source_label"] for e in danish if e["title"] == "Supervised exercise once a week"] == [
        "ændret af patienten"
    ]


def test_a_note_moved_into_another_patients_wallet_is_not_signed_there(share_course, share_seed):
    note, _ = note_for(share_course["profile"], share_seed)
    other = {**share_course["profile"], "name": "Bo Nielsen"}
    own, notes = split_records(_stored(note), other, SigningKey(share_seed).public_bytes)
    assert notes == [] and all(r["changed"] and r["source"] == "patient" for r in own)
    own, notes = split_records(_stored(note), share_course["profile"], SigningKey(os.urandom(32)).public_bytes)
    assert notes == []


def test_a_note_that_does_not_fit_goes_as_one_unit_after_the_patients_entries(share_course, share_seed):
    long_items = [{**NOTE_RECORDS[0], "text": f"Finding {i}: " + "x" * 40} for i in range(12)]
    note, _ = note_for(share_course["profile"], share_seed, items=long_items)
    share = _share(share_course, share_seed, [note])
    result = read_text(share.text, now=NOW)
    for carried in result.summary.notes:
        assert carried.verified and carried.withheld == 0  # never part of a note
    view = build_view(result, "en")
    assert view.omitted_note
    small = fit_code(result.summary, SigningKey(share_seed), NOW, NOW + LIFETIME, max_version=10)
    assert "notes" in small.summary.omitted and small.summary.notes == ()
    assert "note(s) from professionals" in build_view(read_text(small.text, now=NOW), "en").omitted_note


def test_the_clinician_view_names_the_signer_and_whether_the_key_is_listed(share_course, share_seed):
    key = clinic_key()
    note, _ = note_for(share_course["profile"], share_seed, key=key)
    result = read_text(_share(share_course, share_seed, [note]).text, now=NOW)
    plain = build_view(result, "da").to_json()
    (entry,) = [e for e in plain["sections"]["findings"] if e["source"] == "professional"]
    assert entry["signer"] == {
        "name": "Mette Hansen",
        "role": "physiotherapist",
        "place": "Middelfart Fysioterapi",
        "fingerprint": fingerprint(key.public_bytes),
        "verified": True,
        "listed": False,
        "bound": True,
        "withheld": 0,
        "reason": None,
    }
    assert "underskrift kontrolleret" in entry["source_label"] and "ikke på en liste" in entry["source_label"]
    listing = TrustedKey(
        fingerprint(key.public_bytes), "Mette Hansen", "physiotherapist", "Klinik", "Region Sjælland",
        kind="municipality", region="sjaelland", publisher="Region Sjælland",
    )
    trust = TrustList([listing])
    listed = build_view(result, "da", trust=trust).to_json()
    (entry,) = [e for e in listed["sections"]["findings"] if e["source"] == "professional"]
    assert entry["signer"]["listed"] is True
    assert entry["signer"]["list"] == {"kind": "municipality", "region": "sjaelland", "publisher": "Region Sjælland"}
    assert "listen fra en kommunepakke i Region Sjælland, udgivet af Region Sjælland" in entry["source_label"]


def test_a_carried_note_with_a_bad_signature_is_shown_as_not_checking(share_course, share_seed):
    note, _ = note_for(share_course["profile"], share_seed)
    forged = replace(note, signature=bytes(64))
    summary = build_summary(share_course["profile"], share_course["records"], ["findings"])
    from infocards.codes.carried import CarriedNote

    carried = CarriedNote(forged.core, forged.signature, ((0, note.salts[0], note.records[0]),))
    code = make_code(replace(summary, notes=(carried,)), SigningKey(share_seed), NOW, NOW + LIFETIME)
    result = read_text(code, now=NOW)
    (got,) = result.summary.notes
    assert got.verified is False
    (entry,) = [e for e in build_view(result, "en").to_json()["sections"]["findings"] if e.get("signer")]
    assert entry["signer"]["verified"] is False and "does NOT check" in entry["source_label"]


def test_old_ic1_codes_still_read(share_course):
    fixture_code = make_code(
        build_summary(share_course["profile"], share_course["records"]), SigningKey(bytes(32)), NOW, NOW + LIFETIME
    )
    assert fixture_code.startswith("IC1:") and read_text(fixture_code, now=NOW).status == "valid"


def test_a_note_code_cannot_carry_a_changed_prefix(share_course, share_seed):
    _, code = note_for(share_course["profile"], share_seed)
    with pytest.raises(InvalidCode):
        open_note_code("IN2:" + code[4:])


def test_qr_version_of_a_three_entry_note_is_small(share_course, share_seed):
    _, code = note_for(share_course["profile"], share_seed)
    symbol = symbol_of(code)
    assert symbol.version <= 15 and symbol.ec_level == "M"


CODE_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "codes"
FIXTURE_ISSUED = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("ic1-reference-course.txt", "summary"),
        ("ic2-reference-course-one-note.txt", "summary"),
        ("in1-three-entries.txt", "note"),
    ],
)
def test_every_released_code_format_still_reads(name, kind):
    """Codes saved when each format was released: opened by this test forever after."""
    text = (CODE_FIXTURES / name).read_text(encoding="ascii")
    result = read_text(text, now=FIXTURE_ISSUED + timedelta(days=1))
    assert result.status == "valid"
    if kind == "note":
        assert result.is_note and len(result.note.records) == 3
    else:
        assert result.summary.name == "Anna Jensen"
        assert all(note.verified for note in result.summary.notes)
        assert len(result.summary.notes) == (1 if name.startswith("ic2") else 0)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(
    items=st.lists(note_record, min_size=1, max_size=5),
    sections=st.sets(st.sampled_from(SECTION_KEYS), min_size=1),
)
def test_any_note_carried_in_any_summary_round_trips_and_verifies(share_course, share_seed, items, sections):
    clean = [normalise_note_record(r, i) for i, r in enumerate(items, 1)]
    note, _ = note_for(share_course["profile"], share_seed, items=clean)
    share = issue_from_records(
        share_course["profile"], _stored(note), share_seed, sections, lifetime=LIFETIME, now=NOW, max_version=40 - 10
    )
    result = read_text(share.text, now=NOW)
    shared = [r for r in note.records if _expected_section(r) in sections]
    carried = result.summary.notes
    if shared and not share.omitted.get("notes"):
        (got,) = carried
        assert got.verified and got.records() == shared
    else:
        assert carried == ()


def test_the_wallet_knows_which_received_entries_the_signature_still_holds(share_course, share_seed):
    # What the timeline says under each received entry: signed by the professional, or changed.
    from infocards.codes.signing import SigningKey
    from infocards.share.carry import record_standing

    note, _ = note_for(share_course["profile"], share_seed)
    stored = _stored(note)
    stored[1] = {**stored[1], "what": "Supervised exercise once a week"}  # the patient's edit
    key = SigningKey(share_seed).public_bytes
    standing = record_standing([*share_course["records"], *stored], share_course["profile"], key)
    assert standing[stored[1]["id"]] is None  # changed: now the patient's
    assert standing[stored[0]["id"]] == standing[stored[2]["id"]] == note.signer
    other = {**share_course["profile"], "name": "Someone Else"}  # bound to another patient: not signed
    assert set(record_standing(stored, other, key).values()) == {None}
    # The record's own signer field is not signed: a name put there is never what is shown.
    forged = [{**stored[0], "signer": {**stored[0]["signer"], "name": "Overlæge Jens Jensen"}}, *stored[1:]]
    shown = record_standing(forged, share_course["profile"], key)[stored[0]["id"]]
    assert shown == note.signer and shown.name != "Overlæge Jens Jensen"


def test_a_wallet_says_which_received_entries_are_still_signed(share_course, wallet_factory):
    from infocards.notes.receive import receive_note, received_standing

    wallet, _code = wallet_factory(profile=share_course["profile"], records=share_course["records"])
    note, _ = note_for(share_course["profile"], wallet.signing_seed())
    saved = receive_note(wallet, note)
    assert received_standing(wallet) == dict.fromkeys(saved.ids, note.signer)
    wallet.update(saved.ids[0], {"text": "Something the patient wrote"})  # the patient's edit
    assert received_standing(wallet)[saved.ids[0]] is None
