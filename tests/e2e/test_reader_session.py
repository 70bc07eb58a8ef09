"""The open reader's session in a real Chromium (issue 17 item 6, issue 19 bugs 5, 9, 10): a new
read and a reload start from an empty screen; a closed tab, restored, has neither the last code
nor the unlocked clinic key; an unlocked clinic key locks itself after the idle time; a wrong
passphrase shows no file path; a reader without a key says in plain words what to ask for."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from infocards.codes import SECTION_KEYS
from infocards.notes.clinic_key import create_clinic_key
from infocards.share import issue_from_records
from tests.e2e.harness import (
    by_id,
    enable_semantics,
    free_port,
    infocards_web,
    open_app,
    paste_into,
    served,
    tap,
    type_into,
    wait_for_text,
    wait_id,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "wallets" / "reference-course.json"
KEY_PASSPHRASE = "klinikkens lange kodeord"
LAPTOP = {"width": 1280, "height": 1400}


@pytest.fixture(scope="module")
def summary() -> str:
    course = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return issue_from_records(course["profile"], course["records"], bytes(range(32)), SECTION_KEYS,
                              lifetime=timedelta(minutes=30)).text


def _reader(home: Path, idle_minutes: float | None = None, key: bool = True):
    """A reader-only server with (or without) a clinic key; `idle_minutes` sets its idle lock."""
    env = {"INFOCARDS_CLINIC_KEY": str(home / "keys" / "clinic.key")}
    if key:
        (home / "keys").mkdir()
        create_clinic_key(home / "keys" / "clinic.key", KEY_PASSPHRASE, "Mette Hansen", "physiotherapist", "")
    if idle_minutes is not None:
        config = home / "flet.toml"
        config.write_text(f'[content]\npacks = ["national"]\n[reader]\nclinic_key_idle_minutes = {idle_minutes}\n',
                          encoding="utf-8")
        env["INFOCARDS_CONFIG"] = str(config)
    port = free_port()
    return served(infocards_web(port, "--reader"), port, home, env=env)


def _page_text(page) -> str:
    return page.evaluate(
        """() => [document.body.innerText,
                  ...[...document.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label'))]
                 .join('\\n')"""
    )


def _read(page, url: str, code: str) -> None:
    page.set_viewport_size(LAPTOP)
    open_app(page, url + "reader")
    paste_into(page, "reader-paste", code)
    tap(page, "reader-read")
    wait_id(page, "reader-patient")
    wait_id(page, "reader-new")


def _empty_reader(page) -> None:
    """The reader's input is open (only so when nothing is shown) and no patient is on screen."""
    wait_id(page, "reader-heading")
    assert by_id(page, "reader-patient").count() == 0 and by_id(page, "reader-status").count() == 0
    assert "Anna Jensen" not in _page_text(page)


def _unlock(page, passphrase: str) -> None:
    type_into(page, "note-key-passphrase", passphrase)
    tap(page, "note-key-unlock")


def test_a_new_read_and_a_reload_start_from_an_empty_screen(tmp_path, browser_page, summary):
    with _reader(tmp_path, key=False) as url:
        page = browser_page
        _read(page, url, summary)
        tap(page, "reader-new")
        _empty_reader(page)
        paste_into(page, "reader-paste", summary)
        tap(page, "reader-read")
        wait_id(page, "reader-patient")
        page.reload()
        enable_semantics(page)
        _empty_reader(page)


def test_a_restored_tab_has_neither_the_last_code_nor_the_unlocked_key(tmp_path, browser_page, summary):
    with _reader(tmp_path) as url:
        page = browser_page
        _read(page, url, summary)
        tap(page, "reader-write-note")
        _unlock(page, KEY_PASSPHRASE)
        wait_id(page, "note-key-fingerprint")
        # A restored tab (Ctrl+Shift+T) gets its sessionStorage back, and with it Flet's session id.
        kept = page.evaluate("() => JSON.stringify(Object.entries(sessionStorage))")
        assert "flet" in kept.lower() or len(json.loads(kept)) > 0
        context = page.context
        page.close()
        context.add_init_script(
            f"if (!sessionStorage.length) {{ for (const [k, v] of {kept}) sessionStorage.setItem(k, v); }}")
        restored = context.new_page()
        restored.set_viewport_size(LAPTOP)
        open_app(restored, url + "reader")
        _empty_reader(restored)
        open_app(restored, url + "reader/note")
        wait_id(restored, "note-key-passphrase")  # locked again
        assert by_id(restored, "note-key-fingerprint").count() == 0
        assert "Anna Jensen" not in _page_text(restored)


def test_the_clinic_key_locks_itself_when_idle_and_a_wrong_passphrase_names_no_file(tmp_path, browser_page,
                                                                                      summary):
    with _reader(tmp_path, idle_minutes=0.1) as url:  # 6 seconds
        page = browser_page
        _read(page, url, summary)
        tap(page, "reader-write-note")
        _unlock(page, "not the passphrase")
        error = wait_for_text(page, "note-key-error", "Forkert adgangskode")
        for shown in (error, _page_text(page)):
            assert str(tmp_path) not in shown and "clinic.key" not in shown and "/keys" not in shown, shown
        type_into(page, "note-key-passphrase", KEY_PASSPHRASE, clear=True)
        tap(page, "note-key-unlock")
        wait_id(page, "note-key-fingerprint")
        # The idle lock: the unlock field comes back on its own (bounded wait, checked every 5 s).
        wait_id(page, "note-key-passphrase", timeout_ms=40_000)
        assert by_id(page, "note-key-fingerprint").count() == 0


def test_a_reader_without_a_key_says_in_plain_words_what_to_ask_for(tmp_path, browser_page, summary):
    with _reader(tmp_path, key=False) as url:
        page = browser_page
        _read(page, url, summary)
        tap(page, "reader-write-note")
        missing = wait_for_text(page, "note-key-missing", "it-ansvarlige")
        for word in ("clinic init", "flet.toml", "[reader]", "`", "--name", "NØGLEFIL"):
            assert word not in missing, word
        assert by_id(page, "note-key-create").count() == 0


def test_a_paste_longer_than_any_code_is_refused_by_its_length(tmp_path, browser_page, summary):
    with _reader(tmp_path, key=False) as url:
        page = browser_page
        page.set_viewport_size(LAPTOP)
        open_app(page, url + "reader")
        paste_into(page, "reader-paste", summary + "A" * 20_000)
        tap(page, "reader-read")
        assert "for lang til at være en kode" in wait_for_text(page, "reader-status", "for lang")
