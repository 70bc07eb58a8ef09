"""The wallet in a real Chromium: create, see the recovery code, add a visit, lock, unlock, see it;
forms that say what is wrong, Kort til dit forløb, the share log and the role card from a form."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from infocards.wallet import Wallet
from tests.e2e.harness import (
    by_id,
    go_back,
    open_app,
    served_with_wallet,
    tap,
    text_of,
    type_into,
    wait_for_text,
    wait_id,
)

PASSPHRASE = "rolig ryg og varm kaffe"


@pytest.fixture
def wallet_app(tmp_path):
    with served_with_wallet(tmp_path) as app:  # no wallet yet: the app creates it
        yield app


def test_create_add_lock_unlock(wallet_app, browser_page, screenshot):
    url, wallet_file = wallet_app
    page = browser_page
    open_app(page, url + "wallet")

    wait_id(page, "wallet-create-heading")
    type_into(page, "wallet-passphrase", PASSPHRASE)
    type_into(page, "wallet-passphrase-again", PASSPHRASE)
    tap(page, "wallet-create")

    code = wait_id(page, "recovery-code", timeout_ms=60_000).inner_text().strip()
    assert len(code.replace("-", "").replace(" ", "")) >= 20, code
    screenshot(page, "recovery-code")
    assert wallet_file.exists()
    tap(page, "code-written")
    tap(page, "code-continue")

    wait_id(page, "timeline-empty")
    # An empty course says what to do next: add the first visit (or read about a typical course).
    wait_id(page, "wallet-read-course")
    wait_id(page, "mycards-empty")
    tap(page, "wallet-first-visit")
    wait_for_text(page, "form-heading", "Besøg")
    by_id(page, "field-role").click()
    page.get_by_role("button", name="Fysioterapeut", exact=True).click()
    type_into(page, "field-place", "FysioMidt")
    type_into(page, "field-summary", "Første undersøgelse og øvelser")
    tap(page, "form-save")

    wait_id(page, "timeline-heading")
    page.wait_for_function("[...document.querySelectorAll('[flt-semantics-identifier^=\"record-\"]')].length == 1")
    entry = page.locator('[flt-semantics-identifier^="record-"]').first
    assert "FysioMidt" in entry.inner_text()
    screenshot(page, "timeline")

    tap(page, "wallet-lock")
    wait_id(page, "unlock-heading")
    type_into(page, "unlock-passphrase", "wrong passphrase here")
    tap(page, "wallet-unlock")
    error = wait_for_text(page, "wallet-error", timeout_ms=60_000).lower()
    assert "forkert" in error, error  # Danish first: the app's default language

    type_into(page, "unlock-passphrase", PASSPHRASE, clear=True)
    tap(page, "wallet-unlock")
    wait_id(page, "timeline-heading", timeout_ms=60_000)
    assert "FysioMidt" in page.locator('[flt-semantics-identifier^="record-"]').first.inner_text()

    # Closing the tab ends its session, which lets go of the wallet: a new tab can unlock it.
    # (A reload keeps Flet's session, and with it the unlocked wallet, until auto-lock.)
    context = page.context
    page.close()
    page = context.new_page()
    open_app(page, url + "wallet")
    type_into(page, "unlock-passphrase", PASSPHRASE)
    tap(page, "wallet-unlock")
    wait_id(page, "timeline-heading", timeout_ms=60_000)

    # What the browser showed is what the file holds: lock (which releases the file) and read it back.
    tap(page, "wallet-lock")
    wait_id(page, "unlock-heading")
    with Wallet.open(wallet_file, PASSPHRASE) as wallet:
        records = wallet.records()
    assert [(r["type"], r["role"], r["place"], r["source"]) for r in records] == [
        ("encounter", "physiotherapist", "FysioMidt", "patient")
    ]


COURSE = Path(__file__).resolve().parents[1] / "fixtures" / "wallets" / "reference-course.json"


@pytest.fixture
def course_app(tmp_path):
    course = json.loads(COURSE.read_text(encoding="utf-8"))
    with served_with_wallet(tmp_path, PASSPHRASE, course["profile"], course["records"]) as app:
        yield app


def _value(page, identifier: str) -> str:
    """The text in a field: Flutter mirrors it into the DOM while the field has focus."""
    field = wait_id(page, identifier).locator("input, textarea").first
    field.click()
    page.wait_for_function("el => document.activeElement === el", arg=field.element_handle())
    return field.evaluate("el => el.value")


def _pick(page, identifier: str, option: str) -> None:
    by_id(page, identifier).click()
    page.get_by_role("button", name=option, exact=True).click()


def _wait_text_gone(page, identifier: str, part: str) -> None:
    page.wait_for_function(
        """([id, part]) => {
            const el = document.querySelector(`[flt-semantics-identifier="${id}"]`);
            const said = [el, ...el.querySelectorAll('[aria-label]')]
                .map(e => (e.getAttribute('aria-label') || '') + e.innerText).join(' ');
            return !said.includes(part);
        }""",
        arg=[identifier, part],
    )


def test_forms_say_what_is_wrong_clear_when_fixed_and_confirm_the_save(course_app, browser_page, screenshot):
    url, wallet_file = course_app
    page = browser_page
    open_app(page, url + "wallet")
    type_into(page, "unlock-passphrase", PASSPHRASE)
    tap(page, "wallet-unlock")
    wait_id(page, "timeline-heading", timeout_ms=60_000)

    # The finding of r03 reads with its card's name; the code is on the entry's own screen.
    finding = text_of(page, "record-r03")
    assert "Iskias (lumbal radikulopati) · Straight leg raise" in finding and "ICPC-2" not in finding
    # Kort til dit forløb: chosen from the records, with why; three first, the rest on request.
    assert "Dit fund fra 10. oktober 2026 er denne diagnose." in text_of(page, "mycard-disc-herniation")
    assert by_id(page, "mycard-role-gp").count() == 0
    tap(page, "mycards-more")
    assert "praktiserende læge den 2. august 2026" in text_of(page, "mycard-role-gp")
    tap(page, "mycard-sick-pay")
    wait_id(page, "card-title")
    go_back(page)
    wait_id(page, "timeline-heading")
    # The share log is one tap from the wallet's main screen.
    tap(page, "wallet-share-log")
    wait_id(page, "share-log-heading")
    wait_id(page, "share-log-empty")
    go_back(page)

    tap(page, "wallet-add")
    assert "Hvad en fagperson fandt ved en undersøgelse eller scanning." in text_of(page, "add-finding")
    screenshot(page, "chooser")
    tap(page, "add-treatment")
    wait_id(page, "form-heading")
    # A treatment can take more than one line to describe: a field of several lines.
    type_into(page, "field-what", "")
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    type_into(page, "field-date", "5.8.2026", clear=True)
    type_into(page, "field-end", "1.8.2026")
    tap(page, "form-save")
    wait_for_text(page, "form-error", "Ret de markerede felter")
    page.wait_for_function(
        "document.querySelector('[flt-semantics-identifier=\"field-end\"]').innerText.includes('Slutdatoen')"
        " || [...document.querySelectorAll('[flt-semantics-identifier=\"field-end\"] [aria-label]')]"
        ".some(e => e.getAttribute('aria-label').includes('Slutdatoen ligger før startdatoen'))")
    screenshot(page, "form-problems")
    type_into(page, "field-end", "10.8.2026", clear=True)
    _wait_text_gone(page, "field-end", "Slutdatoen")  # fixed: the mark goes while typing
    _pick(page, "field-role", "Fysioterapeut")
    type_into(page, "field-what", "Øvelser")
    _pick(page, "field-effect", "Nogen effekt")
    _wait_text_gone(page, "form-error", "Ret de markerede")  # every field right: the summary goes too
    tap(page, "form-save")
    notice = wait_for_text(page, "saved-notice", "Behandling er gemt i din mappe.")
    assert "Vis dit resumé" in notice

    # "Om denne fagperson" keeps what was typed, and Back from the card returns to the form.
    tap(page, "wallet-add")
    tap(page, "add-encounter")
    wait_id(page, "form-heading")
    _pick(page, "field-role", "Kiropraktor")
    type_into(page, "field-place", "Klinik Nord")
    tap(page, "about-role")
    wait_for_text(page, "card-title", "Kiropraktor")
    go_back(page)
    wait_id(page, "form-heading")
    assert _value(page, "field-place") == "Klinik Nord"
    assert "Kiropraktor" in text_of(page, "field-role")
    go_back(page)
    tap(page, "leave-discard")  # what was typed is not saved: Back asks first
    wait_id(page, "timeline-heading")

    # Stored dates come back the Danish way on the edit form and the profile.
    tap(page, "record-r04")
    wait_id(page, "form-heading")
    assert _value(page, "field-date") == "5.8.2026"
    go_back(page)
    tap(page, "wallet-profile")
    wait_id(page, "profile-heading")
    assert _value(page, "profile-birth_date") == "14.3.1978"

    go_back(page)
    tap(page, "wallet-lock")
    wait_id(page, "unlock-heading")
    with Wallet.open(wallet_file, PASSPHRASE) as wallet:
        saved = [r for r in wallet.records() if r["type"] == "treatment" and r["what"] == "Øvelser"]
    assert [(r["date"], r["end"], r["role"], r["effect"]) for r in saved] == [
        ("2026-08-05", "2026-08-10", "physiotherapist", "some")]


def test_the_last_saved_note_follows_a_switch_to_english(course_app, browser_page):
    """After an unlock on the way back to a form, "Sidst gemt ..." shows at the bottom; switching
    to English says it in English, and the Danish one is gone (issue 19, bug 13)."""
    url, _wallet_file = course_app
    page = browser_page
    open_app(page, url + "wallet/add")
    tap(page, "goto-unlock")
    type_into(page, "unlock-passphrase", PASSPHRASE)
    tap(page, "wallet-unlock")
    wait_id(page, "add-finding", timeout_ms=60_000)
    wait_for_text(page, "unlock-last-saved", "Sidst gemt")

    tap(page, "language-switch")
    page.wait_for_function(
        """() => {
            const notes = [...document.querySelectorAll('[flt-semantics-identifier="unlock-last-saved"]')];
            return notes.length === 1 && notes[0].innerText.includes('Last saved');
        }""")
    assert "Sidst gemt" not in page.locator("flt-semantics-host").inner_text()


def test_the_finding_forms_diagnosis_list_offers_diagnoses_only(course_app, browser_page):
    """Not "Røde flag" or "Medicin mod rygsmerter", filed under Diagnoser beside them (issue 19, bug 15)."""
    url, _wallet_file = course_app
    page = browser_page
    open_app(page, url + "wallet/add/finding")
    tap(page, "goto-unlock")
    type_into(page, "unlock-passphrase", PASSPHRASE)
    tap(page, "wallet-unlock")
    wait_id(page, "form-heading", timeout_ms=60_000)
    by_id(page, "field-card").click()
    page.get_by_role("button", name="Diskusprolaps", exact=True).wait_for(state="attached")
    offered = page.locator("flt-semantics-host").inner_text()
    assert "Iskias (lumbal radikulopati)" in offered
    assert "Røde flag" not in offered and "Medicin mod rygsmerter" not in offered
    assert "Smertestillende medicin" not in offered


def test_back_from_a_half_filled_form_asks_first(course_app, browser_page, screenshot):
    """The app bar's Back and the browser's Back ask before they throw typed text away; staying
    keeps it; an untouched form leaves without asking (issue 19, friction)."""
    url, _wallet_file = course_app
    page = browser_page
    open_app(page, url + "wallet")
    type_into(page, "unlock-passphrase", PASSPHRASE)
    tap(page, "wallet-unlock")
    wait_id(page, "timeline-heading", timeout_ms=60_000)
    tap(page, "wallet-add")
    tap(page, "add-note")
    wait_id(page, "form-heading")
    go_back(page)  # nothing typed: no question
    wait_id(page, "timeline-heading")
    assert by_id(page, "leave-stay").count() == 0

    tap(page, "wallet-add")
    tap(page, "add-note")
    wait_id(page, "form-heading")
    type_into(page, "field-text", "Gik en tur")
    page.go_back()  # the browser's Back
    wait_id(page, "leave-stay")
    screenshot(page, "leave-form")
    tap(page, "leave-stay")
    page.wait_for_function("document.querySelectorAll('[flt-semantics-identifier=\"leave-stay\"]').length === 0")
    wait_id(page, "form-heading")
    assert by_id(page, "add-note").count() == 0
    assert _value(page, "field-text") == "Gik en tur"

    go_back(page)  # the app bar's Back
    tap(page, "leave-discard")
    wait_id(page, "timeline-heading")
    tap(page, "wallet-add")
    tap(page, "add-note")
    wait_id(page, "form-heading")
    assert _value(page, "field-text") == ""  # thrown away, as chosen

    # My details ask the same way; once saved, Back goes at once.
    go_back(page)
    wait_id(page, "timeline-heading")
    tap(page, "wallet-profile")
    type_into(page, "profile-gp", "Lægerne i Søndergade", clear=True)
    go_back(page)
    tap(page, "leave-stay")
    page.wait_for_function("document.querySelectorAll('[flt-semantics-identifier=\"leave-stay\"]').length === 0")
    tap(page, "profile-save")
    wait_for_text(page, "profile-message")
    go_back(page)
    wait_id(page, "timeline-heading")
    assert by_id(page, "leave-stay").count() == 0
