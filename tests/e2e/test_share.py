"""Sharing in a real Chromium: the share screen's QR decodes to a valid code; the clinician view reads
a pasted code, and a code held up to Chromium's fake camera."""

from __future__ import annotations

import io
import json
import time
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import sync_playwright

from infocards.codes import SECTION_KEYS, png_bytes
from infocards.reader import read_text
from infocards.share import issue_from_records
from tests.e2e.harness import (
    by_id,
    decoded_codes,
    free_port,
    go_back,
    infocards_web,
    launch_chromium,
    next_frames,
    open_app,
    paste_into,
    served,
    served_with_wallet,
    server_output,
    tap,
    text_of,
    type_into,
    wait_for_text,
    wait_id,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "wallets" / "reference-course.json"
PASSPHRASE = "rolig ryg og varm kaffe"


@pytest.fixture(scope="module")
def course() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture
def shared_app(tmp_path, course):
    """The web app with a wallet already holding the reference course."""
    with served_with_wallet(tmp_path, PASSPHRASE, course["profile"], course["records"]) as app:
        yield app


def _code_for(course: dict, lifetime: timedelta) -> str:
    return issue_from_records(course["profile"], course["records"], bytes(range(32)), lifetime=lifetime).text


def _codes_on_screen(page, timeout_s: float = 30) -> list[str]:
    """The QR codes zxing-cpp decodes from the page as it is painted, once there is one.

    The whole viewport, not the QR node's box: Flutter paints the image a frame or more after its
    semantics node appears, and a node in a view that was just scrolled may report a stale place."""
    return decoded_codes(page.screenshot, timeout_s)


def _unlock_and_open_share(page, url: str) -> None:
    open_app(page, url + "wallet")
    type_into(page, "unlock-passphrase", PASSPHRASE)
    tap(page, "wallet-unlock")
    tap(page, "wallet-share")
    wait_id(page, "share-heading")


def _no_failed_task(work: Path, since_hide: float) -> None:
    """The server logged no exception. The countdown ticks once a second, so a tick on a control
    that is gone would be logged within a second after the code left the screen."""
    wait_left = 1.5 - (time.monotonic() - since_hide)
    if wait_left > 0:
        time.sleep(wait_left)
    output = server_output(work)
    assert "Traceback" not in output and "Error" not in output, output[-3000:]


def test_share_screen_shows_a_qr_that_decodes_to_a_valid_code(shared_app, browser_page, screenshot, tmp_path):
    url, _wallet_file = shared_app
    page = browser_page
    _unlock_and_open_share(page, url)
    by_id(page, "share-role").click()
    page.get_by_role("button", name="Kiropraktor", exact=True).click()
    tap(page, "share-show")  # at the bottom of the form: the view scrolls to it
    wait_id(page, "share-qr")
    wait_for_text(page, "share-countdown", "Skjules om")
    texts = _codes_on_screen(page)
    shot = screenshot(page, "share-qr")
    assert len(texts) == 1, f"zxing-cpp found {len(texts)} codes in the share screen ({shot})"
    result = read_text(texts[0])
    assert result.status == "valid"
    assert result.summary.name == "Anna Jensen"
    assert result.summary.to_role == "chiropractor"
    # Under the code, for the professional too: whom it is for and what it holds (issue 19).
    assert "Til: Kiropraktor" in text_of(page, "share-qr-for")
    holds = text_of(page, "share-qr-holds")
    assert "Indeholder:" in holds and "Screening for røde flag" in holds
    # The whole code is on the screen, from the top: the view went back up to show it.
    qr_box = by_id(page, "share-qr").bounding_box()
    assert 0 <= qr_box["y"] and qr_box["y"] + qr_box["height"] <= page.viewport_size["height"], qr_box

    tap(page, "share-hide")
    hidden = time.monotonic()
    wait_id(page, "share-heading")

    # The share log (the app's "Min Log") names who was shown what.
    tap(page, "nav-back")
    wait_id(page, "timeline-heading")
    tap(page, "wallet-profile")
    wait_id(page, "profile-heading")
    log = text_of(page, "share-log")
    assert "Kiropraktor" in log and "Screening for røde flag" in log
    _no_failed_task(tmp_path, hidden)


def test_my_details_opened_from_the_share_form_lead_back_to_it(tmp_path, browser_page, course):
    """Without a name the share form offers "Mine oplysninger"; Back from there returns to the
    share form, not to the wallet's main screen (issue 19, friction)."""
    profile = {key: value for key, value in course["profile"].items() if key != "name"}
    with served_with_wallet(tmp_path, PASSPHRASE, profile, course["records"]) as (url, _wallet_file):
        page = browser_page
        _unlock_and_open_share(page, url)
        tap(page, "share-to-profile")
        wait_id(page, "profile-heading")
        type_into(page, "profile-name", "Anna Jensen")
        tap(page, "profile-save")
        wait_for_text(page, "profile-message")
        go_back(page)
        wait_id(page, "share-heading")
        assert by_id(page, "timeline-heading").count() == 0
        page.wait_for_function("!document.querySelector('[flt-semantics-identifier=\"share-no-name\"]')")


def test_the_code_leaving_the_screen_stops_its_countdown(shared_app, browser_page, tmp_path):
    # Every way the code leaves the screen: Back, a language switch (the view is rebuilt), Hide.
    url, _wallet_file = shared_app
    page = browser_page
    _unlock_and_open_share(page, url)
    type_into(page, "share-since", "1.10.2026")  # a period, typed the Danish way, said the Danish way
    tap(page, "share-show")
    wait_for_text(page, "share-countdown", "Skjules om")
    assert "Koden viser det, der var aktuelt fra 1.10.2026." in text_of(page, "share-period")
    tap(page, "nav-back")
    left = time.monotonic()
    wait_id(page, "timeline-heading")
    _no_failed_task(tmp_path, left)

    tap(page, "wallet-share")
    tap(page, "share-show")
    wait_for_text(page, "share-countdown", "Skjules om")
    tap(page, "language-switch")
    left = time.monotonic()
    wait_for_text(page, "share-heading", "Show your summary")
    _no_failed_task(tmp_path, left)


def test_the_code_hides_itself_when_its_time_is_up(tmp_path, browser_page, course):
    config = tmp_path / "flet.toml"
    config.write_text('[content]\npacks = ["national"]\n[share]\ndisplay_seconds = 3\n', encoding="utf-8")
    with served_with_wallet(tmp_path, PASSPHRASE, course["profile"], course["records"],
                            env={"INFOCARDS_CONFIG": str(config)}) as (url, _wallet_file):
        page = browser_page
        _unlock_and_open_share(page, url)
        tap(page, "share-show")
        assert "0:0" in wait_for_text(page, "share-countdown", "Skjules om 0:0")
        wait_id(page, "share-heading", timeout_ms=30_000)  # back to the form by itself
        assert page.locator('[flt-semantics-identifier="share-qr"]').count() == 0
        _no_failed_task(tmp_path, time.monotonic())


def _check_square(picture: Image.Image) -> tuple[int, int, int, int] | None:
    """The bounding box of the checkbox's filled square (the app's teal, #00695C) in a row's picture."""
    rgb = picture.convert("RGB")
    width, height = rgb.size
    pixels = rgb.load()
    teal = [(x, y) for y in range(height) for x in range(width)
            if (lambda p: p[1] - p[0] > 50 and p[2] - p[0] > 40)(pixels[x, y])]
    if not teal:
        return None
    xs, ys = [x for x, _ in teal], [y for _, y in teal]
    return min(xs), min(ys), max(xs) + 1, max(ys) + 1


def _drawn_squares(page, rows: dict, screenshot, name: str, tries: int = 60):
    """The checked box in each row's picture, once every row shows one and two pictures a few
    frames apart measure the same: the check marks animate in after the rows exist, so the
    picture is polled until it is settled (a bounded wait for the drawing, not for a time)."""
    previous = None
    for _ in range(tries):
        shot = screenshot(page, name)
        full = Image.open(shot)
        squares = {key: _check_square(full.crop(row)) for key, row in rows.items()}
        if all(squares.values()) and squares == previous:
            return shot, squares
        previous = squares
        next_frames(page, 6)
    missing = [key for key, found in (previous or {}).items() if not found]
    raise AssertionError(f"the checked boxes never settled; rows without one: {missing} ({shot})")


@pytest.mark.parametrize("width", [412, 1280])
def test_share_sections_are_drawn_at_their_own_size(shared_app, browser_page, width, screenshot):
    # Flet 1.0 wraps a labelled Checkbox given a width or height in FittedBox(fill): box and label
    # were stretched sideways, most for the shortest labels ("Medicin", "Arbejde").
    url, _wallet_file = shared_app
    page = browser_page
    page.set_viewport_size({"width": width, "height": 1600})  # every row on screen, nothing scrolled
    open_app(page, url + "wallet")
    type_into(page, "unlock-passphrase", PASSPHRASE)
    tap(page, "wallet-unlock")
    tap(page, "wallet-share")
    wait_id(page, "share-section-involved")
    rows = {}
    for key in SECTION_KEYS:
        box = by_id(page, f"share-section-{key}").bounding_box()
        assert box["height"] >= 48, f"{key}: the row is {box['height']} px high"
        rows[key] = (int(box["x"]), int(box["y"]), int(box["x"] + box["width"]), int(box["y"] + box["height"]))
    shot, squares = _drawn_squares(page, rows, screenshot, f"sections-{width}")
    for key, (left, top, right, bottom) in squares.items():
        size = f"{right - left}x{bottom - top}"
        assert 0.85 <= (right - left) / (bottom - top) <= 1.18, f"{key}: the box is {size} px ({shot})"
    squares = {key: (left, right - left, bottom - top) for key, (left, top, right, bottom) in squares.items()}
    # The same box in every row, at the same place: nothing scaled by its label's length.
    assert len({(w, h) for _left, w, h in squares.values()}) == 1, squares
    lefts = [left for left, _w, _h in squares.values()]
    assert max(lefts) - min(lefts) <= 1, squares


def test_reader_only_server_shows_only_the_clinician_view(tmp_path, browser_page):
    port = free_port()
    with served(infocards_web(port, "--reader"), port, tmp_path) as url:
        page = browser_page
        for route in ("", "wallet", "share", "wallet/settings"):
            open_app(page, url + route)
            wait_id(page, "reader-heading")
            assert page.locator('[flt-semantics-identifier="home-wallet"]').count() == 0
            assert page.locator('[flt-semantics-identifier="unlock-heading"]').count() == 0
        # The cards the reader links to stay readable.
        open_app(page, url + "card/red-flags")
        wait_id(page, "card-title")


def test_clinician_view_reads_a_pasted_code(app_url, browser_page, course, screenshot):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 800})  # a clinic's laptop: the first screen is what counts
    code = _code_for(course, timedelta(minutes=30))
    open_app(page, app_url + "reader")
    wait_id(page, "reader-heading")
    paste_into(page, "reader-paste", code)
    tap(page, "reader-read")
    status = wait_for_text(page, "reader-status", "GYLDIG")
    assert "GYLDIG" in status
    wait_for_text(page, "reader-section-red_flags", "Røde flag")
    red_flags = text_of(page, "reader-section-red_flags")
    assert "saddle numbness" in red_flags  # the screening's own text, as the patient recorded it
    assert "Anna Jensen" in wait_for_text(page, "reader-patient")
    screenshot(page, "reader-valid")


def test_clinician_view_rejects_a_tampered_code(app_url, browser_page, course):
    page = browser_page
    code = _code_for(course, timedelta(minutes=30))
    middle = len(code) // 2
    tampered = code[:middle] + ("A" if code[middle] != "A" else "B") + code[middle + 1:]
    open_app(page, app_url + "reader")
    type_into(page, "reader-paste", tampered)
    tap(page, "reader-read")
    status = wait_for_text(page, "reader-status", "UGYLDIG")
    assert "intet vises" in status
    assert page.locator('[flt-semantics-identifier="reader-patient"]').count() == 0


def _write_y4m(image: Image.Image, path: Path) -> None:
    """One 4:2:0 frame in YUV4MPEG2, the format Chromium's fake camera plays (grey: U = V = 128)."""
    grey = image.convert("L")
    width, height = grey.size
    chroma = bytes([128]) * ((width // 2) * (height // 2))
    header = f"YUV4MPEG2 W{width} H{height} F30:1 Ip A1:1 C420jpeg\n".encode()
    path.write_bytes(header + b"FRAME\n" + grey.tobytes() + chroma + chroma)


def test_scan_button_reads_a_code_from_the_fake_camera(app_url, tmp_path, course, screenshot):
    code = _code_for(course, timedelta(hours=2))
    qr = Image.open(io.BytesIO(png_bytes(code, box_size=6))).convert("L")
    frame = Image.new("L", (1280, 720), 235)
    qr.thumbnail((680, 680))
    frame.paste(qr, ((1280 - qr.width) // 2, (720 - qr.height) // 2))
    video = tmp_path / "qr.y4m"
    _write_y4m(frame, video)
    camera_args = [
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    ]
    with sync_playwright() as playwright:
        context = launch_chromium(playwright, tmp_path / "profile", camera_args)
        context.grant_permissions(["camera"])
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(30_000)
        open_app(page, app_url + "reader")
        tap(page, "reader-scan")
        status = wait_for_text(page, "reader-status", "GYLDIG", timeout_ms=60_000)
        assert "GYLDIG" in status
        screenshot(page, "reader-camera")
        context.close()


def test_clinician_view_reads_a_photo_and_says_when_there_is_no_code(app_url, browser_page, tmp_path, course):
    page = browser_page
    code = _code_for(course, timedelta(minutes=30))
    qr = Image.open(io.BytesIO(png_bytes(code, box_size=5))).convert("RGB")
    photo = Image.new("RGB", (1600, 1200), (205, 200, 190))  # a desk, with the code lying on it
    photo.paste(qr.rotate(7, expand=True, fillcolor=(205, 200, 190)), (400, 200))
    photo_path = tmp_path / "photo.jpg"
    photo.save(photo_path, quality=90)
    blank_path = tmp_path / "blank.png"
    Image.new("RGB", (800, 600), (240, 240, 240)).save(blank_path)

    open_app(page, app_url + "reader")
    with page.expect_file_chooser() as chooser:
        tap(page, "reader-photo")
    chooser.value.set_files(str(photo_path))
    assert "GYLDIG" in wait_for_text(page, "reader-status", "GYLDIG", timeout_ms=60_000)

    tap(page, "reader-new")  # the input folded away once the code was read
    with page.expect_file_chooser() as chooser:
        tap(page, "reader-photo")
    chooser.value.set_files(str(blank_path))
    status = wait_for_text(page, "reader-status", "Ikke en infocards-kode", timeout_ms=60_000)
    assert "Ikke en infocards-kode" in status
    assert page.locator('[flt-semantics-identifier="reader-patient"]').count() == 0
