"""The wallet in a real Chromium: create, see the recovery code, add a visit, lock, unlock, see it."""

from __future__ import annotations

import pytest

from infocards.wallet import Wallet
from tests.e2e.harness import by_id, open_app, served_with_wallet, tap, type_into, wait_for_text, wait_id

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
    tap(page, "wallet-add")
    tap(page, "add-encounter")
    wait_id(page, "form-heading")
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
