"""Codes as links in a real Chromium (issue 16 §1): the app's reader takes a pasted link and a
photo of a link's QR code; with a reader address set, the share screen's QR code is a link; the
wallet's "scan a note" takes a note's link from a photo and pasted."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PIL import Image

from infocards.codes.link import code_to_link
from infocards.codes.note_code import make_note, make_note_code
from infocards.codes.qr_out import png_bytes
from infocards.codes.signing import SigningKey
from infocards.reader import read_text
from infocards.share import issue_from_records
from tests.e2e.harness import (
    decoded_codes,
    free_port,
    go_back,
    infocards_web,
    open_app,
    paste_into,
    served,
    served_with_wallet,
    tap,
    type_into,
    wait_for_text,
    wait_id,
)
from tests.qr_segments import read_segments
from tests.share.notes import SIGNER, records

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "wallets" / "reference-course.json"
PASSPHRASE = "rolig ryg og varm kaffe"
READER = "https://laes.example.dk/rygkort/"


def _photo(png: bytes, path: Path) -> Path:
    """The QR code lying on a desk, a little turned, saved as a JPEG as a phone would."""
    qr = Image.open(io.BytesIO(png)).convert("RGB")
    desk = Image.new("RGB", (1800, 1400), (205, 200, 190))
    desk.paste(qr.rotate(5, expand=True, fillcolor=(205, 200, 190)), (300, 150))
    desk.save(path, quality=92)
    return path


def _pick(page, button: str, path: Path) -> None:
    with page.expect_file_chooser() as chooser:
        tap(page, button)
    chooser.value.set_files(str(path))


def test_the_apps_reader_takes_a_pasted_link_and_a_photo_of_a_link_qr(tmp_path, browser_page):
    course = json.loads(FIXTURE.read_text(encoding="utf-8"))
    share = issue_from_records(course["profile"], course["records"], bytes(range(32)),
                               lifetime=timedelta(minutes=30), reader_url=READER)
    link = share.text
    assert link.startswith(READER + "#1") and read_text(link).status == "valid"
    photo = _photo(png_bytes(link, box_size=5), tmp_path / "link.jpg")
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 2000})
    home = tmp_path / "home"
    home.mkdir()
    port = free_port()
    with served(infocards_web(port, "--reader"), port, home) as url:
        open_app(page, url + "reader")
        paste_into(page, "reader-paste", link)
        tap(page, "reader-read")
        assert "GYLDIG" in wait_for_text(page, "reader-status", "GYLDIG")
        assert course["profile"]["name"] in wait_for_text(page, "reader-patient")

        tap(page, "reader-new")
        _pick(page, "reader-photo", photo)
        wait_for_text(page, "reader-status", "GYLDIG", timeout_ms=60_000)
        assert course["profile"]["name"] in wait_for_text(page, "reader-patient")

        tap(page, "reader-new")
        paste_into(page, "reader-paste", "https://example.org/ryg#" + link.partition("#")[2][:-3] + "abc")
        tap(page, "reader-read")
        assert "Ikke en infocards-kode" in wait_for_text(page, "reader-status", "Ikke en infocards-kode")
        assert page.locator('[flt-semantics-identifier="reader-patient"]').count() == 0


def test_with_a_reader_address_the_share_qr_is_a_link_and_scan_a_note_takes_note_links(tmp_path, browser_page):
    course = json.loads(FIXTURE.read_text(encoding="utf-8"))
    env = {"INFOCARDS_READER_URL": READER}
    with served_with_wallet(tmp_path, PASSPHRASE, course["profile"], course["records"], env=env) as (url, _wallet):
        page = browser_page
        page.set_viewport_size({"width": 1280, "height": 2400})
        open_app(page, url + "wallet")
        type_into(page, "unlock-passphrase", PASSPHRASE)
        tap(page, "wallet-unlock")

        # The share screen: its QR code is the link, a byte segment then a numeric one.
        tap(page, "wallet-share")
        wait_id(page, "share-heading")
        tap(page, "share-show")
        qr = wait_id(page, "share-qr", timeout_ms=60_000)
        (shown,) = decoded_codes(qr.screenshot)
        assert shown.startswith(READER + "#1") and read_text(shown).status == "valid"
        assert [mode for mode, _ in read_segments(png_bytes(shown))] == ["byte", "numeric"]

        # "Scan a note": a professional's note link, first from a photo, then pasted.
        key = SigningKey(bytes(range(1, 33)))
        note = make_note(key, SIGNER, records(), datetime.now(UTC).replace(microsecond=0))
        note_link = code_to_link(make_note_code(note, key), READER)
        photo = _photo(png_bytes(note_link, box_size=5), tmp_path / "note.jpg")
        tap(page, "share-hide")
        wait_id(page, "share-heading")
        go_back(page)
        tap(page, "wallet-receive")
        _pick(page, "receive-photo", photo)
        assert SIGNER[0] in wait_for_text(page, "receive-signer-name", SIGNER[0], timeout_ms=60_000)
        tap(page, "receive-save")
        wait_for_text(page, "receive-message", "Gemt")
        assert page.locator('[flt-semantics-identifier="receive-signer-name"]').count() == 0  # saved: cleared
        tap(page, "receive-another")  # the ways to read a code come back
        paste_into(page, "receive-paste", note_link)
        tap(page, "receive-read")
        assert SIGNER[0] in wait_for_text(page, "receive-signer-name", SIGNER[0])


def test_with_a_reader_address_the_note_screen_writes_a_note_link(tmp_path, browser_page):
    from infocards.share import issue_share
    from infocards.wallet import Wallet

    course = json.loads(FIXTURE.read_text(encoding="utf-8"))
    env = {"INFOCARDS_READER_URL": READER, "INFOCARDS_CLINIC_KEY": str(tmp_path / "clinic.key")}
    with served_with_wallet(tmp_path, PASSPHRASE, course["profile"], course["records"], env=env) as (url, wallet):
        with Wallet.open(wallet, PASSPHRASE) as opened:
            summary = issue_share(opened, log=False, reader_url=READER).text
        page = browser_page
        page.set_viewport_size({"width": 1280, "height": 3400})  # the whole note form and its QR
        open_app(page, url + "reader")
        paste_into(page, "reader-paste", summary)
        tap(page, "reader-read")
        wait_for_text(page, "reader-status", "GYLDIG")
        tap(page, "reader-write-note")
        type_into(page, "note-key-name", "Mette Hansen")
        type_into(page, "note-key-place", "Middelfart Fysioterapi")
        type_into(page, "note-key-passphrase", "klinikkens lange kodeord")
        type_into(page, "note-key-passphrase-again", "klinikkens lange kodeord")
        tap(page, "note-key-create")
        wait_for_text(page, "note-key-fingerprint")
        type_into(page, "note-finding_text", "SLR negativ begge sider")
        tap(page, "note-make")
        qr = wait_id(page, "note-qr")
        shown = wait_for_text(page, "note-code-text", READER + "#201")  # the text to copy is the link
        (decoded,) = decoded_codes(qr.screenshot)
        assert decoded.startswith(READER + "#201") and decoded in shown.replace("\n", "")
        note = read_text(decoded)
        assert note.is_note and note.status == "valid" and note.note.core.binding is not None
        assert [mode for mode, _ in read_segments(png_bytes(decoded))] == ["byte", "numeric"]
