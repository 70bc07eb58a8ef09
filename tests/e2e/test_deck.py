"""The printable deck of the national pack, rendered in Chromium (screen and print media)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from infocards.config import load_settings
from infocards.content.library import Library

# Only what the checker lets through with warnings at most (a card with errors is left out of the
# deck): code the renderer might read differently, and URLs with backslashes or a way up.
_HOSTILE_BODY = """Hostile card: everything below tries to make the deck fetch or link elsewhere.

~~~
<img src="/\\beacon.example/tilde.png"> <a href="/\\phish.example/">log in</a>
~~~

```
<img src="https://beacon.example/backtick.png">
```

\\`<img src="//beacon.example/escaped-tick.png">`

![a](/\\beacon.example/a.png) ![e](../../../../beacon.png) ![g](.././../beacon.png)

[phish](/\\phish.example/login) [phish2](\\\\phish.example) [ok](https://www.sundhed.dk/)

<img src="/\\beacon.example/raw.png"> <a href="/\\phish.example/raw">raw</a>
<!-- <img src="https://beacon.example/comment.png"> -->

![local](pixel.png) [Ring 112](tel:112)

~~~~
unclosed fence <img src="https://beacon.example/unclosed.png">
"""


def test_a_deck_page_renders_with_its_sources_and_reviewed_date(tmp_path, browser_page, screenshot):
    packs = load_settings().packs
    deck = tmp_path / "deck"
    subprocess.run([sys.executable, "-m", "infocards", "content", "build", *map(str, packs), "--out", str(deck)],
                   check=True, capture_output=True)
    card = Library.load(packs).get("disc-herniation", "da")
    page = browser_page
    page.set_viewport_size({"width": 800, "height": 1100})
    page.goto((deck / "da" / "disc-herniation.html").as_uri())
    assert page.locator("h1").inner_text().strip() == card.title
    text = page.locator("body").inner_text()
    for source in card.sources:
        assert source.title in text and source.url in text
    assert "2026" in text and "Kilder" in text
    screenshot(page, "deck-card")
    assert page.locator("nav").first.is_visible()
    page.emulate_media(media="print")
    # Printed: no navigation, and each card on a page of its own.
    assert not page.locator("nav").first.is_visible()
    assert page.evaluate("getComputedStyle(document.querySelector('article.card')).breakAfter") == "page"
    screenshot(page, "deck-card-print")


def _hostile_pack(root: Path) -> Path:
    pack = root / "hostile"
    (pack / "da").mkdir(parents=True)
    (pack / "pack.yaml").write_text(
        'name: hostile\nkind: national\nregion: ""\npublisher: tests\ncontact: https://example.org\n',
        encoding="utf-8",
    )
    front = (
        "---\nid: hostile\ntitle: Fjendtligt kort\ncategory: diagnosis\nlang: da\nsummary: Prøver alt.\n"
        "sources:\n  - title: Sundhedsstyrelsen\n    url: https://www.sst.dk/\nreviewed: 2026-06-01\n---\n"
    )
    (pack / "da" / "hostile.md").write_text(front + _HOSTILE_BODY, encoding="utf-8")
    shutil.copyfile(Path(__file__).resolve().parents[2] / "assets" / "icon.png", pack / "da" / "pixel.png")
    return pack


def test_a_deck_of_hostile_cards_requests_nothing_outside_its_folder(tmp_path, browser_page):
    deck = tmp_path / "deck"
    pack = _hostile_pack(tmp_path)
    check = subprocess.run([sys.executable, "-m", "infocards", "content", "check", str(pack), "--json"],
                           capture_output=True, text=True, timeout=120)
    assert '"errors": 0' in check.stdout, check.stdout  # warnings only: the card is in the deck
    subprocess.run([sys.executable, "-m", "infocards", "content", "build", str(pack), "--out", str(deck)],
                   capture_output=True, timeout=120, check=True)
    folder = deck.resolve().as_uri() + "/"
    requests: list[str] = []
    page = browser_page
    page.on("request", lambda request: requests.append(request.url))
    for name in ("da/hostile.html", "da/all.html", "da/index.html", "index.html"):
        page.goto((deck / name).as_uri(), wait_until="load")
        page.wait_for_load_state("networkidle")
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        for href in hrefs:  # every link stays in the deck, or is https, mailto or tel
            assert href.startswith((folder, "https://www.sundhed.dk/", "https://www.sst.dk/", "tel:")), href
        assert "beacon" not in page.content().split("<body", 1)[1].replace("beacon.example/", "")
    assert requests, "the pages were loaded"
    outside = [url for url in requests if not url.startswith(folder)]
    assert outside == []
    assert any(url.startswith(folder + "da/images/") for url in requests)  # the local image is shown
