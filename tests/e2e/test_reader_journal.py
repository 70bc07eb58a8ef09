"""The app's reader (Flet, in a real Chromium): "Kopiér til journalen" puts reader/journal.py's
text on the clipboard and says so; an expired code has no such button."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from infocards.config import load_settings
from infocards.content.library import Library
from infocards.reader import journal_text, read_text
from infocards.share import issue_from_records
from tests.e2e.harness import by_id, free_port, infocards_web, open_app, paste_into, served, tap, wait_for_text, wait_id

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "wallets" / "reference-course.json"


@pytest.fixture(scope="module")
def reader_url(tmp_path_factory):
    home = tmp_path_factory.mktemp("reader-home")
    port = free_port()
    with served(infocards_web(port, "--reader"), port, home) as url:
        yield url


def _code(now=None) -> str:
    course = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return issue_from_records(course["profile"], course["records"], bytes(range(32)),
                              lifetime=timedelta(minutes=30), now=now).text


def _read(page, url: str, code: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    open_app(page, url + "reader")
    paste_into(page, "reader-paste", code)
    tap(page, "reader-read")
    wait_id(page, "reader-patient")


def test_the_journal_button_copies_the_journal_text(browser_page, reader_url):
    page = browser_page
    origin = re.match(r"https?://[^/]+", str(reader_url)).group(0)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
    code = _code()
    _read(page, str(reader_url), code)
    tap(page, "reader-journal")
    wait_for_text(page, "reader-journal-copied", "Kopieret")
    copied = page.evaluate("navigator.clipboard.readText()")
    library = Library.load(load_settings().packs)

    def titles(card: str) -> str | None:  # the app names the cards of its packs, as here
        found = library.get(card, "da")
        return found.title if found else None

    expected = journal_text(read_text(code), "da", datetime.now(UTC), card_titles=titles).split("\n")
    lines = copied.split("\n")
    assert lines[0].startswith("Patientens eget resumé fra infocards, læst ")
    assert lines[0].endswith(expected[0].split(": ", 1)[1])  # "gyldigt, nøgle ..."
    assert lines[1:] == expected[1:]
    assert "Diagnoser:" in lines


def test_an_expired_code_has_no_journal_button(browser_page, reader_url):
    page = browser_page
    _read(page, str(reader_url), _code(now=datetime.now(UTC) - timedelta(hours=2)))
    wait_id(page, "reader-status")
    assert by_id(page, "reader-journal").count() == 0
