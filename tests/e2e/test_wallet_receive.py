"""Receiving a professional's note in the wallet, in a real Chromium: the second time the same
note is received, the app says it is already saved (issue 19, bug 12)."""

from __future__ import annotations

from datetime import UTC, datetime

from infocards.codes.note_code import make_note, make_note_code
from infocards.codes.signing import SigningKey
from infocards.wallet import Wallet
from tests.e2e.harness import by_id, open_app, paste_into, served_with_wallet, tap, type_into, wait_for_text, wait_id
from tests.share.notes import SIGNER, records

PASSPHRASE = "rolig ryg og varm kaffe"


def _receive(page, code: str, expect: str) -> str:
    if by_id(page, "receive-paste").count() == 0:  # folded away after a note was read
        tap(page, "receive-another")
    type_into(page, "receive-paste", "", clear=True)
    paste_into(page, "receive-paste", code)
    tap(page, "receive-read")
    wait_for_text(page, "receive-signer-name", SIGNER[0])
    tap(page, "receive-save")
    return wait_for_text(page, "receive-message", expect)


def test_the_same_note_received_twice_is_said_to_be_saved_already(tmp_path, browser_page):
    key = SigningKey(bytes(range(32)))
    code = make_note_code(make_note(key, SIGNER, records(), datetime.now(UTC)), key)
    with served_with_wallet(tmp_path, PASSPHRASE) as (url, wallet_file):
        page = browser_page
        open_app(page, url + "wallet/receive")
        tap(page, "goto-unlock")
        type_into(page, "unlock-passphrase", PASSPHRASE)
        tap(page, "wallet-unlock")
        wait_id(page, "receive-heading", timeout_ms=60_000)

        assert "3 nye" in _receive(page, code, "Gemt")
        again = _receive(page, code, "allerede gemt")
        assert "Noten er allerede gemt i din mappe" in again and "0 nye" not in again

        tap(page, "nav-back")
        wait_id(page, "timeline-heading")
        tap(page, "wallet-lock")
        wait_id(page, "unlock-heading")
    with Wallet.open(wallet_file, PASSPHRASE) as wallet:
        assert len(wallet.records()) == 3  # saved once


def test_on_a_phone_a_read_note_shows_who_and_what_with_save_in_view_then_the_way_to_the_course(
        tmp_path, browser_page):
    # Issue 19, friction: the ways to read a code stayed on top, and the save button was below the
    # fold; after saving there was no way on to the timeline.
    key = SigningKey(bytes(range(32)))
    code = make_note_code(make_note(key, SIGNER, records(), datetime.now(UTC)), key)
    with served_with_wallet(tmp_path, PASSPHRASE) as (url, _wallet_file):
        page = browser_page
        page.set_viewport_size({"width": 390, "height": 844})
        open_app(page, url + "wallet/receive")
        tap(page, "goto-unlock")
        type_into(page, "unlock-passphrase", PASSPHRASE)
        tap(page, "wallet-unlock")
        wait_id(page, "receive-heading", timeout_ms=60_000)
        paste_into(page, "receive-paste", code)
        tap(page, "receive-read")
        wait_for_text(page, "receive-signer-name", SIGNER[0])
        assert by_id(page, "receive-paste").count() == 0 and by_id(page, "receive-scan").count() == 0
        who, save = wait_id(page, "receive-signer-name").bounding_box(), wait_id(page, "receive-save").bounding_box()
        assert who["y"] < save["y"] and save["y"] + save["height"] <= 844, (who, save)
        tap(page, "receive-save")
        wait_for_text(page, "receive-message", "Gemt")
        tap(page, "receive-timeline")
        wait_id(page, "timeline-heading")
