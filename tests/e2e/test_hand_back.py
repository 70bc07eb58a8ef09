"""Hand-back in a real Chromium: a clinician writes a signed note in the reader, its QR decodes to a
note, the patient's app receives it, and the next summary shows the entries as signed by them."""

from __future__ import annotations

import json
from pathlib import Path

from infocards.reader import read_text
from infocards.share import issue_share
from infocards.wallet import Wallet
from tests.e2e.harness import (
    by_id,
    decoded_codes,
    go_back,
    open_app,
    paste_into,
    served_with_wallet,
    tap,
    text_of,
    type_into,
    wait_for_text,
    wait_id,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "wallets" / "reference-course.json"
PASSPHRASE = "rolig ryg og varm kaffe"
KEY_PASSPHRASE = "klinikkens lange kodeord"
FINDING = "SLR negativ begge sider, kraft normal"


def _summary(wallet_file: Path) -> str:
    with Wallet.open(wallet_file, PASSPHRASE) as wallet:
        return issue_share(wallet, log=False).text


def _value(page, identifier: str) -> str:
    """A text field's text: Flutter mirrors it into the DOM only while the field has focus."""
    field = wait_id(page, identifier).locator("input, textarea").first
    field.click()
    page.wait_for_function("el => document.activeElement === el", arg=field.element_handle())
    return field.evaluate("el => el.value")


def test_a_note_goes_from_the_reader_to_the_wallet_and_on_signed(tmp_path, browser_page, screenshot):
    course = json.loads(FIXTURE.read_text(encoding="utf-8"))
    env = {"INFOCARDS_CLINIC_KEY": str(tmp_path / "clinic.key")}
    with served_with_wallet(tmp_path, PASSPHRASE, course["profile"], course["records"], env=env) as (url, wallet):
        page = browser_page
        page.set_viewport_size({"width": 1280, "height": 3400})  # the whole note form and its QR
        summary = _summary(wallet)

        # The clinician reads the patient's summary, then writes a note back.
        open_app(page, url + "reader")
        paste_into(page, "reader-paste", summary)
        tap(page, "reader-read")
        wait_for_text(page, "reader-status", "GYLDIG")
        tap(page, "reader-write-note")
        assert "Anna Jensen" in wait_for_text(page, "note-bound", "Anna Jensen")

        # No clinic key yet: make one, and see the fingerprint to write down.
        type_into(page, "note-key-name", "Mette Hansen")
        type_into(page, "note-key-place", "Middelfart Fysioterapi")
        type_into(page, "note-key-passphrase", KEY_PASSPHRASE)
        type_into(page, "note-key-passphrase-again", KEY_PASSPHRASE)
        tap(page, "note-key-create")
        fingerprint = wait_for_text(page, "note-key-fingerprint").strip()
        assert len(fingerprint) == 19 and fingerprint.count("-") == 3

        # The draft survives a language switch and an accidental Back.
        type_into(page, "note-finding_text", FINDING)
        tap(page, "language-switch")
        wait_for_text(page, "note-heading", "Note for the patient")
        assert _value(page, "note-finding_text") == FINDING
        go_back(page)
        wait_id(page, "reader-status")  # the reader again, its result first (the input folded away)
        tap(page, "reader-write-note")
        assert _value(page, "note-finding_text") == FINDING
        tap(page, "language-switch")
        wait_for_text(page, "note-heading", "Note til patienten")
        type_into(page, "note-treatment_what", "Superviseret træning 2 gange om ugen")
        type_into(page, "note-plan_text", "Fortsæt træning, kontrol om 4 uger")
        tap(page, "note-make")
        qr = wait_id(page, "note-qr")
        wait_for_text(page, "note-code-text", "IN1:")
        # On a screen of its own, the whole code in view at once (it was below the long form).
        box = qr.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= 844, box
        texts = decoded_codes(qr.screenshot)  # the image is painted a frame or more after its node
        shot = screenshot(page, "note-qr")
        assert len(texts) == 1, f"zxing-cpp found {len(texts)} codes in the note screen ({shot})"
        note = read_text(texts[0])
        assert note.is_note and note.status == "valid" and len(note.note.records) == 3
        assert note.note.signer.fingerprint == fingerprint

        # The patient receives it in the wallet (pasted).
        open_app(page, url + "wallet")
        type_into(page, "unlock-passphrase", PASSPHRASE)
        tap(page, "wallet-unlock")
        tap(page, "wallet-receive")
        paste_into(page, "receive-paste", texts[0])
        tap(page, "receive-read")
        assert "Mette Hansen" in wait_for_text(page, "receive-signer-name")
        assert fingerprint in wait_for_text(page, "receive-signer-fingerprint")
        screenshot(page, "note-receive")
        tap(page, "receive-save")
        assert "3 nye" in wait_for_text(page, "receive-message", "Gemt")
        go_back(page)
        # The timeline names who wrote the received entries.
        page.wait_for_function(
            """() => [...document.querySelectorAll('[flt-semantics-identifier^="record-"]')]
                     .filter(el => (el.innerText + (el.getAttribute('aria-label') || '') +
                                    [...el.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label'))
                                    .join(' ')).includes('Skrevet og underskrevet af Mette Hansen')).length === 3"""
        )
        tap(page, "wallet-lock")
        wait_id(page, "unlock-heading")

        # The next summary, read in the reader, shows the entries as signed by that professional.
        after = _summary(wallet)
        # A new tab: a reload would reuse the Flet session, which still shows the first code read.
        page = page.context.new_page()
        page.set_viewport_size({"width": 1280, "height": 3400})
        open_app(page, url + "reader")
        paste_into(page, "reader-paste", after)
        tap(page, "reader-read")
        wait_for_text(page, "reader-status", "GYLDIG")
        findings = text_of(page, "reader-section-findings")
        assert FINDING in findings and "Mette Hansen" in findings and "underskrift kontrolleret" in findings
        assert fingerprint in findings and "ikke på en liste" in findings
        screenshot(page, "reader-signed")
        assert by_id(page, "reader-key").count() == 1


def test_the_note_screens_name_their_controls_and_keep_targets_large(tmp_path, browser_page):
    from tests.e2e.test_accessibility import _problems

    course = json.loads(FIXTURE.read_text(encoding="utf-8"))
    env = {"INFOCARDS_CLINIC_KEY": str(tmp_path / "clinic.key")}
    with served_with_wallet(tmp_path, PASSPHRASE, course["profile"], course["records"], env=env) as (url, _wallet):
        page = browser_page
        page.set_viewport_size({"width": 412, "height": 4200})
        problems: list[str] = []
        open_app(page, url + "reader/note")
        wait_id(page, "note-key-create")
        problems += _problems(page, "make a clinic key")
        type_into(page, "note-key-name", "Mette Hansen")
        type_into(page, "note-key-passphrase", KEY_PASSPHRASE)
        type_into(page, "note-key-passphrase-again", KEY_PASSPHRASE)
        tap(page, "note-key-create")
        wait_for_text(page, "note-key-fingerprint")
        problems += _problems(page, "write a note")
        open_app(page, url + "wallet")
        type_into(page, "unlock-passphrase", PASSPHRASE)
        tap(page, "wallet-unlock")
        tap(page, "wallet-receive")
        wait_id(page, "receive-heading")
        problems += _problems(page, "receive a note")
        assert problems == [], "\n".join(problems)


def test_a_reader_only_server_never_lets_a_visitor_make_the_clinic_key(tmp_path, browser_page):
    from tests.e2e.harness import free_port, infocards_web, served

    port = free_port()
    env = {"INFOCARDS_CLINIC_KEY": str(tmp_path / "clinic.key")}
    with served(infocards_web(port, "--reader"), port, tmp_path, env=env) as url:
        page = browser_page
        open_app(page, url + "reader")
        assert by_id(page, "reader-write-note").count() == 0  # no summary read: only a note for anyone
        tap(page, "reader-note-anyone")
        missing = wait_for_text(page, "note-key-missing", "it-ansvarlige")
        assert "clinic init" not in missing and "flet.toml" not in missing and "`" not in missing
        assert by_id(page, "note-key-create").count() == 0
        go_back(page)
        wait_id(page, "reader-heading")
    assert not (tmp_path / "clinic.key").exists()


def test_editing_a_signed_entry_warns_first_and_shows_who_wrote_it_and_that_it_changed(tmp_path, browser_page):
    # Issue 19, bug 1: the form dropped the signature and the timeline lost who wrote it.
    from infocards.notes.receive import receive_note
    from tests.share.notes import note_for

    course = json.loads(FIXTURE.read_text(encoding="utf-8"))
    wallet_file = tmp_path / "data" / "wallet.icw"
    wallet_file.parent.mkdir()
    wallet, _code = Wallet.create(wallet_file, PASSPHRASE, profile=course["profile"])
    wallet.put_many(course["records"])
    note, _text = note_for(course["profile"], wallet.signing_seed())
    finding_id = receive_note(wallet, note).ids[0]  # the note's first entry is a finding
    wallet.close()
    with served_with_wallet(tmp_path, env={"INFOCARDS_WALLET": str(wallet_file)}) as (url, _wallet):
        page = browser_page
        page.set_viewport_size({"width": 390, "height": 2400})
        open_app(page, url + "wallet")
        type_into(page, "unlock-passphrase", PASSPHRASE)
        tap(page, "wallet-unlock")
        tap(page, f"record-{finding_id}")
        warning = wait_for_text(page, "form-provenance", "Mette Hansen")
        assert "Du ændrer det, Mette Hansen" in warning and "ændret det" in warning
        type_into(page, "field-text", "Det, jeg selv husker fra undersøgelsen", clear=True)
        tap(page, "form-save")
        shown = wait_for_text(page, f"record-{finding_id}", "ændret af dig")
        assert "Skrevet af Mette Hansen" in shown and "underskrevet" not in shown
    with Wallet.open(wallet_file, PASSPHRASE) as wallet:
        stored = wallet.get(finding_id)
        assert "proof" in stored and stored["text"] == "Det, jeg selv husker fra undersøgelsen"
        summary = issue_share(wallet, log=False).text
    changed = [e for items in read_text(summary).summary.entries.values() for e in items if e.get("changed")]
    assert [e["text"] for e in changed] == ["Det, jeg selv husker fra undersøgelsen"]
