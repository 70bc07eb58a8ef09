"""The clinician view model: section order, dated entries, who reported them, links to cards."""

import ast
import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from infocards import vocab
from infocards.codes.sections import SECTION_KEYS, VIEW_SECTION_KEYS
from infocards.errors import Reason
from infocards.i18n import t
from infocards.reader.read import ReadResult, read_text
from infocards.reader.readable import REASONS, readable_date, readable_moment, readable_number
from infocards.reader.view import build_view, render_text, role_card
from infocards.share.issue import issue_from_records
from tests.share.codes import cut_short_code, tampered_code

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
    assert "nothing is shown" in render_text(view)


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


# -- the clinician's 30 seconds: card names, empty sections, Danish words, numbers and dates ---

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
TITLES = {"lumbar-radiculopathy": "Iskias (lumbal radikulopati)", "disc-herniation": "Diskusprolaps"}


def _titled(course, seed, lang="da", titles=TITLES.get, **kwargs):
    share = issue_from_records(course["profile"], course["records"], seed, kwargs.pop("sections", SECTION_KEYS),
                               now=NOW, lifetime=timedelta(hours=1), **kwargs)
    return build_view(read_text(share.text, now=NOW), lang, titles)


def test_diagnoses_are_titled_by_their_card_and_code(share_course, share_seed):
    view = _titled(share_course, share_seed)
    diagnoses = next(s for s in view.sections if s.key == "diagnoses").entries
    assert {e.title for e in diagnoses} == {"Iskias (lumbal radikulopati) · ICPC-2:L86", "Diskusprolaps · ICD-10:M51.1"}
    first = next(e for e in diagnoses if e.code == "ICPC-2:L86")
    assert first.card_title == "Iskias (lumbal radikulopati)" and first.card == "lumbar-radiculopathy"
    assert first.details[0].startswith("Straight leg raise")  # the finding's own text follows
    assert first.to_json()["card_title"] == "Iskias (lumbal radikulopati)"
    # Without the cards (or a card the reader does not know): the code alone, as before.
    bare = _titled(share_course, share_seed, titles=None)
    assert {e.title for e in next(s for s in bare.sections if s.key == "diagnoses").entries} == {
        "ICPC-2:L86", "ICD-10:M51.1"}
    assert "Kort: lumbar-radiculopathy" in render_text(bare)
    assert "Kort: lumbar-radiculopathy" not in render_text(view)  # its name is in the title already


def test_an_uncoded_finding_with_a_card_is_titled_by_the_card():
    records = [{"id": "f1", "type": "finding", "date": "2026-09-01", "source": "patient", "role": "physiotherapist",
                "kind": "examination", "text": "Pain on flexion.", "card": "disc-herniation"}]
    course = {"profile": {"name": "Test Person"}, "records": records}
    view = _titled(course, bytes(range(32)), sections=["findings"])
    findings = next(s for s in view.sections if s.key == "findings").entries
    assert [(e.title, e.details[0]) for e in findings] == [("Diskusprolaps", "Pain on flexion.")]


@pytest.mark.parametrize(("lang", "red_flags", "medication"), [
    ("da", "Ingen screening for røde flag registreret", "Ingen medicin registreret"),
    ("en", "No red-flag screening recorded", "No medication recorded"),
])
def test_a_shared_section_with_nothing_says_so_apart_from_one_not_shared(share_course, share_seed, lang, red_flags,
                                                                         medication):
    records = [r for r in share_course["records"]
               if r["type"] != "medication" and r.get("kind") != "red_flag_screening"]
    view = _view(share_course, share_seed, lang=lang, records=records, sections=["red_flags", "medication", "work"])
    by_key = {s.key: s for s in view.sections}
    assert by_key["red_flags"].entries == () and by_key["red_flags"].empty_text == red_flags
    assert by_key["medication"].empty_text == medication
    assert by_key["work"].entries  # not empty: its line is never used
    assert "treatments" not in by_key and "treatments" in view.not_shared  # not shared: no "nothing"
    text = render_text(view)
    assert red_flags in text and medication in text
    # In a shared period the empty line says "in the period".
    period = _view(share_course, share_seed, lang=lang, sections=["medication"], period=("2026-10-01", None))
    assert period.sections[0].empty_text.startswith(medication) and period.sections[0].empty_text != medication


def test_danish_text_has_danish_dates_numbers_and_no_iso(share_course, share_seed):
    records = [dict(r, hours_per_week=18.5) if r["type"] == "work" else dict(r) for r in share_course["records"]]
    view = _view(share_course, share_seed, lang="da", records=records, period=("2026-08-01", "2026-12-31"))
    text = render_text(view)
    assert not ISO_DATE.search(text), ISO_DATE.search(text)
    assert "18,5 timer om ugen" in text and "18.5" not in text
    assert "Anna Jensen, født 14.3.1978" in text
    assert "Periode: 1.8.2026 til 31.12.2026" in text and view.period_line() == "Periode: 1.8.2026 til 31.12.2026"
    assert "Sluttede 30.8.2026" in text and "  2.8.2026    " in text  # an entry's date, in its column
    assert view.patient_line() == "Anna Jensen, født 14.3.1978"
    assert "UTC" not in text and " kl. " in text
    english = _view(share_course, share_seed, lang="en", records=records)
    assert "18.5 hours a week" in render_text(english) and "born 14 Mar 1978" in render_text(english)


def test_readable_formats():
    assert readable_date("2026-08-01", "da") == "1.8.2026" and readable_date("2026-08-01", "en") == "1 Aug 2026"
    assert readable_date(None) == "" and readable_date("") == ""
    assert readable_number(18.5, "da") == "18,5" and readable_number(37.0, "da") == "37"
    assert readable_number(18.5, "en") == "18.5"
    moment = datetime(2026, 12, 1, 9, 5, tzinfo=UTC)
    local = moment.astimezone()
    assert readable_moment(moment, "da") == f"{local.day}.{local.month}.{local.year} kl. {local:%H.%M}"
    assert readable_moment(None) == ""
    assert readable_date(date(2026, 1, 2).isoformat(), "da") == "2.1.2026"


def test_a_refused_code_says_why_in_words(share_course, share_seed):
    share = issue_from_records(share_course["profile"], share_course["records"], share_seed, now=NOW,
                               lifetime=timedelta(hours=1))
    code = share.text
    tampered, cut_short = tampered_code(code), cut_short_code(code)
    for bad, words_da, words_en, reason in (
        (tampered, "signaturen passer ikke", "signature does not match", "signature"),
        (cut_short, "afkortet", "cut short", None),
    ):
        da = build_view(read_text(bad, now=NOW), "da")
        assert da.status == "invalid" and words_da in da.message, da.message
        assert not re.search(r"\(|base45|length|signature\b", da.message), da.message
        assert words_en in build_view(read_text(bad, now=NOW), "en").message
        if reason:
            assert da.to_json()["reason"] == reason  # --json keeps the codec's own word for machines


def test_every_reason_has_words_in_both_languages():
    # A reason without words here would reach a Danish screen in English.
    assert set(REASONS) == set(Reason)
    for key in set(REASONS.values()):
        for lang in ("da", "en"):
            words = t(f"share.reason.{key}", lang)
            assert words and words != f"share.reason.{key}"


def _literal_reasons(source: str) -> list[int]:
    """Lines where a refusal's reason is written as a plain string instead of a Reason."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.keyword) and node.arg == "reason" and isinstance(node.value, ast.Constant)
    ]


def test_the_codes_and_the_reader_refuse_only_with_a_reason_member():
    src = Path(__file__).resolve().parents[2] / "src" / "infocards"
    paths = [path for package in ("codes", "reader") for path in sorted((src / package).glob("*.py"))]
    found = {path.name: lines for path in paths if (lines := _literal_reasons(path.read_text("utf-8")))}
    assert not found
    # the finder sees a literal where there is one
    assert _literal_reasons('raise InvalidCode(reason="signature")') == [1]
    assert _literal_reasons("raise InvalidCode(reason=Reason.SIGNATURE)") == []


def test_a_reason_reads_as_its_words_in_json():
    # `infocards read --json` gives the format's words (docs/FORMAT.md 5.1), not the enum's name.
    assert json.dumps({"reason": Reason.TOO_SHORT}) == '{"reason": "too short"}'


def test_what_happened_at_a_visit_is_never_shown_as_the_plan(share_course, share_seed):
    # Issue 19, bug 2: a visit's "what happened" reached the clinician under "Plan".
    from tests.share.notes import note_for
    from tests.share.test_note import _stored

    encounters = [r for r in share_course["records"] if r["type"] == "encounter" and r.get("summary")]
    assert encounters  # the reference course has visits with a text
    note, _code = note_for(share_course["profile"], share_seed)  # its encounter holds a plan
    records = [*share_course["records"], *_stored(note)]
    view = _view(share_course, share_seed, records=records, max_version=40 - 10)
    by_key = {s.key: s for s in view.sections}
    visits = [e.title for e in by_key["visits"].entries]
    assert visits and all(e.source != "professional" or e.signer is None for e in by_key["visits"].entries)
    assert {r["summary"] for r in encounters} & set(visits)
    plan = by_key["plan"].entries
    assert [e.title for e in plan] == ["Plan: continue exercise, follow-up in 4 weeks"]
    assert all(e.signer is not None for e in plan)
    text = render_text(view)
    assert text.index("VISITS: WHAT HAPPENED") < text.index("PLAN FROM A PROFESSIONAL")


def test_a_notes_encounter_is_its_plan_and_never_a_visit(share_course, share_seed):
    # A note read on its own (the wallet's receive screen, the reader): its encounter is what the
    # professional plans; "visits" are the patient's own entries (FORMAT.md §6.2). It showed twice.
    from infocards.reader.signed_view import note_json
    from tests.share.notes import note_for

    _note, code = note_for(share_course["profile"], share_seed)
    data = note_json(read_text(code, now=NOW), "en")
    assert "visits" not in data["sections"]
    assert [e["title"] for e in data["sections"]["plan"]] == ["Plan: continue exercise, follow-up in 4 weeks"]
