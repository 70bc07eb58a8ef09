"""Wallet settings in a real Chromium: change the passphrase (asking the current one), a new
recovery code, both backups (the unencrypted one after a warning), recovery, wipe with a warning."""

from __future__ import annotations

import json
import re

import pytest

from infocards.errors import WrongPassphrase
from infocards.wallet import Wallet
from tests.e2e.harness import (
    open_app,
    served_with_wallet,
    tap,
    text_of,
    type_into,
    wait_for_text,
    wait_id,
)

OLD = "rolig ryg og varm kaffe"
NEW = "ny og endnu længere kode"
RECORD = {"id": "n1", "type": "note", "date": "2026-11-02", "source": "patient", "text": "Gik en tur uden smerter"}


@pytest.fixture
def settings_app(tmp_path):
    with served_with_wallet(tmp_path, OLD, {"name": "Anna Jensen"}, [RECORD]) as app:
        yield app


CODE = re.compile(r"[0-9A-Z]{5}(?:-[0-9A-Z]{5}){4}")


def _shown_code(page) -> str:
    found = CODE.search(text_of(page, "recovery-code"))
    assert found, "no recovery code on the screen"
    return found.group()


def _write_down(page) -> None:
    tap(page, "code-written")
    tap(page, "code-continue")
    wait_id(page, "timeline-heading")


def test_change_passphrase_backups_and_wipe(settings_app, browser_page, tmp_path, screenshot):
    url, wallet_file = settings_app
    page = browser_page
    # Settings asked for while locked: unlock, and back to Settings with a note of the last save.
    open_app(page, url + "wallet/settings")
    tap(page, "goto-unlock")
    type_into(page, "unlock-passphrase", OLD)
    tap(page, "wallet-unlock")
    wait_id(page, "settings-heading", timeout_ms=60_000)
    assert "Sidst gemt " in wait_for_text(page, "unlock-last-saved", " kl. ")

    # The current passphrase is asked first; a wrong one changes nothing.
    type_into(page, "current-passphrase", "ikke den rigtige kode")
    type_into(page, "new-passphrase", NEW)
    type_into(page, "new-passphrase-again", NEW)
    tap(page, "change-passphrase")
    wait_for_text(page, "wallet-error", "nuværende adgangskode er forkert", timeout_ms=60_000)
    type_into(page, "current-passphrase", OLD, clear=True)
    tap(page, "change-passphrase")
    wait_for_text(page, "settings-message", "skiftet", timeout_ms=60_000)

    # A new recovery code, after a question that says the old one stops working; shown once.
    tap(page, "new-recovery-code")
    assert "holder op med at virke" in text_of(page, "new-code-confirm")
    tap(page, "new-code-yes")
    wait_for_text(page, "code-confirmation", "ny gendannelseskode", timeout_ms=60_000)
    new_code = _shown_code(page)
    screenshot(page, "new-recovery-code")
    _write_down(page)
    tap(page, "wallet-settings")

    with page.expect_download() as download:
        tap(page, "export-backup")
    backup = tmp_path / "backup.icw"
    download.value.save_as(backup)
    # The unencrypted file only after a warning that says what it means.
    tap(page, "export-json")
    warning = text_of(page, "export-confirm")
    assert "ikke krypteret" in warning and "uden adgangskode" in warning
    screenshot(page, "export-confirm")
    with page.expect_download() as download:
        tap(page, "export-yes")
    exported = tmp_path / "export.json"
    download.value.save_as(exported)

    # The encrypted copy opens with the new passphrase and the new code; the JSON holds the record.
    with pytest.raises(WrongPassphrase):
        Wallet.open(backup, OLD)
    with Wallet.open(backup, NEW) as copy:
        assert copy.get("n1")["text"] == RECORD["text"]
    Wallet.recover(backup, new_code, "en kopi med sin egen kode")
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "infocards-records"
    assert [r["id"] for r in data["records"]] == ["n1"]
    assert data["profile"]["name"] == "Anna Jensen"

    # Deleting one entry asks first, naming it. The timeline says when the wallet was saved.
    page.go_back()
    assert "Sidst gemt " in wait_for_text(page, "wallet-last-saved", " kl. ")
    wait_id(page, "record-n1").click()
    tap(page, "form-delete")
    assert "2. november 2026" in text_of(page, "delete-yes") + page.locator("flt-semantics-host").inner_text()
    tap(page, "delete-yes")
    wait_id(page, "timeline-empty")
    tap(page, "wallet-settings")

    tap(page, "wipe")
    warning = text_of(page, "wipe-yes") + text_of(page, "wipe-cancel")
    screenshot(page, "wipe-confirm")
    assert "Ja, slet alt" in warning
    assert "forløb (0 i alt)" in page.locator("flt-semantics-host").inner_text()
    tap(page, "wipe-yes")
    wait_id(page, "wallet-create-heading")
    assert not wallet_file.exists()


def test_recovery_in_the_app_confirms_and_shows_a_new_code(tmp_path, browser_page):
    wallet_file = tmp_path / "data" / "wallet.icw"
    wallet, code = Wallet.create(wallet_file, OLD, profile={"name": "Anna Jensen"})
    wallet.put_many([RECORD])
    wallet.close()
    page = browser_page
    with served_with_wallet(tmp_path) as (url, served_file):
        assert served_file == wallet_file
        open_app(page, url + "wallet")
        tap(page, "wallet-forgot")
        type_into(page, "recovery-code-input", "00000-00000-00000-00000-00000")
        type_into(page, "recover-passphrase", NEW)
        type_into(page, "recover-passphrase-again", NEW)
        tap(page, "wallet-recover")
        wait_for_text(page, "wallet-error", "gendannelseskode", timeout_ms=60_000)
        type_into(page, "recovery-code-input", code, clear=True)
        tap(page, "wallet-recover")
        wait_for_text(page, "code-confirmation", "nye adgangskode er sat", timeout_ms=60_000)
        new_code = _shown_code(page)
        assert new_code != code
        _write_down(page)
        wait_id(page, "record-n1")
        tap(page, "wallet-lock")
        wait_id(page, "unlock-heading")
    with pytest.raises(WrongPassphrase):  # single use: the code that was typed opens nothing now
        Wallet.recover(wallet_file, code, "endnu en ny kode her")
    Wallet.recover(wallet_file, new_code, "endnu en ny kode her")
