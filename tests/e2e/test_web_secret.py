"""The launch secret in a real Chromium: without it the app does not load; the browser opened from
the launch page gets in; a page on another localhost port can neither open the app's websocket nor
read its pages; Flet's debug log does not print the passphrase or a record; wrong passphrases
make the unlock screen say how long to wait."""

from __future__ import annotations

import contextlib
import stat
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from infocards.web.guard import write_launch_page
from tests.e2e.harness import (
    enable_semantics,
    free_port,
    open_app,
    served_with_wallet,
    tap,
    type_into,
    wait_for_text,
    wait_id,
    without_secret,
)

PASSPHRASE = "blå himmel over lillebælt"
RECORD_TEXT = "Gik 4 km langs fjorden uden smerter"
NOTE = {"id": "n-walk", "type": "note", "date": "2026-11-20", "source": "patient", "text": RECORD_TEXT}

# Run from another origin on the same host: the SameSite=Strict cookie does travel (same site),
# so only the Origin check and the missing CORS header stand in the way.
PROBE = """
window.result = {};
const socket = new WebSocket("ws://localhost:%(port)d/ws");
socket.onopen = () => { window.result.socket = "open"; socket.close(); };
socket.onerror = () => { window.result.socket = "refused"; };
fetch("http://localhost:%(port)d/", {credentials: "omit"})
  .then(response => response.text()).then(() => { window.result.page = "read"; },
                                          () => { window.result.page = "blocked"; });
"""


@contextlib.contextmanager
def other_site_on_localhost(body: str):
    """Another program's page on localhost (another user's server, say) on its own port."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            payload = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *_args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_opened_without_the_secret_does_not_reach_the_app(app_url, browser_page):
    page = browser_page
    sockets = []
    page.on("websocket", lambda socket: sockets.append(socket.url))
    for route in ("", "wallet", "reader"):
        response = page.goto(without_secret(app_url) + route)
        assert response.status == 403
        assert "Siden kan ikke åbnes" in page.locator("h1").first.inner_text()
        assert page.evaluate("typeof window.flet") == "undefined"
        assert page.locator("flutter-view, flt-glass-pane").count() == 0
    assert sockets == []
    # The same browser with the printed address: the app loads and its websocket opens.
    open_app(page, app_url)
    wait_id(page, "home-heading")
    assert len(sockets) == 1


def test_the_browser_started_on_the_launch_page_reaches_the_app(app_url, browser_page, tmp_path):
    """`infocards web` opens the browser on a private file that forwards to the tokened address
    (so the secret is not on a command line); the cookie must still be set and sent."""
    launch = write_launch_page(app_url, tmp_path)
    assert stat.S_IMODE(launch.stat().st_mode) == 0o600
    page = browser_page
    page.goto(launch.as_uri())
    base = without_secret(app_url)
    page.wait_for_url(lambda address: address.startswith(base) and "token=" not in address, timeout=60_000)
    enable_semantics(page)
    wait_id(page, "home-heading")


def test_a_page_on_another_localhost_port_cannot_use_the_app(app_url, browser_page):
    page = browser_page
    open_app(page, app_url)  # the patient's browser holds the cookie
    wait_id(page, "home-heading")
    port = urlsplit(app_url).port
    probe = PROBE % {"port": port}
    # From the app's own page the same script gets in: the refusals below are not a broken probe.
    page.evaluate(probe)
    page.wait_for_function("window.result.socket && window.result.page")
    assert page.evaluate("window.result") == {"socket": "open", "page": "read"}

    with other_site_on_localhost(f"<!doctype html><title>other</title><script>{probe}</script>") as other:
        page.goto(other)
        page.wait_for_function("window.result && window.result.socket && window.result.page")
        assert page.evaluate("window.result") == {"socket": "refused", "page": "blocked"}


def test_flet_debug_logging_prints_neither_the_passphrase_nor_a_record(tmp_path, browser_page):
    env = {"FLET_LOG_LEVEL": "debug"}
    with served_with_wallet(tmp_path, PASSPHRASE, {"name": "Test Person"}, [NOTE], env=env) as (url, _wallet):
        page = browser_page
        open_app(page, url + "wallet")
        type_into(page, "unlock-passphrase", PASSPHRASE)
        tap(page, "wallet-unlock")
        wait_for_text(page, f"record-{NOTE['id']}", RECORD_TEXT, timeout_ms=60_000)  # it went over the wire
        log = Path(tmp_path / f"server-{urlsplit(url).port}.log").read_text(errors="replace")
    assert "Using selector" in log  # asyncio's DEBUG line: the environment did switch debug logging on
    assert PASSPHRASE not in log
    assert RECORD_TEXT not in log and "fjorden" not in log
    assert urlsplit(url).query.removeprefix("token=") not in log.replace(url, "")  # only the printed address


def _try_in_a_new_tab(context, url: str, guess: str) -> str:
    """Open the unlock screen in a new tab (a new session of the same server), try `guess`, and
    return the message the screen shows."""
    page = context.new_page()
    try:
        open_app(page, url + "wallet")
        type_into(page, "unlock-passphrase", guess)
        tap(page, "wallet-unlock")
        return wait_for_text(page, "wallet-error", timeout_ms=60_000)
    finally:
        page.close()


def test_wrong_passphrases_make_the_unlock_screen_say_how_long_to_wait(tmp_path, browser_page):
    """Each try in a new tab: the count belongs to the server, so reconnecting does not reset it.
    (A fresh screen per try also sidesteps the unlock screen's live region, which the
    accessibility tree stops updating after its first message.)"""
    with served_with_wallet(tmp_path, PASSPHRASE) as (url, _wallet):
        for attempt in range(1, 4):
            message = _try_in_a_new_tab(browser_page.context, url, f"forkert gæt nummer {attempt}")
            assert "Forkert adgangskode" in message and "vente" not in message
        message = _try_in_a_new_tab(browser_page.context, url, "forkert gæt nummer 4")
        assert "Forkert adgangskode" in message and "vente 2 sekunder" in message
        assert "gendannelseskode" in message
