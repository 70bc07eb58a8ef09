"""A new phone in a real Chromium: "Jeg har en kopi af min mappe" on the first wallet screen opens
an encrypted copy with its passphrase and keeps it as this device's wallet (issue 19, friction)."""

from __future__ import annotations

import json
from pathlib import Path

from infocards.wallet import Wallet
from tests.e2e.harness import open_app, served_with_wallet, tap, text_of, type_into, wait_for_text, wait_id, wait_said

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "wallets" / "reference-course.json"
OLD_PASSPHRASE = "den gamle telefons lange kode"


def test_a_new_phone_opens_a_copy_of_the_wallet_and_keeps_it(tmp_path, browser_page, screenshot):
    course = json.loads(FIXTURE.read_text(encoding="utf-8"))
    copy = tmp_path / "old-phone" / "infocards-kopi.icw"
    copy.parent.mkdir()
    wallet, _code = Wallet.create(copy, OLD_PASSPHRASE, profile=course["profile"])
    wallet.put_many(course["records"])
    wallet.close()
    not_a_copy = tmp_path / "old-phone" / "ferie.jpg"
    not_a_copy.write_bytes(b"\xff\xd8\xff\xe0" + bytes(2000))

    with served_with_wallet(tmp_path) as (url, wallet_file):  # a new device: no wallet here yet
        page = browser_page
        page.set_viewport_size({"width": 390, "height": 1400})
        open_app(page, url + "wallet")
        wait_id(page, "wallet-create-heading")
        tap(page, "wallet-restore")
        wait_id(page, "restore-heading")

        # The real copy, with a wrong passphrase first: refused, and still nothing on the device.
        with page.expect_file_chooser() as chooser:
            tap(page, "restore-choose")
        chooser.value.set_files(str(copy))
        wait_for_text(page, "restore-chosen", "infocards-kopi.icw")
        type_into(page, "restore-passphrase", "ikke den rigtige kode")
        tap(page, "restore-open")
        wait_said(page, "wallet-error", "Forkert adgangskode", timeout_ms=60_000)
        assert not wallet_file.exists()

        type_into(page, "restore-passphrase", OLD_PASSPHRASE, clear=True)
        screenshot(page, "wallet-restore")
        tap(page, "restore-open")
        wait_id(page, "wallet-lock", timeout_ms=60_000)
        assert "Kopien er nu din mappe" in text_of(page, "saved-notice")
    # The copy is this device's wallet now: it opens with the old passphrase, with every record.
    with Wallet.open(wallet_file, OLD_PASSPHRASE) as restored:
        assert len(restored.records()) == len(course["records"])
        assert restored.profile["name"] == course["profile"]["name"]
    assert wallet_file.stat().st_mode & 0o777 == 0o600


def test_a_file_that_is_no_wallet_copy_is_refused_and_nothing_is_made(tmp_path, browser_page):
    not_a_copy = tmp_path / "ferie.jpg"
    not_a_copy.write_bytes(b"\xff\xd8\xff\xe0" + bytes(2000))
    with served_with_wallet(tmp_path) as (url, wallet_file):
        page = browser_page
        page.set_viewport_size({"width": 390, "height": 1400})
        open_app(page, url + "wallet/restore")
        # A file that is no wallet: a clear message, and nothing is made on the device.
        with page.expect_file_chooser() as chooser:
            tap(page, "restore-choose")
        chooser.value.set_files(str(not_a_copy))
        wait_for_text(page, "restore-chosen", "ferie.jpg")
        type_into(page, "restore-passphrase", OLD_PASSPHRASE)
        tap(page, "restore-open")
        said = wait_said(page, "wallet-error", "mappe", timeout_ms=60_000)
        assert "Traceback" not in said and "/" not in said
        assert not wallet_file.exists()

