"""Startup: process start to the first card title visible in Chromium, infocards vs a bare Flet app.

Both are served the same way (web mode, no CDN, on localhost) and opened in the same headless
Chromium, each from the address it printed (infocards' carries the launch secret, so it passes
the extra hop that sets the cookie); the figure is wall time from starting the server process to
the title being present in the accessibility tree. The ratio infocards / bare is the target (at most 1.3).

    python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.harness import (  # noqa: E402 (after the path set-up above)
    by_id,
    free_port,
    infocards_web,
    launch_chromium,
    open_app,
    served,
)

BARE_APP = textwrap.dedent(
    """
    import sys
    import flet as ft

    def main(page: ft.Page):
        page.add(ft.Semantics(content=ft.Text("Diskusprolaps"), identifier="card-link-bare"))

    print(f"http://127.0.0.1:{sys.argv[1]}/", flush=True)  # the harness opens the printed address
    ft.run(main, view=None, host="127.0.0.1", port=int(sys.argv[1]), no_cdn=True)
    """
)


def time_to_title(playwright, command: list[str], port: int, route: str, identifier: str, work: Path) -> float:
    start = time.perf_counter()
    with served(command, port, work) as url:
        context = launch_chromium(playwright, work / f"profile-{port}")
        try:
            page = context.pages[0] if context.pages else context.new_page()
            open_app(page, url + route.lstrip("/"))  # infocards: the printed address, secret and all
            by_id(page, identifier).wait_for(timeout=60_000)
            return time.perf_counter() - start
        finally:
            context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from infocards.config import load_settings
    from infocards.content.library import Library

    first = Library.load(load_settings().packs).cards("da", "diagnosis")[0]
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        work = Path(tmp)
        bare_script = work / "bare_app.py"
        bare_script.write_text(BARE_APP)
        for _ in range(args.runs):  # interleaved, so drift in the machine hits both alike
            port = free_port()
            bare.append(time_to_title(playwright, [sys.executable, str(bare_script), str(port)], port,
                                      "/", "card-link-bare", work))
            port = free_port()
            ours.append(time_to_title(playwright, infocards_web(port), port, "/category/diagnosis",
                                      f"card-link-{first.id}", work))
    ours_median, bare_median = statistics.median(ours), statistics.median(bare)
    print(f"runs: {args.runs}")
    for name, runs in (("bare Flet app", bare), ("infocards web", ours)):
        median, low, high = (value * 1000 for value in (statistics.median(runs), min(runs), max(runs)))
        print(f"{name:<18} median {median:7.0f} ms  (min {low:.0f}, max {high:.0f})")
    print(f"ratio infocards / bare: {ours_median / bare_median:.2f}  (target <= 1.30)")


if __name__ == "__main__":
    main()
