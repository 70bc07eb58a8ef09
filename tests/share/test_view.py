"""The clinician view model: section order, dated entries, who reported them, links to cards."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from infocards import vocab
from infocards.i18n import t
from infocards.share.issue import issue_from_records
from infocards.share.reader import ReadResult, read_text
from infocards.share.sections import SECTION_KEYS, VIEW_SECTION_KEYS
from infocards.share.view import build_view, render_text, role_card

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def _view(course, seed, lang="en", now=NOW, sections=SECTION_KEYS, records=None, **kwargs):
    share = issue_from_records(
        course["profile"],
        course["records"] if records is None else records,
        seed,
        sections,
        now=NOW,
        lifetime=timedelta(hours=1),
        **kwargs,
    )
    return build_view(read_text(share.text, now=now), lang)


def _mid_line(label):
    """A vocabulary label as the reader writes it after the role: first letter lower-case."""
    return label[:1].lower() + label[1:]


def test_sections_in_clinician_order(share_course, share_seed):
    view = _view(share_course, share_seed)
    keys = [s.key for s in view.sections]
    assert keys == [k for k in VIEW_SECTION_KEYS if k in keys]
    assert {"red_flags", "diagnoses", "treatments", "plan", "goals", "work", "involved"} <= set(keys)
    assert view.status == "valid" and view.name == share_course["profile"]["name"]
    assert view.birth_date == share_course["profile"]["birth_date"]


def test_every_entry_is_dated_and_says_who_reported_it(share_course, share_seed):
    records = [dict(r) for r in share_course["records"]]
    records[2]["source"] = "professional"
    view = _view(share_course, share_seed, records=records)
    labels = set()
    for section in view.sections:
        for entry in section.entries:
            assert entry.date, (section.key, entry.title)
            labels.add(entry.source_label)
    assert labels == {"reported by the patient", "reported by the patient (from a professional, the patient says)"}


@pytest.mark.parametrize(
    ("lang", "patient", "professional"),
    [
        ("en", "reported by the patient", "reported by the patient (from a professional, the patient says)"),
        ("da", "oplyst af patienten", "oplyst af patienten (fra en fagperson, ifølge patienten)"),
    ],
)
def test_a_professional_entry_is_labelled_as_the_patient_reports_it(
    share_course, share_seed, lang, patient, professional
):
    # The code is signed by the patient's key: it proves the patient made it, not who wrote an entry.
    records = [dict(r, source="professional") if r["type"] == "treatment" else dict(r) for r in share_course["records"]]
    view = _view(share_course, share_seed, lang=lang, records=records)
    assert view.status == "valid"
    by_source = {}
    for section in view.sections:
        for entry in section.entries:
            by_source.setdefault(entry.source, set()).add(entry.source_label)
    assert by_source == {"patient": {patient}, "professional": {professional}}
    text = render_text(view)
    assert professional in text
    assert t("vocab.source.professional", lang) not in text  # "Written by a professional" is never claimed
    assert t("vocab.source.professional", lang).lower() not in text
    treatments = view.to_json()["sections"]["treatments"]
    assert treatments and {e["source"] for e in treatments} == {"professional"}  # the raw field stays
    assert {e["source_label"] for e in treatments} == {professional}


def test_diagnoses_carry_code_and_card_roles_carry_role_card(share_course, share_seed):
    view = _view(share_course, share_seed)
    diagnoses = next(s for s in view.sections if s.key == "diagnoses").entries
    coded = {r["code"]: r["card"] for r in share_course["records"] if r.get("code")}
    assert {e.code: e.card for e in diagnoses} == coded
    involved = next(s for s in view.sections if s.key == "involved").entries
    roles = {r["role"] for r in share_course["records"] if r["type"] == "encounter"}
    assert {e.role for e in involved} == roles
    for entry in involved:
        assert entry.role_card == "role-" + entry.role.replace("_", "-")
    assert role_card("municipal_physiotherapist") == "role-municipal-physiotherapist"


def test_treatments_show_their_effect(share_course, share_seed):
    view = _view(share_course, share_seed, sections=["treatments"])
    treatments = view.sections[0].entries
    effects = [r["effect"] for r in share_course["records"] if r["type"] == "treatment"]
    labels = {t(f"vocab.effect.{effect}", "en") for effect in vocab.EFFECTS}
    assert sorted(d for e in treatments for d in e.details if d in labels) == sorted(
        t(f"vocab.effect.{effect}", "en") for effect in effects
    )


def test_only_chosen_sections_show_and_the_rest_is_named(share_course, share_seed):
    view = _view(share_course, share_seed, sections=["red_flags", "work"])
    assert [s.key for s in view.sections] == ["red_flags", "work"]
    assert set(view.not_shared) == set(SECTION_KEYS) - {"red_flags", "work"}


def test_expired_shows_data_marked_expired(share_course, share_seed):
    view = _view(share_course, share_seed, now=NOW + timedelta(hours=2))
    assert view.status == "expired" and view.expired
    assert view.sections
    text = render_text(view)
    assert "EXPIRED" in text and share_course["profile"]["name"] in text


def test_invalid_shows_nothing():
    view = build_view(read_text("IC1:" + "0" * 300, now=NOW), "en")
    assert view.status == "invalid"
    assert view.sections == () and view.name is None
    assert set(view.to_json()) == {"status", "status_label", "message", "reason"}
    assert "Nothing is shown" in render_text(view)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_both_languages_render(share_course, share_seed, lang):
    view = _view(share_course, share_seed, lang=lang)
    text = render_text(view)
    assert t("share.view.red_flags", lang).upper() in text
    assert t("share.reader.source.patient", lang) in text


def test_json_has_status_and_sections_beside_it(share_course, share_seed):
    data = json.loads(json.dumps(_view(share_course, share_seed).to_json()))
    assert data["status"] == "valid"
    assert set(data["sections"]) <= set(VIEW_SECTION_KEYS)
    assert data["patient"] == {
        "name": share_course["profile"]["name"],
        "birth_date": share_course["profile"]["birth_date"],
    }
    first = data["sections"]["red_flags"][0]
    assert {"date", "source", "source_label", "title", "role_card"} <= set(first)


def test_omitted_is_shown_on_the_reader_side(share_course, share_seed):
    view = _view(share_course, share_seed, max_version=10)
    assert view.omitted_note and view.omitted_note.startswith("Left out")
    assert sum(s.omitted for s in view.sections) > 0
    assert view.omitted_note in render_text(view)


def test_not_infocards_view():
    view = build_view(ReadResult("not_infocards"), "da")
    assert view.status_label == t("share.status.not_infocards", "da")
    assert view.to_json() == {"status": "not_infocards", "status_label": view.status_label}
