"""Helpers for the static reader's browser tests: the built folder served on 127.0.0.1, axe-core.

The site is what `infocards reader build` writes, served by a plain threaded file server (as any
static host would), so the page runs exactly as a region's host would give it.
"""

from __future__ import annotations

import contextlib
import functools
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parents[2]
# axe-core from the npm registry with npm itself, once, into the checkout's .cache/ (ignored by git).
AXE_VERSION = "4.10.3"
AXE_DIR = ROOT / ".cache" / f"axe-core-{AXE_VERSION}"
AXE_SCRIPT = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"


class _Quiet(SimpleHTTPRequestHandler):
    # Module scripts need a JavaScript type; Python's table may not know .mjs.
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
    }

    hits: list[str]

    def log_message(self, format, *args):
        pass

    def send_head(self):
        self.hits.append(self.path)  # every path asked for, the browser's own (favicon) too
        return super().send_head()


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[tuple[str, list[str]]]:
    """Serve `folder` on 127.0.0.1 on a free port; yields the base address ("http://127.0.0.1:N/")
    and the list of paths the server was asked for, in order."""
    hits: list[str] = []
    handler = type("Handler", (_Quiet,), {"hits": hits})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", hits
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def axe_source() -> str:
    """axe-core's script, installed with npm on first use (scripts/test.sh has npm with nodejs)."""
    if not AXE_SCRIPT.is_file():
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("npm is missing: install Debian's nodejs and npm (scripts/test.sh does)")
        AXE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run([npm, "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(AXE_DIR),
                        f"axe-core@{AXE_VERSION}"], check=True, capture_output=True, timeout=300)
    return AXE_SCRIPT.read_text("utf-8")
