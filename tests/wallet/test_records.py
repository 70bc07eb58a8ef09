"""Record validation (errors name the record and field, never the value) and hypothesis round trips."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infocards import vocab
from infocards.errors import InvalidRecord
from infocards.records import TYPE_FIELDS
from infocards.wallet import Wallet, validate_record
from tests.conftest import WALLET_PASSPHRASE

SECRET_TEXT = "Secret-diagnosis-XYZZY"
BASE = {"id": "r1", "type": "finding", "date": "2026-08-02", "source": "patient", "role": "gp",
        "kind": "examination", "text": SECRET_TEXT}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"role": SECRET_TEXT}, "role"),
        ({"kind": "horoscope"}, "kind"),
        ({"date": "02/08/2026"}, "date"),
        ({"date": "2026-02-30"}, "date"),
        ({"source": "neighbour"}, "source"),
        ({"text": "   "}, "text"),
        ({"text": 42}, "text"),
        ({"text": "x" * 10_001}, "text"),
        ({"text": "bad \ud800 surrogate"}, "text"),
        ({"text": "a NUL\x00 inside"}, "text"),
        ({"text": "an escape \x1b[2J"}, "text"),
        ({"date": "1899-12-31"}, "date"),
        ({"card": "Not A Card!"}, "card"),
        ({"type": "diary"}, "type"),
    ],
)
def test_invalid_field_named_value_never_shown(change, field):
    with pytest.raises(InvalidRecord) as err:
        validate_record({**BASE, **change})
    for lang in ("da", "en"):
        message = err.value.message(lang)
        assert "r1" in message and field in message
        assert SECRET_TEXT not in message and "horoscope" not in message
    assert SECRET_TEXT not in repr(err.value.params)


@pytest.mark.parametrize("unknown", [{"Patient has HIV": "yes"}, {"mood": "low", SECRET_TEXT: 1}])
def test_unknown_field_names_are_counted_never_echoed(unknown):
    # A key can hold health data as well as a value can: the message counts, it never quotes.
    with pytest.raises(InvalidRecord) as err:
        validate_record({**BASE, **unknown})
    for lang in ("da", "en"):
        message = err.value.message(lang)
        assert "r1" in message and str(len(unknown)) in message
        assert all(name not in message for name in unknown) and "HIV" not in message
    # The type as the file spells it, and the fields it may have (known names may be named).
    assert all("finding" in err.value.message(lang) and "kind" in err.value.message(lang) for lang in ("da", "en"))
    assert all(name not in repr(err.value.params) for name in unknown)
    assert err.value.params["count"] == len(unknown)


def test_unknown_profile_field_is_not_echoed():
    from infocards.wallet import validate_profile

    with pytest.raises(InvalidRecord) as err:
        validate_profile({"name": "Anna", "HIV positive": "yes"})
    for lang in ("da", "en"):
        assert "HIV" not in err.value.message(lang) and "1" in err.value.message(lang)
    assert "HIV" not in repr(err.value.params)


def test_missing_required_field_is_named():
    record = {k: v for k, v in BASE.items() if k != "kind"}
    with pytest.raises(InvalidRecord) as err:
        validate_record(record)
    assert err.value.params == {"record": "r1", "field": "kind"}


def test_a_bad_id_is_not_echoed():
    with pytest.raises(InvalidRecord) as err:
        validate_record({**BASE, "id": SECRET_TEXT + " with spaces"})
    assert SECRET_TEXT not in str(err.value) and "id" in str(err.value)


def test_end_before_start_and_hours_range():
    treatment = {"id": "t", "type": "treatment", "date": "2026-08-09", "role": "gp", "what": "x",
                 "effect": "some", "end": "2026-08-01"}
    with pytest.raises(InvalidRecord, match="end"):
        validate_record(treatment)
    work = {"id": "w", "type": "work", "date": "2026-08-09", "status": "working", "note": ""}
    assert validate_record({**work, "hours_per_week": 37})["hours_per_week"] == 37
    for bad in (-1, 169, True, "37"):
        with pytest.raises(InvalidRecord, match="hours_per_week"):
            validate_record({**work, "hours_per_week": bad})


def test_source_defaults_to_patient_and_empty_optionals_are_dropped():
    clean = validate_record({k: v for k, v in BASE.items() if k != "source"} | {"code": ""})
    assert clean["source"] == "patient" and "code" not in clean


def test_an_id_is_assigned_only_when_asked():
    record = {k: v for k, v in BASE.items() if k != "id"}
    with pytest.raises(InvalidRecord):
        validate_record(record)
    assert validate_record(record, assign_id=True)["id"]


# -- hypothesis: arbitrary valid records survive save, reopen and export ------------------------

# What a record's text may hold: any character but a control one (line breaks and tabs are text).
_typed = st.characters(blacklist_categories=("Cc",)) | st.sampled_from("\n\t")
_text = st.text(_typed, min_size=1, max_size=60).filter(lambda s: s.strip())
_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)).map(date.isoformat)


def _field(kind):
    if isinstance(kind, tuple):
        return st.sampled_from(kind)
    return {
        "text": _text,
        "blank": st.text(_typed, max_size=30),
        "short": _text,
        "date": st.just("2100-01-01"),  # `end` after any generated `date`
        "hours": st.integers(0, 168) | st.floats(0, 168, allow_nan=False),
        "card": st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True),
    }[kind]


@st.composite
def records(draw, rid: str):
    rtype = draw(st.sampled_from(vocab.RECORD_TYPES))
    record = {"id": rid, "type": rtype, "date": draw(_dates), "source": draw(st.sampled_from(vocab.SOURCES))}
    for name, (kind, required) in TYPE_FIELDS[rtype].items():
        if required or draw(st.booleans()):
            record[name] = draw(_field(kind))
    return record


@st.composite
def record_lists(draw):
    count = draw(st.integers(0, 8))
    return [draw(records(f"h{i}")) for i in range(count)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=record_lists())
def test_round_trip_through_save_reopen_and_export(tmp_path_factory, wallet_cheap_kdf, batch):
    path = tmp_path_factory.mktemp("rt") / "w.icw"
    expected = [validate_record(r) for r in batch]
    wallet, _ = Wallet.create(path, WALLET_PASSPHRASE, kdf=wallet_cheap_kdf)
    with wallet:
        for record in batch:
            wallet.add(record)
    with Wallet.open(path, WALLET_PASSPHRASE) as again:
        exported = again.export_data()["records"]
    assert exported == sorted(expected, key=lambda r: (r["date"], r["id"]))
    assert {r["id"]: r for r in exported} == {r["id"]: r for r in batch}
