"""The record forms cover records v1: every type has a form whose fields the wallet accepts."""

from __future__ import annotations

import pytest

from infocards import vocab
from infocards.errors import InvalidRecord
from infocards.ui.forms import FORMS
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
