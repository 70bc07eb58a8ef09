"""Wallet settings in a real Chromium: change the passphrase, save both backups, wipe with a warning."""

from __future__ import annotations

import json

import pytest

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


def test_change_passphrase_backups_and_wipe(settings_app, browser_page, tmp_path, screenshot):
    url, wallet_file = settings_app
    page = browser_page
    open_app(page, url + "wallet")
    type_into(page, "unlock-passphrase", OLD)
    tap(page, "wallet-unlock")
    tap(page, "wallet-settings")

    type_into(page, "new-passphrase", NEW)
    type_into(page, "new-passphrase-again", NEW)
    tap(page, "change-passphrase")
    wait_for_text(page, "settings-message", "skiftet", timeout_ms=60_000)

    with page.expect_download() as download:
        tap(page, "export-backup")
    backup = tmp_path / "backup.icw"
    download.value.save_as(backup)
    with page.expect_download() as download:
        tap(page, "export-json")
    exported = tmp_path / "export.json"
    download.value.save_as(exported)

    # The encrypted copy opens with the new passphrase; the JSON holds the record as it was.
    with Wallet.open(backup, NEW) as copy:
        assert copy.get("n1")["text"] == RECORD["text"]
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "infocards-records"
    assert [r["id"] for r in data["records"]] == ["n1"]
    assert data["profile"]["name"] == "Anna Jensen"

    # Deleting one entry asks first, naming it.
    page.go_back()
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
