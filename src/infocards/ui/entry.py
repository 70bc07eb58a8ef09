"""Starting the app: a desktop window where one can open, else the web app on localhost."""

from __future__ import annotations

import importlib.util
import ipaddress
import os
import socket
import sys
import threading
from functools import lru_cache

import flet as ft

from infocards.config import Settings, assets_root, load_settings
from infocards.content.library import Library
from infocards.errors import InfocardsError, UsageError
from infocards.i18n import cli_language, t
from infocards.ui import app
from infocards.ui.state import AppState

__all__ = ["main", "open_desktop_or_web", "serve"]


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


def serve(host: str = "127.0.0.1", port: int = 8550, reader_only: bool = False) -> None:
    """Serve the web app offline (no CDN) and print its address."""
    settings: Settings = load_settings()  # fail early, with a clear message, on bad settings
    _check_address(host, port, reader_only)
    _shared_library(settings.packs)
    shown_host = "localhost" if _is_loopback(host) else host
    print(t("cli.web.serving", cli_language(), url=f"http://{shown_host}:{port}/"), flush=True)
    # Import the card browser's views while the server starts and the browser loads Flutter, so
    # the first visitor does not wait for them.
    threading.Thread(target=app.preload_views, args=(reader_only,), daemon=True).start()
    ft.run(
        _make_main(reader_only),
        view=None,
        host=host,
        port=port,
        no_cdn=True,
        assets_dir=str(assets_root()),
    )


def open_desktop_or_web() -> None:
    if _desktop_available():
        ft.run(main, assets_dir=str(assets_root()))
    else:
        serve()
