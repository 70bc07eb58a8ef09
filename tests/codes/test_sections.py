"""The record-to-section map, checked against a table written out here (not computed by the code)."""

import pytest

from infocards import vocab
from infocards.codes.payload import record_section
from infocards.codes.sections import SECTION_KEYS, VIEW_SECTION_KEYS

# Where each record type and finding kind is shared; a new vocabulary word must be added here.
EXPECTED_TYPES = {
    "encounter": "plan_goals",
    "goal": "plan_goals",
    "treatment": "treatments",
    "medication": "medication",
    "referral": "referrals",
    "work": "work",
    "note": None,  # the patient's private notes are never shared
}
EXPECTED_FINDINGS = {
    "red_flag_screening": "red_flags",
    "imaging": "imaging",
    "examination": "findings",
    "diagnosis": "findings",
    "test": "findings",
}


def test_the_tables_name_every_word_of_the_vocabulary():
    assert set(EXPECTED_TYPES) | {"finding"} == set(vocab.RECORD_TYPES)
    assert set(EXPECTED_FINDINGS) == set(vocab.FINDING_KINDS)


@pytest.mark.parametrize("record_type", sorted(EXPECTED_TYPES))
def test_each_record_type_has_its_section(record_type):
    assert record_section({"type": record_type}) == EXPECTED_TYPES[record_type]


@pytest.mark.parametrize("kind", sorted(EXPECTED_FINDINGS))
def test_each_finding_kind_has_its_section(kind):
    assert record_section({"type": "finding", "kind": kind}) == EXPECTED_FINDINGS[kind]


def test_every_mapped_section_is_a_shared_section_and_the_view_shows_them_all():
    mapped = {s for s in (*EXPECTED_TYPES.values(), *EXPECTED_FINDINGS.values()) if s}
    assert mapped <= set(SECTION_KEYS)
    assert set(SECTION_KEYS) - mapped == {"involved"}  # made from the visits, not from one record type
    # The clinician view splits two shared sections; every other one it shows under its own key.
    split = {"findings": {"diagnoses", "findings"}, "plan_goals": {"visits", "plan", "goals"}}
    shown = set().union(*(split.get(section, {section}) for section in SECTION_KEYS))
    assert set(VIEW_SECTION_KEYS) == shown
