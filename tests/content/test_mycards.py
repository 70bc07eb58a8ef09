"""Kort til dit forløb: the cards chosen from the reference course, against the real national pack."""

from __future__ import annotations

import copy

import pytest

from infocards.config import content_root
from infocards.content.library import Library
from infocards.content.mycards import cards_for_course


@pytest.fixture(scope="module")
def national():
    return Library.load([content_root() / "national"])


def _ids(library, records, lang="da"):
    return [m.card.id for m in cards_for_course(library, records, lang)]


def test_the_reference_course_gets_its_diagnoses_sick_leave_rules_and_professionals(national, wallet_reference_course):
    records = wallet_reference_course["records"]
    chosen = cards_for_course(national, records, "da")
    ids = [m.card.id for m in chosen]
    # The findings name lumbar-radiculopathy (r03) and disc-herniation (r12): the newest first.
    assert ids[:2] == ["disc-herniation", "lumbar-radiculopathy"]
    # Sick leave since 5 August (r04): sick pay, the municipal follow-up, the return-to-work plan.
    assert ids[2:5] == ["sick-pay", "municipal-follow-up", "return-to-work-plan"]
    # Every professional met or referred to, once each; no referral waits, so no pathway card.
    assert set(ids[5:]) == {"role-social-worker", "role-municipal-physiotherapist", "role-spine-centre",
                            "role-chiropractor", "role-physiotherapist", "role-gp"}
    assert len(ids) == len(set(ids)) == 11
    assert "referred-on" not in ids
    why = {m.card.id: m.why("da") for m in chosen}
    assert why["disc-herniation"] == "Dit fund fra 10. oktober 2026 er denne diagnose."
    assert why["sick-pay"] == "Du er sygemeldt (siden 5. august 2026)."
    assert why["role-spine-centre"] == "Du mødte rygcenter den 14. oktober 2026."
    assert why["role-gp"] == "Du mødte praktiserende læge den 2. august 2026."
    english = {m.card.id: m.why("en") for m in cards_for_course(national, records, "en")}
    assert english["lumbar-radiculopathy"] == "Your finding of 2 August 2026 is this diagnosis."
    assert all(m.card.lang == "da" for m in chosen)


def test_a_code_alone_finds_the_diagnosis_cards_that_carry_it(national):
    records = [{"id": "f1", "type": "finding", "date": "2026-05-01", "role": "gp", "kind": "diagnosis",
                "text": "x", "code": " icd-10:m48.0 "}]
    chosen = cards_for_course(national, records, "da")
    assert [m.card.id for m in chosen] == ["lumbar-spinal-stenosis"]
    assert chosen[0].why("da") == "Dit fund fra 1. maj 2026 har koden icd-10:m48.0."
    shared = [{**records[0], "code": "ICPC-2:L86"}]
    assert set(_ids(national, shared)) == {"disc-herniation", "lumbar-radiculopathy"}


def test_a_waiting_referral_brings_the_pathway_card(national, wallet_reference_course):
    records = copy.deepcopy(wallet_reference_course["records"])
    assert "referred-on" not in _ids(national, records)
    spine = next(r for r in records if r["id"] == "r11")
    spine["status"] = "waiting"
    chosen = {m.card.id: m for m in cards_for_course(national, records, "da")}
    assert chosen["referred-on"].why("da") == "Din henvisning til rygcenter fra den 29. september 2026 venter endnu."


def test_back_at_work_the_sick_leave_rules_go(national, wallet_reference_course):
    records = copy.deepcopy(wallet_reference_course["records"])
    records.append({"id": "w2", "type": "work", "date": "2026-11-20", "source": "patient",
                    "status": "working", "note": ""})
    assert not {"sick-pay", "municipal-follow-up", "return-to-work-plan"} & set(_ids(national, records))
    partial = [*records, {"id": "w3", "type": "work", "date": "2026-11-25", "status": "partial_sick_leave",
                          "note": "", "hours_per_week": 18.5}]
    chosen = {m.card.id: m.why("da") for m in cards_for_course(national, partial, "da")}
    assert chosen["return-to-work-plan"] == "Du er delvist sygemeldt (siden 25. november 2026)."


def test_nothing_fits_an_empty_or_odd_course(national):
    assert cards_for_course(national, [], "da") == []
    odd = [{"type": "finding", "date": "not a date", "card": "disc-herniation"},
           {"type": "finding", "date": "2026-01-01", "card": "no-such-card"},
           {"type": "encounter", "date": "2026-01-01", "role": "astronaut"}, "not a record"]
    assert cards_for_course(national, odd, "da") == []


def test_the_module_imports_neither_flet_nor_the_ui():
    import subprocess
    import sys

    code = ("import sys, infocards.content.mycards\n"
            "banned = ('flet.', 'infocards.ui', 'infocards.cli')\n"
            "bad = [n for n in sys.modules if n == 'flet' or n.startswith(banned)]\n"
            "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True)
