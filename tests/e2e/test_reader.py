"""The clinician's 30 seconds, in a real Chromium: after a read the result comes first (status,
patient, key, red flags, diagnoses on the first screen; two columns on a laptop), diagnoses
carry their card's name and code, "Clear" forgets everything, an empty section says so, and a
Danish screen holds no English, technical words or ISO dates."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest

from infocards.codes import SECTION_KEYS
from infocards.share import issue_from_records
from tests.e2e.harness import (
    by_id,
    free_port,
    infocards_web,
    open_app,
    paste_into,
    served,
    tap,
    text_of,
    wait_for_text,
    wait_id,
)
from tests.share.codes import cut_short_code, tampered_code

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "wallets" / "reference-course.json"
PHONE = {"width": 412, "height": 915}
LAPTOP = {"width": 1280, "height": 800}
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@pytest.fixture(scope="module")
def course() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reader_url(tmp_path_factory):
    """The reader-only server: what a clinic hosts (no wallet)."""
    home = tmp_path_factory.mktemp("reader-home")
    port = free_port()
    with served(infocards_web(port, "--reader"), port, home) as url:
        yield url


def _code(course: dict, records=None, sections=SECTION_KEYS, **kwargs) -> str:
    return issue_from_records(course["profile"], course["records"] if records is None else records,
                              bytes(range(32)), sections, lifetime=timedelta(minutes=30), **kwargs).text


def _read(page, url: str, code: str, viewport=PHONE) -> None:
    page.set_viewport_size(viewport)
    open_app(page, url + "reader")
    paste_into(page, "reader-paste", code)
    tap(page, "reader-read")
    wait_id(page, "reader-patient")
    wait_id(page, "reader-new")


def _box(page, identifier: str) -> dict:
    return wait_id(page, identifier).bounding_box()


def _page_text(page) -> str:
    """Everything a reader of the screen gets: visible text and every screen-reader label."""
    return page.evaluate(
        """() => [document.body.innerText,
                  ...[...document.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label'))]
                 .join('\\n')"""
    )


def _wait_for_words(page, identifier: str, words: str) -> None:
    """Wait until `identifier` holds `words` in its text or in one of its screen-reader labels."""
    page.wait_for_function(
        """([id, words]) => {
            const el = document.querySelector(`[flt-semantics-identifier="${id}"]`);
            if (!el) return false;
            const labels = [el, ...el.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label') || '');
            return [el.innerText, ...labels].join('\\n').includes(words);
        }""",
        arg=[identifier, words],
    )



def test_the_result_comes_first_on_a_phone(reader_url, browser_page, course, screenshot):
    page = browser_page
    _read(page, reader_url, _code(course))
    screenshot(page, "phone-first-screen")
    # The input folded into one line; what was read stands in reading order under it.
    assert by_id(page, "reader-paste").count() == 0 and by_id(page, "reader-scan").count() == 0
    order = ["reader-new", "reader-status", "reader-key", "reader-patient", "reader-section-red_flags",
             "reader-section-diagnoses"]
    tops = [_box(page, identifier)["y"] for identifier in order]
    assert tops == sorted(tops), dict(zip(order, tops, strict=True))
    assert "Anna Jensen, født 14.3.1978" in text_of(page, "reader-patient")
    # Red flags whole, and the diagnoses begun, on the first screen of a phone.
    red_flags = _box(page, "reader-section-red_flags")
    assert red_flags["y"] + red_flags["height"] <= PHONE["height"], red_flags
    assert _box(page, "reader-section-diagnoses")["y"] < PHONE["height"] - 100


def test_two_columns_on_a_laptop_one_on_a_phone(reader_url, browser_page, course, screenshot):
    page = browser_page
    _read(page, reader_url, _code(course), LAPTOP)
    shot = screenshot(page, "laptop-first-screen")
    red_flags, treatments = _box(page, "reader-section-red_flags"), _box(page, "reader-section-treatments")
    assert treatments["x"] >= red_flags["x"] + red_flags["width"], (red_flags, treatments)
    assert abs(treatments["y"] - red_flags["y"]) < 5, (red_flags, treatments)
    diagnoses = _box(page, "reader-section-diagnoses")
    assert diagnoses["y"] + diagnoses["height"] <= LAPTOP["height"], f"diagnoses below the first screen ({shot})"

    page.set_viewport_size(PHONE)
    page.wait_for_function(
        """() => {
            const box = id => document.querySelector(`[flt-semantics-identifier="${id}"]`).getBoundingClientRect();
            return box('reader-section-treatments').top > box('reader-section-diagnoses').bottom;
        }"""
    )


def test_diagnoses_show_their_card_and_code_and_link_to_the_card(reader_url, browser_page, course):
    page = browser_page
    _read(page, reader_url, _code(course))
    diagnoses = text_of(page, "reader-section-diagnoses")
    assert "Iskias (lumbal radikulopati) · ICPC-2:L86" in diagnoses
    assert "Diskusprolaps · ICD-10:M51.1" in diagnoses
    page.get_by_role("button", name="Iskias (lumbal radikulopati) · ICPC-2:L86").click()
    assert "Iskias" in wait_id(page, "card-title").inner_text()
    tap(page, "nav-back")
    # Back from the card: the same result, still first.
    assert "Anna Jensen" in text_of(page, "reader-patient")
    wait_id(page, "reader-new")


def test_clear_forgets_everything_and_a_new_code_opens_the_input(reader_url, browser_page, course):
    page = browser_page
    code = _code(course)
    _read(page, reader_url, code)
    tap(page, "reader-new")
    field = wait_id(page, "reader-paste").locator("input, textarea").first
    assert field.input_value() == ""  # ready for the next code
    # The previous patient goes at once (issue 19, bug 5): tests/e2e/test_reader_session.py.

    paste_into(page, "reader-paste", code)
    tap(page, "reader-read")
    wait_id(page, "reader-new")
    tap(page, "reader-clear")
    wait_id(page, "reader-heading")
    page.wait_for_function("""() => !document.querySelector('[flt-semantics-identifier="reader-patient"]')""")
    assert wait_id(page, "reader-paste").locator("input, textarea").first.input_value() == ""
    assert "Anna Jensen" not in _page_text(page)
    assert by_id(page, "reader-status").count() == 0


def test_an_empty_section_says_so_and_a_section_not_shared_is_named(reader_url, browser_page, course):
    page = browser_page
    # From October: the ibuprofen (ended in August) is not current, the red-flag screening is older.
    code = _code(course, sections=["red_flags", "medication", "work"], period=("2026-10-01", None))
    _read(page, reader_url, code)
    assert "Ingen screening for røde flag registreret i perioden" in text_of(page, "reader-empty-red_flags")
    assert "Ingen medicin registreret i perioden" in text_of(page, "reader-empty-medication")
    assert "Periode: 1.10.2026 til …" in text_of(page, "reader-period")
    not_shared = text_of(page, "reader-not-shared")
    assert "Behandlinger og deres effekt" in not_shared and "Medicin" not in not_shared

    tap(page, "reader-new")
    paste_into(page, "reader-paste", _code(course, sections=["work"]))
    tap(page, "reader-read")
    _wait_for_words(page, "reader-section-red_flags", "Ikke delt af patienten")
    assert by_id(page, "reader-empty-red_flags").count() == 0  # not shared is not "nothing recorded"


def test_a_danish_screen_has_danish_words_numbers_and_dates(reader_url, browser_page, course):
    page = browser_page
    records = [dict(r, hours_per_week=18.5) if r["type"] == "work" else dict(r) for r in course["records"]]
    _read(page, reader_url, _code(course, records=records, to_role="chiropractor"), LAPTOP)
    page.set_viewport_size({"width": 1280, "height": 2400})  # every section on screen
    wait_id(page, "reader-section-involved")
    text = _page_text(page)
    assert "18,5 timer om ugen" in text and "18.5" not in text
    assert "2.8.2026" in text and "Sluttede 30.8.2026" in text
    assert not ISO_DATE.search(text), ISO_DATE.search(text)
    assert "Vist til: Kiropraktor" in text

    code = _code(course)
    tampered, cut_short = tampered_code(code), cut_short_code(code)
    for bad, reason in ((tampered, "signaturen passer ikke"), (cut_short, "afkortet")):
        page = browser_page.context.new_page()  # a new tab is a new session: nothing read yet
        page.set_viewport_size(PHONE)
        open_app(page, reader_url + "reader")
        paste_into(page, "reader-paste", bad)
        tap(page, "reader-read")
        status = wait_for_text(page, "reader-status", "UGYLDIG")
        assert "UGYLDIG" in status and reason in status, status
        assert not re.search(r"\b(signature|base45|length|tampered)\b", status, re.IGNORECASE), status
        # Nothing shown means nothing read: the input stays open, with the text, to try again.
        assert wait_id(page, "reader-paste").locator("input, textarea").first.input_value() == bad
