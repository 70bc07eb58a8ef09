"""The record forms cover records v1: every type has a form whose fields the wallet accepts."""

from __future__ import annotations

import pytest

from infocards import vocab
from infocards.errors import InvalidRecord
from infocards.ui.forms import FORMS, parse_user_date
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


def _inputs(record_type: str, **values) -> dict:
    import flet as ft

    return {spec.name: ft.TextField(value=values.get(spec.name, "")) for spec in FORMS[record_type]}


def test_the_work_form_reads_a_danish_decimal_and_keeps_a_blank_note():
    from infocards.ui.views.record_form import _collect

    record, problem = _collect(FORMS["work"], _inputs("work", date="5.8.2026", status="sick_leave",
                                                      hours_per_week="37,5"), "da")
    assert problem is None
    record.update(id="w1", type="work", source="patient")
    assert validate_record(record) == {**record, "hours_per_week": 37.5, "note": ""}


def test_the_form_names_the_missing_field_by_its_label():
    from infocards.ui.views.record_form import _collect

    _record, problem = _collect(FORMS["encounter"], _inputs("encounter", date="1.8.2026", role="gp"), "da")
    assert problem == "Udfyld feltet »Sted«."


def test_the_form_refuses_a_date_that_does_not_exist():
    from infocards.ui.views.record_form import _collect

    _record, problem = _collect(FORMS["note"], _inputs("note", date="31.2.2026", text="x"), "en")
    assert problem == "“Date” must be a date, e.g. 1.8.2026 or 2026-08-01."
