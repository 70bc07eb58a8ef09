"""Start the real web app and a real Chromium; shared by the browser tests and bench/startup.py."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "AppAddress",
    "by_id",
    "decoded_codes",
    "enable_semantics",
    "free_port",
    "go_back",
    "infocards_web",
    "launch_chromium",
    "next_frames",
    "open_app",
    "paste_into",
    "served",
    "served_with_wallet",
    "server_output",
    "tap",
    "text_of",
    "type_into",
    "wait_for_text",
    "wait_id",
    "wait_until_serving",
    "without_secret",
]

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps dialling out of this closed network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 412, "height": 915}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(url: str, process: subprocess.Popen, timeout: float = 60, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:] if log else ""
            raise RuntimeError(f"the server exited with code {process.returncode}:\n{tail}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (localhost)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing served at {url} after {timeout} s")


class AppAddress(str):
    """The address a server printed, e.g. http://localhost:8550/?token=...; adding a route keeps the
    launch secret in the query: address + "wallet" is http://localhost:8550/wallet?token=..."""

    def __add__(self, route: str) -> AppAddress:
        base, _, secret_query = str(self).partition("?")  # plain strings: no recursion into this method
        path, _, route_query = route.partition("?")
        query = "&".join(part for part in (route_query, secret_query) if part)
        return AppAddress(base + path + (f"?{query}" if query else ""))


def without_secret(address: str) -> str:
    """The same address with the launch secret left out (what someone without it could open)."""
    return str.partition(address, "?")[0]


def read_printed_address(log: Path, port: int, process: subprocess.Popen, timeout: float = 60) -> AppAddress:
    """The first address on `port` that the server wrote to its output."""
    pattern = re.compile(rf"http://(?:localhost|127\.0\.0\.1|\[::1\]):{port}/\S*")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = pattern.search(log.read_text(errors="replace"))
        if found:
            return AppAddress(found.group(0))
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode}:\n{log.read_text()[-2000:]}")
        time.sleep(0.1)
    raise RuntimeError(f"the server printed no address on port {port} after {timeout} s")


@contextlib.contextmanager
def served(command: list[str], port: int, home: Path, env: dict | None = None) -> Iterator[AppAddress]:
    """Run a web server command until the block ends; yield the address it printed (with the
    launch secret, for the patient app)."""
    full_env = {**os.environ, "HOME": str(home), **(env or {})}
    log_path = home / f"server-{port}.log"
    log = open(log_path, "wb")
    process = subprocess.Popen(command, env=full_env, stdout=log, stderr=subprocess.STDOUT)
    try:
        url = read_printed_address(log_path, port, process)
        wait_until_serving(url, process, log=log_path)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@contextlib.contextmanager
def served_with_wallet(work: Path, passphrase: str | None = None, profile: dict | None = None,
                       records=(), env: dict | None = None) -> Iterator[tuple[str, Path]]:
    """`infocards web` using the wallet work/data/wallet.icw: made first with `passphrase`, the
    profile and the records when a passphrase is given, else left for the app to create."""
    wallet_file = work / "data" / "wallet.icw"
    wallet_file.parent.mkdir(exist_ok=True)
    if passphrase is not None:
        from infocards.wallet import Wallet

        wallet, _code = Wallet.create(wallet_file, passphrase, profile=profile)
        wallet.put_many(records)
        wallet.close()
    port = free_port()
    with served(infocards_web(port), port, work, env={"INFOCARDS_WALLET": str(wallet_file), **(env or {})}) as url:
        yield url, wallet_file


def infocards_web(port: int, *extra: str) -> list[str]:
    return [sys.executable, "-m", "infocards", "web", "--port", str(port), "--no-browser", *extra]


def launch_chromium(playwright, user_data_dir: Path, extra_args: list[str] | None = None):
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing: install Debian's chromium (see .ci/run)")
    return playwright.chromium.launch_persistent_context(
        str(user_data_dir),
        executable_path=CHROMIUM,
        args=[*CHROMIUM_ARGS, *(extra_args or [])],
        viewport=PHONE,
        headless=True,
    )


def enable_semantics(page, timeout_ms: int = 60_000) -> None:
    """Switch on Flutter's accessibility tree so controls can be found by role, name and id."""
    page.wait_for_function("window.flet && window.flet.flutterApp", timeout=timeout_ms)
    placeholder = page.locator("flt-semantics-placeholder")
    placeholder.wait_for(state="attached", timeout=timeout_ms)
    placeholder.dispatch_event("click")


def open_app(page, url: str, timeout_ms: int = 60_000) -> None:
    """Open `url` (a printed address, plus a route) and wait for Flutter. A tokened address first
    sets the cookie and forwards to the same address without the secret: wait for that page."""
    page.goto(url)
    if "token=" in url:
        page.wait_for_url(lambda address: "token=" not in address, timeout=timeout_ms)
    enable_semantics(page, timeout_ms)


def by_id(page, identifier: str):
    return page.locator(f'[flt-semantics-identifier="{identifier}"]')


def wait_id(page, identifier: str, timeout_ms: int = 30_000):
    """The element with this semantics identifier, once it is in the accessibility tree.

    Flutter's semantics nodes are transparent overlays, so wait for them to be attached, not
    "visible" in Playwright's sense."""
    locator = by_id(page, identifier)
    locator.wait_for(state="attached", timeout=timeout_ms)
    return locator


def _focus(page, identifier: str) -> None:
    """Focus the text field inside `identifier` and wait until Flutter listens to it."""
    field = wait_id(page, identifier).locator("input, textarea").first
    field.click()
    page.wait_for_function("el => document.activeElement === el", arg=field.element_handle())
    # Flutter attaches its text editing to the focused input in the frame after the DOM focus
    # event; a key typed or text pasted before that frame is lost (seen: the first letter of a
    # second passphrase field). So wait until two frames have been drawn since the focus.
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def type_into(page, identifier: str, text: str, clear: bool = False) -> None:
    """Focus the text field inside `identifier` and type like a person."""
    _focus(page, identifier)
    if clear:
        page.keyboard.press("Control+a")
        page.keyboard.press("Backspace")
    page.keyboard.type(text)


def paste_into(page, identifier: str, text: str) -> None:
    """Paste `text` into the text field inside `identifier` (one input event, like a real paste)."""
    _focus(page, identifier)
    page.keyboard.insert_text(text)


def tap(page, identifier: str) -> None:
    """Tap the button (or checkbox) inside `identifier`."""
    wait_id(page, identifier).locator("[role=button], [role=checkbox], [role=menuitem]").first.click()


def wait_for_text(page, identifier: str, contains: str = "", timeout_ms: int = 30_000) -> str:
    """Wait until the element `identifier` exists and shows text (containing `contains`)."""
    page.wait_for_function(
        """([id, part]) => {
            const el = document.querySelector(`[flt-semantics-identifier="${id}"]`);
            return !!el && el.innerText.trim().length > 0 && el.innerText.includes(part);
        }""",
        arg=[identifier, contains],
        timeout=timeout_ms,
    )
    return by_id(page, identifier).inner_text()


def wait_said(page, identifier: str, part: str, timeout_ms: int = 30_000) -> str:
    """Wait until what a screen reader gets from `identifier` (its text and its children's
    labels, as text_of reads them) holds `part`; wait_for_text reads the rendered text only."""
    page.wait_for_function(
        """([id, part]) => {
            const el = document.querySelector(`[flt-semantics-identifier="${id}"]`);
            if (!el) return false;
            return [el.innerText, ...[el, ...el.querySelectorAll('[aria-label]')]
                    .map(e => e.getAttribute('aria-label') || '')].join('\\n').includes(part);
        }""",
        arg=[identifier, part],
        timeout=timeout_ms,
    )
    return text_of(page, identifier)


def text_of(page, identifier: str) -> str:
    """What a screen reader gets from `identifier`: its text and the labels of its children."""
    return wait_id(page, identifier).evaluate(
        """el => [el.innerText, ...[el, ...el.querySelectorAll('[aria-label]')]
                 .map(e => e.getAttribute('aria-label') || '')].join('\\n')"""
    )


def next_frames(page, count: int = 2) -> None:
    """Wait until Flutter has drawn `count` more frames (after a change to the tree, it paints in
    the next frame): a wait for the event itself, not a fixed time."""
    page.evaluate(
        "n => new Promise(done => { const step = left => left ? requestAnimationFrame(() => step(left - 1)) "
        ": done(); step(n); })",
        count,
    )


def decoded_codes(shoot, timeout_s: float = 30) -> list[str]:
    """The QR codes zxing-cpp decodes from `shoot()` (a page's or an element's screenshot, PNG
    bytes), polled until there is one: Flutter paints an image a frame or more after its node."""
    import io

    from PIL import Image

    from infocards.codes.qr_in import decode_image

    deadline = time.monotonic() + timeout_s
    while True:
        texts = decode_image(Image.open(io.BytesIO(shoot())))
        if texts or time.monotonic() > deadline:
            return texts
        time.sleep(0.1)


def server_output(home: Path) -> str:
    """What the servers started by `served` (or `served_with_wallet`) with this home folder have
    written so far: their standard output and standard error, where Python logs a failed task."""
    return "\n".join(log.read_text(encoding="utf-8", errors="replace")
                     for log in sorted(home.glob("server-*.log")))


def go_back(page, timeout_ms: int = 30_000) -> None:
    """Tap the app bar's Back once the screen before has gone: while a new screen slides in, the
    old one (with its own Back, leading elsewhere) is still in the accessibility tree."""
    page.wait_for_function(
        "document.querySelectorAll('[flt-semantics-identifier=\"nav-back\"]').length === 1", timeout=timeout_ms)
    tap(page, "nav-back")
