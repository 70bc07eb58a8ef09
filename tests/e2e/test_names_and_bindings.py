"""Issue 17 items 1, 2, 3 and 11 in a real Chromium: the reader offers a note only for the
patient whose summary was read (or a note for anyone, chosen by name), a name cannot paint a
key line or pass for a known patient's, and a signed note's standing reads from its fields."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.e2e.harness import by_id, open_app, paste_into, tap, text_of, wait_for_text, wait_id
from tests.reader.test_names import summary_with_name

VECTORS = Path(__file__).resolve().parents[2] / "docs" / "format" / "vectors"


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0) - timedelta(seconds=30)


def _read(page, code: str) -> None:
    if by_id(page, "reader-new").count():
        tap(page, "reader-new")
    paste_into(page, "reader-paste", code)
    tap(page, "reader-read")


def test_a_note_is_offered_only_for_the_summary_read_or_for_anyone_by_name(app_url, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 2400})
    open_app(page, app_url + "reader")
    wait_id(page, "reader-note-anyone")
    assert by_id(page, "reader-write-note").count() == 0
    open_app(page, app_url + "reader/note")  # straight to the form: it asks for a summary first
    wait_for_text(page, "note-needs-summary", "Læs først patientens kode")
    assert by_id(page, "note-make").count() == 0 and by_id(page, "note-bound").count() == 0
    tap(page, "note-read-code")
    _read(page, summary_with_name("Anna Jensen", bytes(32), _now()))
    wait_for_text(page, "reader-status", "GYLDIG")
    assert by_id(page, "reader-note-anyone").count() == 0
    tap(page, "reader-write-note")
    assert "Anna Jensen" in wait_for_text(page, "note-bound", "Anna Jensen")


def test_a_name_cannot_paint_a_key_line_or_pass_for_a_known_patient(app_url, browser_page, screenshot):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 2000})
    open_app(page, app_url + "reader")
    _read(page, summary_with_name("Anna Jensen", bytes(32), _now()))
    wait_for_text(page, "reader-status", "GYLDIG")
    key = wait_id(page, "reader-key").bounding_box()
    name = wait_id(page, "reader-patient").bounding_box()
    assert key["y"] + key["height"] <= name["y"]  # the key in a place of its own, above the name
    # A first meeting promises nothing about "the same phone as last time" (issue 19, friction);
    # the same key read again does say so. (A name no other test of this server reads.)
    _read(page, summary_with_name("Karen Holm", bytes([7]) * 32, _now()))
    wait_for_text(page, "reader-patient", "Karen Holm")
    assert "samme telefon" not in text_of(page, "reader-key") and by_id(page, "reader-key-known").count() == 0
    _read(page, summary_with_name("Karen Holm", bytes([7]) * 32, _now()))
    assert "samme telefon som sidst" in wait_for_text(page, "reader-key-known", "samme telefon")
    # The same name with a Cyrillic "А", from another phone: no line of its own, but a warning.
    _read(page, summary_with_name("Аnna Jensen", bytes(range(32)), _now()))
    assert "ligner et kendt navn" in wait_for_text(page, "reader-key-lookalike")
    # A name holding a line break and a fake key line: the code is refused, nothing of it shown.
    fake = "Anna Jensen\nNøgle: AAAA-AAAA-AAAA-AAAA\u200b"
    _read(page, summary_with_name(fake, bytes(range(1, 33)), _now()))
    assert "patientens navn" in wait_for_text(page, "reader-status", "UGYLDIG")
    assert by_id(page, "reader-patient").count() == 0 and by_id(page, "reader-key").count() == 0
    screenshot(page, "reader-name-refused")


def test_a_signed_note_reads_from_its_fields_unbound_and_withheld_marked(app_url, browser_page, screenshot):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 3000})
    open_app(page, app_url + "reader")
    for case, marks in (("carried-note-unbound", "signer-unbound"), ("carried-withheld", "signer-withheld")):
        code = json.loads((VECTORS / f"{case}.json").read_text(encoding="utf-8"))["stages"]["code"]
        _read(page, code)  # issued 2026-12-01: expired by now, its data still shown
        wait_for_text(page, "reader-status", "UDLØBET")
        for mark in (marks, "signer-trust-not_listed"):  # one per entry of the note
            by_id(page, mark).first.wait_for(state="attached")
        findings = text_of(page, "reader-section-findings")
        assert "nøglen står ikke på en liste" in findings
        if case == "carried-note-unbound":
            assert "Ikke skrevet til en bestemt patient" in findings
        else:
            assert "3 punkter mere i denne note er ikke delt" in findings
            assert by_id(page, "signer-unbound").count() == 0
    screenshot(page, "reader-withheld")
