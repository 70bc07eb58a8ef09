"""The static reader against the app's own reader: site size, QR versions of a link, time to status.

Run from a checkout: `python bench/reader_web.py` (needs Debian's chromium, as the browser tests).
Everything is measured in this one run on the same code, the reference course
(tests/fixtures/wallets/reference-course.json, all sections):
- the QR version of the code as `IC` text and as a link with a 23- and a 40-character address;
- the size of the folder `infocards reader build` writes (the default packs);
- the time from opening the link to the status being shown in Chromium, median of 10, against
  the app's own reader (Flet web, `infocards web --reader`) opening and reading the same code
  pasted into it, median of 10; each run in a fresh tab of one warm browser (files cached).
"""

from __future__ import annotations

import functools
import json
import statistics
import sys
import tempfile
import threading
import time
from datetime import timedelta
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.e2e.harness: how the browser tests start the app and drive it

from infocards.codes.link import code_to_link  # noqa: E402
from infocards.codes.qr_out import qr_version  # noqa: E402
from infocards.config import load_settings  # noqa: E402
from infocards.reader.readable import REASONS  # noqa: E402
from infocards.reader_site import build_site  # noqa: E402
from infocards.share.issue import issue_from_records  # noqa: E402

RUNS = 10
ADDRESSES = ("https://ic.regsyd.dk/l/", "https://infocards.regionsyd.dk/laes/qr1/")  # 23 and 40 characters


class _Files(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript"}  # noqa: RUF012

    def log_message(self, *args):
        pass


def _code() -> str:
    course = json.loads((ROOT / "tests" / "fixtures" / "wallets" / "reference-course.json").read_text("utf-8"))
    return issue_from_records(course["profile"], course["records"], bytes(range(32)),
                              lifetime=timedelta(hours=2)).text


def _median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.0f} ms (min {min(samples) * 1000:.0f}, max {max(samples) * 1000:.0f})"


def _time_page(context, link: str) -> list[float]:
    samples = []
    for _ in range(RUNS + 1):  # the first run warms the cache and is not counted
        page = context.new_page()
        start = time.perf_counter()
        page.goto(link)
        page.wait_for_selector("#result[data-status=valid]")
        samples.append(time.perf_counter() - start)
        page.close()
    return samples[1:]


def _time_app(context, url: str, code: str) -> list[float]:
    from tests.e2e.harness import open_app, paste_into, tap, wait_id

    samples = []
    for _ in range(RUNS + 1):
        page = context.new_page()
        page.set_default_timeout(60_000)
        start = time.perf_counter()
        open_app(page, url + "reader")
        paste_into(page, "reader-paste", code)
        tap(page, "reader-read")
        wait_id(page, "reader-status")
        samples.append(time.perf_counter() - start)
        page.close()
    return samples[1:]


def main() -> None:
    from playwright.sync_api import sync_playwright
    from tests.e2e.harness import free_port, infocards_web, launch_chromium, served

    code = _code()
    print(f"reference course, all sections: {code[:4]} text {len(code)} characters, QR version {qr_version(code)}")
    for address in ADDRESSES:
        link = code_to_link(code, address)
        print(f"  as a link with a {len(address)}-character address: {len(link)} characters, "
              f"QR version {qr_version(link)}")
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "laes"
        built = build_site(folder, load_settings().packs, {str(r): k for r, k in REASONS.items()})
        print(f"static reader: {built.files} files, {built.size / 1024:.1f} KiB in all "
              f"({built.cards} card titles, {built.keys} listed keys)")
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Files, directory=work))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        site = f"http://127.0.0.1:{server.server_address[1]}/laes/"
        port = free_port()
        home = Path(work) / "home"
        home.mkdir()
        with served(infocards_web(port, "--reader"), port, home) as app_url, sync_playwright() as playwright:
            context = launch_chromium(playwright, Path(work) / "profile")
            context.set_default_timeout(60_000)
            page_times = _time_page(context, code_to_link(code, site))
            app_times = _time_app(context, str(app_url), code)
            context.close()
        server.shutdown()
    print(f"open the link to status shown, static reader, median of {RUNS}: {_median_ms(page_times)}")
    print(f"open and read the same code, app's reader (Flet web), median of {RUNS}: {_median_ms(app_times)}")
    print(f"ratio app / static reader: {statistics.median(app_times) / statistics.median(page_times):.1f}")


if __name__ == "__main__":
    main()
