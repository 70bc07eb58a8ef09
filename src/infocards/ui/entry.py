"""Starting the app: a desktop window where one can open, else the web app on localhost."""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import ipaddress
import logging
import os
import signal
import socket
import sys
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

import flet as ft

from infocards.config import Settings, assets_root, load_settings
from infocards.content.library import Library
from infocards.errors import InfocardsError, UsageError
from infocards.i18n import cli_language, t
from infocards.ui import app
from infocards.ui.state import AppState
from infocards.web.guard import TOKEN_PARAM, LaunchGuard, LaunchSecret, SameOriginGuard, served_names, write_launch_page

__all__ = ["main", "open_desktop_or_web", "quiet_protocol_logs", "run_packaged_app", "serve"]


@lru_cache(maxsize=1)
def _shared_library(packs: tuple) -> Library:
    # Loaded once per process and shared read-only by every browser session.
    return Library.load(packs)


def _make_main(reader_only: bool):
    def session_main(page: ft.Page) -> None:
        try:
            settings = load_settings()
            state = AppState(
                settings=settings,
                library=_shared_library(settings.packs),
                lang=settings.default_language,
                reader_only=reader_only,
                client=page.client_ip or "",
            )
        except InfocardsError as exc:
            # A broken flet.toml or a missing pack: say so on screen, never a traceback.
            page.add(ft.Text(exc.message("da"), size=18), ft.Text(exc.message("en"), size=18))
            return
        app.build(page, state)

    return session_main


main = _make_main(reader_only=False)


def _desktop_available() -> bool:
    has_display = sys.platform in ("darwin", "win32") or bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    return has_display and importlib.util.find_spec("flet_desktop") is not None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_address(host: str, port: int, reader_only: bool) -> None:
    """Refuse what would expose the wallet, or fail later with a traceback."""
    if not 1 <= port <= 65535:
        raise UsageError("cli.web.bad_port", port=port)
    if not reader_only and not _is_loopback(host):
        # The patient app holds the wallet of the machine it runs on: one person, this computer.
        raise UsageError("cli.web.network_refused", host=host)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            raise InfocardsError("cli.web.port_busy", host=host, port=port) from None


# Flet's loggers (found in flet and flet_web): at DEBUG they print every websocket message, and
# so the typed passphrase and the decrypted records. uvicorn.error carries the websocket frames.
PROTOCOL_LOGGERS = ("flet", "flet_transport", "flet_object_patch", "flet_controls", "flet_components",
                    "flet_web", "flet_web.fastapi", "uvicorn", "uvicorn.error", "uvicorn.access", "websockets")


def quiet_protocol_logs() -> None:
    """Keep Flet's protocol logging at WARNING whatever FLET_LOG_LEVEL or a logging set-up says."""
    for name in PROTOCOL_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    for name in list(logging.root.manager.loggerDict):
        if name.startswith(PROTOCOL_LOGGERS):
            logging.getLogger(name).setLevel(logging.WARNING)


def _browser_available() -> bool:
    if sys.platform in ("darwin", "win32"):
        return True
    # Without a display, Python's webbrowser would start a text browser inside this terminal.
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _open_browser(url: str, folder: Path) -> None:
    import webbrowser

    with contextlib.suppress(OSError, webbrowser.Error):
        webbrowser.open(write_launch_page(url, folder).as_uri(), new=2)


async def _serve_until_stopped(server, on_started) -> None:
    serving = asyncio.create_task(server.serve())
    while not server.started and not serving.done():
        await asyncio.sleep(0.05)
    if server.started:
        on_started()
    await serving


# The open reader forgets a closed tab's session after this long (Flet's default is an hour): a
# reload or a short network drop comes back within it; the summary and the clinic key are
# dropped at the disconnect itself (ui/app.py).
READER_SESSION_SECONDS = 120
# The largest websocket message the reader accepts: a phone's photo of a code (a few MB, sent
# whole by the file picker) fits; a pasted text is cut far below this (reader.read.MAX_PASTED).
READER_WS_MAX_BYTES = 8 * 1024 * 1024


def _reader_asgi_app():
    """Flet's web app for the reader: as ft.run(export_asgi_app=True) builds it, with a short
    session lifetime (ft.run has no parameter for it; flet_web.fastapi.app has)."""
    import flet_web.fastapi as flet_fastapi

    outer = flet_fastapi.FastAPI()
    outer.mount("/", flet_fastapi.app(_make_main(True), assets_dir=str(assets_root()), no_cdn=True,
                                      session_timeout_seconds=READER_SESSION_SECONDS))
    return outer


def _has_zxing() -> bool:
    try:
        import zxingcpp  # noqa: F401
    except ImportError:
        return False
    return True


def serve(host: str = "127.0.0.1", port: int = 8550, reader_only: bool = False, open_browser: bool = False,
          allowed_hosts: tuple[str, ...] = ()) -> None:
    """Serve the web app offline (no CDN) and print its address. The patient app admits only
    the browser that opened the printed address (it holds this launch's secret); the reader,
    which holds no wallet, is open to anyone who can reach it by one of its own host names."""
    import uvicorn

    settings: Settings = load_settings()  # fail early, with a clear message, on bad settings
    _check_address(host, port, reader_only)
    _shared_library(settings.packs)
    # Import the card browser's views while the server starts and the browser loads Flutter, so
    # the first visitor does not wait for them.
    threading.Thread(target=app.preload_views, args=(reader_only,), daemon=True).start()
    if reader_only:
        flet_app = _reader_asgi_app()
    else:
        flet_app = ft.run(_make_main(False), export_asgi_app=True, no_cdn=True, assets_dir=str(assets_root()))
    shown_host = "localhost" if _is_loopback(host) else host
    url = f"http://{shown_host}:{port}/"
    if reader_only:
        # Open to anyone who can reach it, but only by its own names and from its own pages.
        served_app = SameOriginGuard(flet_app, served_names(host, allowed_hosts))
    else:
        secret = LaunchSecret()
        served_app = LaunchGuard(flet_app, secret, port)
        url += f"?{TOKEN_PARAM}={secret.reveal()}"
    limits = {"ws_max_size": READER_WS_MAX_BYTES} if reader_only else {}
    config = uvicorn.Config(served_app, host=host, port=port, ws="websockets-sansio", log_level="warning",
                            access_log=False, proxy_headers=False, timeout_graceful_shutdown=5, **limits)
    server = uvicorn.Server(config)
    quiet_protocol_logs()  # after Flet and uvicorn have set up logging from the environment
    lang = cli_language()
    with tempfile.TemporaryDirectory(prefix="infocards-") as launch_folder:

        def started() -> None:
            print(t("cli.web.serving", lang, url=url), flush=True)
            if not reader_only:
                print(t("cli.web.secret_note", lang), flush=True)
            elif not _is_loopback(host) and not _has_zxing():
                print(t("cli.web.reader_without_zxing", lang), file=sys.stderr, flush=True)
            if open_browser and _browser_available():
                _open_browser(url, Path(launch_folder))

        # uvicorn re-raises SIGTERM once it has shut down; exit normally so the launch page goes too.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        asyncio.run(_serve_until_stopped(server, started))


def open_desktop_or_web() -> None:
    if _desktop_available():
        quiet_protocol_logs()
        ft.run(main, assets_dir=str(assets_root()))
    else:
        serve(open_browser=True)


def run_packaged_app() -> None:
    """What a phone build runs: Flet's own client is the app (no server, no browser, no secret)."""
    quiet_protocol_logs()
    ft.run(main, assets_dir=str(assets_root()))


if __name__ == "__main__":  # `flet build apk|ipa` runs [tool.flet.app] module as __main__
    run_packaged_app()
