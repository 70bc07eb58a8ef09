"""The record forms cover records v1: every type has a form whose fields the wallet accepts."""

from __future__ import annotations

import pytest

from infocards import vocab
from infocards.errors import InvalidRecord
from infocards.i18n.formats import format_number
from infocards.ui.forms import FORMS, check_form, input_date, input_value, parse_user_date
from infocards.wallet import validate_record


def _filled(record_type: str, only_required: bool) -> dict:
    record = {"id": "x1", "type": record_type, "source": "patient"}
    for spec in FORMS[record_type]:
        if only_required and not spec.required:
            if spec.blank:
                record[spec.name] = ""
            continue
        if spec.kind == "date":
            record[spec.name] = "2026-10-01" if spec.name == "date" else "2026-10-20"
        elif spec.choices:
            record[spec.name] = spec.choices[0]
        elif spec.kind == "number":
            record[spec.name] = 20
        elif spec.kind == "diagnosis":
            record[spec.name] = "disc-herniation"
        elif spec.name == "code":
            record[spec.name] = "ICD-10:M51.1"
        else:
            record[spec.name] = "tekst"
    return record


def test_every_record_type_has_a_form():
    assert set(FORMS) == set(vocab.RECORD_TYPES)


@pytest.mark.parametrize("record_type", vocab.RECORD_TYPES)
@pytest.mark.parametrize("only_required", [True, False])
def test_a_filled_form_is_a_valid_record(record_type, only_required):
    record = _filled(record_type, only_required)
    assert validate_record(record)["type"] == record_type


@pytest.mark.parametrize("record_type", vocab.RECORD_TYPES)
def test_leaving_out_a_required_field_is_refused_by_the_wallet(record_type):
    for spec in FORMS[record_type]:
        if not spec.required:
            continue
        record = _filled(record_type, only_required=True)
        del record[spec.name]
        with pytest.raises(InvalidRecord) as caught:
            validate_record(record)
        assert spec.name in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "iso"),
    [("2026-08-01", "2026-08-01"), ("1.8.2026", "2026-08-01"), ("01-08-2026", "2026-08-01"),
     ("1/8/2026", "2026-08-01"), (" 29.2.2028 ", "2028-02-29")],
)
def test_dates_as_people_type_them(typed, iso):
    assert parse_user_date(typed) == iso


@pytest.mark.parametrize("typed", ["31.2.2026", "2026-13-01", "1.8.26", "i går", "", "2026-8-1"])
def test_not_a_date(typed):
    assert parse_user_date(typed) is None


def test_the_work_form_reads_a_danish_decimal_and_keeps_a_blank_note():
    record, problems = check_form(FORMS["work"], {"date": "5.8.2026", "status": "sick_leave",
                                                  "hours_per_week": "37,5", "note": ""}, "da")
    assert problems == {}
    record.update(id="w1", type="work", source="patient")
    assert validate_record(record) == {**record, "hours_per_week": 37.5, "note": ""}


def test_the_form_names_the_missing_field_by_its_label():
    _record, problems = check_form(FORMS["encounter"], {"date": "1.8.2026", "role": "gp", "summary": "x"}, "da")
    assert problems == {"place": "Udfyld feltet »Sted«."}


def test_the_form_refuses_a_date_that_does_not_exist():
    _record, problems = check_form(FORMS["note"], {"date": "31.2.2026", "text": "x"}, "en")
    assert problems == {"date": "“Date” must be a date as day.month.year, e.g. 1.8.2026."}


def test_an_end_date_before_the_start_says_so():
    values = {"date": "5.8.2026", "role": "gp", "what": "Øvelser", "end": "1.8.2026", "effect": "some"}
    _record, problems = check_form(FORMS["treatment"], values, "da")
    assert problems == {"end": "Slutdatoen ligger før startdatoen."}
    record, problems = check_form(FORMS["treatment"], {**values, "end": "5.8.2026"}, "da")
    assert problems == {} and record["end"] == "2026-08-05"


@pytest.mark.parametrize(("hours", "problem"), [
    ("-1", "»Timer om ugen« kan ikke være under 0."),
    ("200", "»Timer om ugen« kan højst være 168 (timer i en uge)."),
    ("mange", "»Timer om ugen« skal være et tal, fx 37,5."),
    ("1e400", "»Timer om ugen« skal være et tal, fx 37,5."),
])
def test_hours_out_of_range_say_what_is_wrong(hours, problem):
    _record, problems = check_form(FORMS["work"], {"date": "1.8.2026", "status": "working",
                                                   "hours_per_week": hours}, "da")
    assert problems == {"hours_per_week": problem}


def test_every_problem_of_a_form_is_named_at_once():
    _record, problems = check_form(FORMS["treatment"], {"date": "i går", "what": "x" * 20_000}, "da")
    assert set(problems) == {"date", "role", "what", "effect"}
    assert problems["what"] == "»Hvilken behandling?« er for lang: højst 10.000 tegn."


def test_stored_values_are_shown_the_danish_way():
    assert input_date("2026-08-01") == "1.8.2026"
    assert input_date("") == ""
    spec = {s.name: s for s in FORMS["work"]}
    assert input_value(spec["date"], "2026-11-25", "da") == "25.11.2026"
    assert input_value(spec["hours_per_week"], 18.5, "da") == "18,5"
    assert input_value(spec["hours_per_week"], 18.5, "en") == "18.5"
    assert input_value(spec["hours_per_week"], 20, "da") == "20"
    assert format_number(10000, "da") == "10.000"
    assert format_number(10000, "en") == "10,000"
    assert format_number(1234.5, "da") == "1.234,5"
