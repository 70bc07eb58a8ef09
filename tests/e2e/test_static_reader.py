"""The static reader (`infocards reader build`) in a real Chromium, served from a folder on 127.0.0.1.

A link made by the Python writer opens to the result (status, name, diagnoses in view on a phone
and a laptop); tampered, expired, future and foreign codes say so; a note link; a pasted code;
the journal button's clipboard text is Python's; every request stays in the folder; the code
leaves the address bar; text from a code is shown as written and never run; axe-core finds
nothing serious.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from infocards.codes import SECTION_KEYS
from infocards.codes.link import code_to_link
from infocards.config import load_settings
from infocards.i18n import t
from infocards.reader import journal_text, read_text
from infocards.reader.readable import REASONS
from infocards.reader_site import build_site
from infocards.share import issue_from_records
from tests.e2e.harness import launch_chromium
from tests.e2e.static_site import axe_source, serve_folder
from tests.share.codes import tampered_code
from tests.share.notes import clinic_key, note_for

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "wallets" / "reference-course.json"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
SEED = bytes(range(32))


@pytest.fixture(scope="module")
def course() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


class Site(str):
    """The reader's address; `hits`: every path the server was asked for (the browser's own too)."""

    def __new__(cls, url: str, hits: list[str]):
        made = super().__new__(cls, url)
        made.hits = hits
        return made


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site") / "laes"
    build_site(folder, load_settings().packs, {str(reason): key for reason, key in REASONS.items()})
    with serve_folder(folder.parent) as (base, hits):
        yield Site(base + "laes/", hits)


@pytest.fixture
def browser(tmp_path, site):
    """(page, requests): a fresh Chromium allowed to use the clipboard; every request recorded."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = launch_chromium(playwright, tmp_path / "profile")
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.rstrip("/").rsplit("/", 1)[0])
        requests: list[str] = []
        context.on("request", lambda request: requests.append(request.url))
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(30_000)
        yield page, requests
        context.close()


def _code(course, now=None, lifetime=timedelta(minutes=30), profile=None, records=None) -> str:
    return issue_from_records(profile or course["profile"], course["records"] if records is None else records, SEED,
                              lifetime=lifetime, now=now).text


def _open(page, url: str, viewport=PHONE) -> str:
    """Open `url` and wait for the outcome; its data-status."""
    page.set_viewport_size(viewport)
    page.goto("about:blank")  # a fresh page each time, not a fragment change in the same one
    page.goto(url)
    page.wait_for_selector("#result[data-status]")
    return page.get_attribute("#result", "data-status")


def _only_the_folder(requests: list[str], site: Site) -> None:
    """Every request the page made, and every path the server was asked for, is in the folder."""
    assert requests, "no request was recorded: the recorder saw nothing"
    outside = [url for url in requests if not url.startswith(site)]
    assert not outside, outside
    assert site.hits, "the server saw no request"
    assert not [path for path in site.hits if not path.startswith("/laes/")], site.hits


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["390px", "1280px"])
def test_a_link_opens_to_valid_with_name_and_diagnoses_in_view(browser, site, course, viewport, request):
    page, requests = browser
    link = code_to_link(_code(course), site)
    assert _open(page, link, viewport) == "valid"
    assert page.text_content("#patient") == "Anna Jensen, født 14.3.1978"
    assert page.text_content("#status") .startswith("✓GYLDIG")
    diagnoses = page.locator("[data-section=diagnoses]")
    assert "Diskusprolaps" in diagnoses.text_content() or "ICD-10:M51.1" in diagnoses.text_content()
    for selector in ("#patient", "#section-diagnoses"):
        box = page.locator(selector).bounding_box()
        assert box["y"] + box["height"] <= viewport["height"], f"{selector} is below the first screen"
    # Two columns on a laptop: the plan stands beside the diagnoses; one column on a phone.
    left = page.locator("#section-diagnoses").bounding_box()
    right = page.locator("#section-treatments").bounding_box()
    assert (right["x"] > left["x"] + left["width"]) == (viewport is LAPTOP)
    # The code has left the address bar and this history entry.
    assert "#" not in page.url
    assert page.evaluate("location.hash") == ""
    _only_the_folder(requests, site)
    if viewport is LAPTOP:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / f"{request.node.name}-static-reader.png")


def test_english_is_one_tap_away(browser, site, course):
    page, _ = browser
    _open(page, code_to_link(_code(course), site))
    page.get_by_role("button", name="Switch to English").click()
    page.wait_for_function("document.documentElement.lang === 'en'")
    assert page.text_content("#patient") == "Anna Jensen, born 14 Mar 1978"
    assert page.text_content(".status-label") == "VALID"
    page.get_by_role("button", name="Skift til dansk").click()
    page.wait_for_function("document.documentElement.lang === 'da'")
    assert page.text_content(".status-label") == "GYLDIG"


def test_tampered_expired_future_and_foreign_codes(browser, site, course):
    page, requests = browser
    now = datetime.now(UTC)
    assert _open(page, code_to_link(tampered_code(_code(course)), site)) == "invalid"
    assert "signaturen passer ikke" in page.text_content("#status")
    assert page.locator("#patient").count() == 0
    assert _open(page, code_to_link(_code(course, now=now - timedelta(hours=2)), site)) == "expired"
    assert page.text_content("#patient").startswith("Anna Jensen")
    assert page.locator("#copy").count() == 0  # no journal text from an expired code
    assert _open(page, code_to_link(_code(course, now=now + timedelta(days=1)), site)) == "invalid"
    assert "fremtiden" in page.text_content("#status")
    assert _open(page, site + "#999") == "not-infocards"
    assert _open(page, site + "#section-2") == "not-infocards"
    # A second link opened in the tab that shows the reader changes only the fragment: read too.
    page.evaluate("link => { location.href = link; }", code_to_link(_code(course), site))
    page.wait_for_selector("#result[data-status=valid]")
    page.wait_for_function("location.hash === ''")
    _only_the_folder(requests, site)


def test_a_note_link_shows_who_wrote_it_and_what_it_holds(browser, site, course):
    page, requests = browser
    _, code = note_for(course["profile"], SEED, now=datetime.now(UTC).replace(microsecond=0))
    assert _open(page, code_to_link(code, site)) == "valid"
    assert page.text_content("#patient") == "Note fra en fagperson"
    text = page.text_content("#result")
    assert "Mette Hansen, Fysioterapeut, Middelfart Fysioterapi" in text
    assert "Skrevet til: Anna Jensen, født 14.3.1978" in text
    assert "SLR negative both sides" in text
    _only_the_folder(requests, site)


def test_a_pasted_code_is_read_as_soon_as_it_is_pasted(browser, site, course):
    page, requests = browser
    page.goto(site)
    page.wait_for_selector("body[data-ready=true]")
    assert page.get_attribute("#result", "data-status") is None
    # The camera button only where the browser can find QR codes itself (never required).
    has_detector = page.evaluate("'BarcodeDetector' in window")
    assert page.is_visible("#camera") == has_detector
    code = _code(course)
    page.evaluate("text => navigator.clipboard.writeText(text)", code)
    page.focus("#paste")
    page.keyboard.press("Control+V")
    page.wait_for_selector("#result[data-status=valid]")
    assert page.text_content("#patient").startswith("Anna Jensen")
    # A link pasted the same way.
    page.evaluate("text => navigator.clipboard.writeText(text)", code_to_link(tampered_code(code), site))
    page.focus("#paste")
    page.keyboard.press("Control+V")
    page.wait_for_selector("#result[data-status=invalid]")
    _only_the_folder(requests, site)


def test_the_journal_button_copies_pythons_journal_text(browser, site, course):
    page, _ = browser
    code = _code(course)
    assert _open(page, code_to_link(code, site), LAPTOP) == "valid"
    page.click("#copy")
    page.wait_for_function("document.getElementById('copied').textContent.length > 0")
    assert page.text_content("#copied") == "Kopieret: teksten kan nu indsættes i journalen."
    copied = page.evaluate("navigator.clipboard.readText()")
    result = read_text(code)
    titles = _card_titles(page)
    expected = journal_text(result, "da", datetime.now(UTC), card_titles=titles.get).split("\n")
    lines = copied.split("\n")
    # The first line holds the moment of reading (the browser's own clock and time zone).
    assert re.fullmatch(r"Patientens eget resumé fra infocards, læst \d{1,2}\.\d{1,2}\.\d{4} kl\. \d\d\.\d\d: "
                        rf"gyldigt, nøgle {result.fingerprint}", lines[0])
    assert lines[1:] == expected[1:]
    assert "Diagnoser:" in lines


def _card_titles(page) -> dict:
    """The Danish card titles the page was built with (data/cards.json), by card id."""
    cards = page.evaluate("fetch('data/cards.json').then(r => r.json())")
    return {card: titles.get("da") or titles.get("en") for card, titles in cards.items()}


def test_html_and_script_in_a_code_are_shown_as_written_and_never_run(browser, site, course):
    page, requests = browser
    trap = site + "trap.png"
    name = '<img src="trap.png" onerror="window.pwned=1">'
    text = f'<script>window.pwned=2</script><img src="{trap}" onerror="window.pwned=3">'
    profile = {**course["profile"], "name": name}
    records = [dict(r, text=text) if "text" in r else r for r in course["records"]]
    assert _open(page, code_to_link(_code(course, profile=profile, records=records), site)) == "valid"
    assert page.text_content("#patient") == f"{name}, født 14.3.1978"
    assert text in page.text_content("#result")
    assert page.evaluate("window.pwned") is None
    assert page.locator("#result img, #result script").count() == 0
    assert not [url for url in requests if "trap" in url]
    _only_the_folder(requests, site)


def test_axe_core_finds_nothing_serious(browser, site, course):
    page, _ = browser
    source = axe_source()
    for viewport in (PHONE, LAPTOP):
        _open(page, code_to_link(_code(course), site), viewport)
        # axe runs through the DevTools protocol: the page's own CSP still forbids inline script.
        page.evaluate(source)
        found = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
                              ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length})))")
        serious = [v for v in found if v["impact"] in ("serious", "critical")]
        assert not serious, serious
    # The empty page, before a code is read, too.
    page.goto(site)
    page.wait_for_selector("body[data-ready=true]")
    page.evaluate(source)
    found = page.evaluate("axe.run().then(r => r.violations.map(v => ({id: v.id, impact: v.impact})))")
    assert not [v for v in found if v["impact"] in ("serious", "critical")], found


def test_a_carried_note_shows_who_signed_the_list_and_what_was_not_shared(browser, tmp_path, course):
    """A summary carrying a physiotherapist's note whose treatment the patient did not share, read
    by a site whose region pack lists the clinic's key."""
    from infocards.codes.signing import fingerprint
    from infocards.notes.receive import entry_ids
    from infocards.share.carry import stored_records

    page, requests = browser
    key = clinic_key()
    note, _ = note_for(course["profile"], SEED, key=key, now=datetime.now(UTC).replace(microsecond=0))
    ids = entry_ids(note)
    received = stored_records(note, lambda index: ids[index])
    sections = [s for s in SECTION_KEYS if s != "treatments"]
    code = issue_from_records(course["profile"], [*course["records"], *received], SEED, sections,
                              lifetime=timedelta(minutes=30)).text
    pack = tmp_path / "region-pack"
    pack.mkdir()
    (pack / "pack.yaml").write_text(
        'name: region-syd\nkind: region\nregion: "syddanmark"\npublisher: tests\ncontact: https://example.org\n'
        f"trusted_keys:\n  - fingerprint: {fingerprint(key.public_bytes)}\n    name: Mette Hansen\n"
        "    role: physiotherapist\n    place: Middelfart Fysioterapi\n", "utf-8")
    build_site(tmp_path / "www" / "laes", [*load_settings().packs, pack],
               {str(reason): key for reason, key in REASONS.items()})
    with serve_folder(tmp_path / "www") as (base, hits):
        site = Site(base + "laes/", hits)
        assert _open(page, code_to_link(code, site), LAPTOP) == "valid"
        signed = page.locator(".source.signed").first.text_content()
        assert signed.startswith("Mette Hansen, Fysioterapeut, Middelfart Fysioterapi · underskrift kontrolleret")
        # The list named by the pack's kind, region and publisher, never by the pack's own name.
        assert "nøglen står på listen fra en kommunepakke i Region Syddanmark, udgivet af tests" in signed
        assert "region-syd" not in signed
        assert signed.endswith(t("signed.withheld", "da", count=1))  # the treatment the patient kept back
        assert page.locator("[data-section=findings] .source.signed").count() == 1
        _only_the_folder(requests, site)
