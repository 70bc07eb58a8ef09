"""The wallet session in a real Chromium: typing keeps auto-lock away, a language switch keeps what
was typed, and after an auto-lock the unlock leads back to the form as it was."""

from __future__ import annotations

import pytest

from tests.e2e.harness import (
    by_id,
    enable_semantics,
    open_app,
    served_with_wallet,
    tap,
    type_into,
    wait_for_text,
    wait_id,
)

PASSPHRASE = "rolig ryg og varm kaffe"
# Auto-lock after 6 s without use (the app checks every 5 s).
SETTINGS = """
[content]
packs = ["national"]
[app]
default_language = "da"
[wallet]
auto_lock_minutes = 0.1
[share]
expiry_minutes = 30
display_seconds = 120
"""


@pytest.fixture
def quick_lock_app(tmp_path):
    config = tmp_path / "flet.toml"
    config.write_text(SETTINGS, encoding="utf-8")
    with served_with_wallet(tmp_path, PASSPHRASE, env={"INFOCARDS_CONFIG": str(config)}) as (url, _wallet_file):
        yield url


def _typed(page) -> str:
    """The text field's text: Flutter mirrors it into the DOM while the field has focus."""
    field = by_id(page, "field-text").locator("textarea, input").first
    field.click()
    page.wait_for_function("el => document.activeElement === el", arg=field.element_handle())
    return field.evaluate("el => el.value")


def test_typing_language_switch_and_auto_lock_keep_the_form(quick_lock_app, browser_page):
    page = browser_page
    open_app(page, quick_lock_app + "wallet")
    type_into(page, "unlock-passphrase", PASSPHRASE)
    tap(page, "wallet-unlock")
    wait_id(page, "timeline-heading", timeout_ms=60_000)
    tap(page, "wallet-add")
    tap(page, "add-note")
    wait_id(page, "form-heading")

    # 16 s of slow typing: well past the 6-s limit, but each key counts as use.
    type_into(page, "field-text", "G")
    for letter in "ik en tur":
        page.wait_for_timeout(1_800)
        page.keyboard.type(letter)
    assert page.locator('[flt-semantics-identifier="locked-heading"]').count() == 0
    assert _typed(page) == "Gik en tur"

    # Switching language redraws the form in English with the text still there.
    tap(page, "language-switch")
    page.wait_for_function(
        "document.querySelector('[flt-semantics-identifier=\"form-heading\"]').innerText.includes('Note')")
    assert "Unlock" not in page.locator("flt-semantics-host").inner_text()
    assert _typed(page) == "Gik en tur"

    # Left alone, the wallet locks; unlocking leads back to the same form, text and all.
    wait_id(page, "locked-heading", timeout_ms=30_000)
    tap(page, "goto-unlock")
    type_into(page, "unlock-passphrase", PASSPHRASE)
    tap(page, "wallet-unlock")
    wait_id(page, "form-heading", timeout_ms=60_000)
    assert _typed(page) == "Gik en tur"



def test_auto_lock_works_again_after_a_reload(quick_lock_app, browser_page):
    """A reload keeps Flet's session (main does not run again): the reload locks the wallet, and
    after the next unlock the auto-lock must still come."""
    page = browser_page
    open_app(page, quick_lock_app + "wallet")
    type_into(page, "unlock-passphrase", PASSPHRASE)
    tap(page, "wallet-unlock")
    wait_id(page, "timeline-heading", timeout_ms=60_000)

    page.reload()
    enable_semantics(page)
    wait_id(page, "unlock-heading", timeout_ms=60_000)  # a reload locks: the timeline is not shown
    assert page.locator('[flt-semantics-identifier="timeline-heading"]').count() == 0
    type_into(page, "unlock-passphrase", PASSPHRASE)
    tap(page, "wallet-unlock")
    wait_id(page, "timeline-heading", timeout_ms=60_000)
    # Left alone for the 6-s limit (checked every 5 s), the wallet locks again.
    wait_id(page, "unlock-heading", timeout_ms=40_000)
    assert page.locator('[flt-semantics-identifier="timeline-heading"]').count() == 0


@pytest.fixture
def new_wallet_app(tmp_path):
    with served_with_wallet(tmp_path) as (url, wallet_file):  # no wallet yet: the app creates it
        yield url, wallet_file


def test_a_reload_on_the_recovery_code_screen_shows_the_same_code_again(new_wallet_app, browser_page):
    """Until the patient confirms the code is written down, a reload shows it again and says why;
    it never jumps silently to the unlock screen (issue 19, bug 4)."""
    url, _wallet_file = new_wallet_app
    page = browser_page
    open_app(page, url + "wallet")
    wait_id(page, "wallet-create-heading")
    type_into(page, "wallet-passphrase", PASSPHRASE)
    type_into(page, "wallet-passphrase-again", PASSPHRASE)
    tap(page, "wallet-create")
    code = wait_id(page, "recovery-code", timeout_ms=60_000).inner_text().strip()
    assert code

    page.reload()
    enable_semantics(page)
    assert wait_id(page, "recovery-code", timeout_ms=60_000).inner_text().strip() == code
    assert "samme kode igen" in wait_for_text(page, "code-confirmation", "samme kode")
    assert by_id(page, "unlock-heading").count() == 0

    # Confirmed, the code is gone; the wallet was locked by the reload, so unlocking comes next.
    tap(page, "code-written")
    tap(page, "code-continue")
    wait_id(page, "unlock-heading")
    assert by_id(page, "recovery-code").count() == 0
    type_into(page, "unlock-passphrase", PASSPHRASE)
    tap(page, "wallet-unlock")
    wait_id(page, "timeline-heading", timeout_ms=60_000)


def test_every_wrong_passphrase_in_one_tab_is_said_again(quick_lock_app, browser_page):
    """The unlock screen's message reaches the accessibility tree after the first try too: the
    fourth wrong passphrase in the same tab says how long to wait."""
    page = browser_page
    open_app(page, quick_lock_app + "wallet")
    for attempt in range(1, 4):
        type_into(page, "unlock-passphrase", f"forkert gæt nummer {attempt}", clear=True)
        tap(page, "wallet-unlock")
        wait_for_text(page, "wallet-error", "Forkert adgangskode", timeout_ms=60_000)
    type_into(page, "unlock-passphrase", "forkert gæt nummer 4", clear=True)
    tap(page, "wallet-unlock")
    assert "vente 2 sekunder" in wait_for_text(page, "wallet-error", "vente", timeout_ms=60_000)
