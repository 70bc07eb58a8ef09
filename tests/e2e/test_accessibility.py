"""Every control a patient or clinician can reach has its own screen-reader name and a touch target
of at least 48 x 48 px, on each screen of the app (checked in the accessibility tree Chromium
builds from Flutter's semantics)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from infocards.share import issue_from_records
from tests.e2e.harness import go_back, open_app, paste_into, served_with_wallet, tap, type_into, wait_id

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "wallets" / "reference-course.json"
PASSPHRASE = "rolig ryg og varm kaffe"
MIN_TARGET = 48

# Controls: buttons, checkboxes, text fields and anything tappable. Links inside a card's running
# text are inline links (WCAG 2.5.8 exempts them from the target size); they still need a name.
AUDIT = """() => {
  const found = [];
  for (const el of document.querySelectorAll('flt-semantics')) {
    const role = el.getAttribute('role') || '';
    const tappable = el.hasAttribute('flt-tappable');
    const input = el.querySelector(':scope > input, :scope > textarea');
    if (!(tappable || ['button', 'checkbox', 'link', 'menuitem', 'radio', 'switch'].includes(role) || input)) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const name = (el.getAttribute('aria-label') || (input && input.getAttribute('aria-label')) ||
                  el.innerText || '').trim();
    const inline = !!el.closest('[flt-semantics-identifier="card-body"]');
    // A control cut by the edge of the scrolling page (the window less the view's 16-px padding)
    // reports only its visible part: its size is not its own.
    const cut = box.top <= 0 || box.bottom >= window.innerHeight - 24;
    found.push({role: role || (input ? 'textbox' : 'tappable'), name: name.slice(0, 60),
                w: Math.round(box.width), h: Math.round(box.height), inline, cut});
  }
  return found;
}"""


def _settled_controls(page) -> list[dict]:
    """The controls once two readings 400 ms apart agree: page transitions animate sizes."""
    previous = page.evaluate(AUDIT)
    for _ in range(25):
        page.wait_for_timeout(400)
        current = page.evaluate(AUDIT)
        if current == previous:
            return current
        previous = current
    return previous


def _problems(page, screen: str) -> list[str]:
    controls = _settled_controls(page)
    # Every screen has buttons (at least Back or the language switch): finding none means the
    # audit saw no accessibility tree, not that all is well.
    if not controls:
        return [f"{screen}: no controls found at all"]
    problems = []
    for control in controls:
        if not control["name"]:
            problems.append(f"{screen}: a {control['role']} without a name ({control['w']}x{control['h']})")
        elif not (control["inline"] or control["cut"]) and control["role"] != "textbox" \
                and (control["w"] < MIN_TARGET or control["h"] < MIN_TARGET):
            problems.append(f"{screen}: '{control['name']}' ({control['role']}) is {control['w']}x{control['h']} px")
    return problems


@pytest.fixture
def app_with_course(tmp_path):
    course = json.loads(FIXTURE.read_text(encoding="utf-8"))
    code = issue_from_records(course["profile"], course["records"], bytes(range(32)),
                              lifetime=timedelta(minutes=30)).text
    with served_with_wallet(tmp_path, PASSPHRASE, course["profile"], course["records"]) as (url, _wallet_file):
        yield url, code


def test_every_screen_names_its_controls_and_keeps_targets_large(app_with_course, browser_page):
    url, code = app_with_course
    page = browser_page
    # Phone width, and tall enough that no control is cut off at the bottom edge (a cut-off
    # control reports only its visible part).
    page.set_viewport_size({"width": 412, "height": 2600})
    problems: list[str] = []

    open_app(page, url)
    wait_id(page, "home-heading")
    problems += _problems(page, "home")
    wait_id(page, "category-role").click()
    wait_id(page, "category-heading")
    problems += _problems(page, "category")
    open_app(page, url + "card/red-flags")
    wait_id(page, "card-title")
    problems += _problems(page, "card")

    open_app(page, url + "wallet")
    wait_id(page, "unlock-heading")
    problems += _problems(page, "unlock")
    type_into(page, "unlock-passphrase", PASSPHRASE)
    tap(page, "wallet-unlock")
    wait_id(page, "timeline-heading", timeout_ms=60_000)
    problems += _problems(page, "timeline")
    tap(page, "mycards-more")
    wait_id(page, "mycard-role-gp")
    problems += _problems(page, "timeline, all my cards")
    tap(page, "wallet-add")
    wait_id(page, "add-note")
    problems += _problems(page, "add chooser")
    tap(page, "add-treatment")
    wait_id(page, "form-heading")
    tap(page, "form-save")  # every problem marked on its field
    wait_id(page, "form-error")
    problems += _problems(page, "treatment form")
    # Within the unlocked session: by the app's own buttons (a new page load is a new session).
    for button, heading, screen in (("wallet-settings", "settings-heading", "settings"),
                                    ("wallet-profile", "profile-heading", "my details"),
                                    ("wallet-share-log", "share-log-heading", "share log"),
                                    ("wallet-share", "share-heading", "share form")):
        go_back(page)
        wait_id(page, "timeline-heading")
        tap(page, button)
        wait_id(page, heading)
        problems += _problems(page, screen)

    open_app(page, url + "reader")
    paste_into(page, "reader-paste", code)
    tap(page, "reader-read")
    wait_id(page, "reader-patient")
    problems += _problems(page, "clinician view")

    assert problems == [], "\n".join(problems)
