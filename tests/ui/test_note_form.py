"""The note form's flet-free parts: which records a filled-in form makes, where the clinic key lives."""

import pytest

from infocards.codes.record_codec import normalise_note_record
from infocards.ui.clinic_session import ClinicSession, clinic_key_path
from infocards.ui.views.note_write import DEFAULTS, draft_records


def _form(**values):
    return {**DEFAULTS, "date": "1.12.2026", "role": "physiotherapist", **values}


def test_each_filled_group_becomes_one_valid_record():
    records, problem = draft_records(
        _form(
            finding_text="SLR negativ",
            finding_code="ICPC-2:L86",
            treatment_what="Træning",
            referral_to="spine_centre",
            referral_reason="Vedvarende udstråling",
            plan_text="Kontrol om 4 uger",
        ),
        "Fysio Middelfart",
        "da",
    )
    assert problem is None
    assert [r["type"] for r in records] == ["finding", "treatment", "referral", "encounter"]
    assert all(r["date"] == "2026-12-01" for r in records)
    for position, record in enumerate(records, 1):
        normalise_note_record(record, position)  # every record the form makes is a valid note entry


def test_an_empty_or_half_filled_form_says_what_is_missing():
    assert draft_records(_form(), "", "da") == (
        [],
        "Skriv mindst ét fund, en behandling, medicin, en henvisning eller en plan.",
    )
    _, problem = draft_records(_form(medication_name="Ibuprofen"), "", "en")
    assert problem == "Please also fill in: Dose"
    _, problem = draft_records(_form(date="31.2.2026", finding_text="x"), "", "da")
    assert problem and "Datoen" in problem


def test_the_clinic_key_path_comes_from_the_environment_then_flet_toml(tmp_path, monkeypatch):
    monkeypatch.setenv("INFOCARDS_CLINIC_KEY", str(tmp_path / "env.key"))
    assert clinic_key_path() == tmp_path / "env.key"
    monkeypatch.delenv("INFOCARDS_CLINIC_KEY")
    config = tmp_path / "flet.toml"
    config.write_text('[reader]\nclinic_key = "keys/clinic.key"\n', encoding="utf-8")
    monkeypatch.setenv("INFOCARDS_CONFIG", str(config))
    assert clinic_key_path() == tmp_path / "keys" / "clinic.key"


def test_a_session_makes_and_unlocks_its_key(tmp_path):
    from infocards.errors import ClinicKeyError, WrongClinicPassphrase

    session = ClinicSession(path=tmp_path / "clinic.key")
    assert not session.exists()
    with pytest.raises(ClinicKeyError):
        session.create("lang nok kode", "en anden kode", "Mette", "gp", "")
    key = session.create("lang nok kode", "lang nok kode", "Mette", "gp", "Lægehuset")
    again = ClinicSession(path=tmp_path / "clinic.key")
    assert again.unlock("lang nok kode").fingerprint == key.fingerprint
    with pytest.raises(WrongClinicPassphrase):
        again.unlock("forkert kode her")
