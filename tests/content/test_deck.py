"""The printable HTML deck: an index per language, a page per card, sanitised, offline."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from infocards.content import Library
from infocards.content.render import build_deck, card_to_html

HOSTILE_BODY = """\
Tekst <script>alert('s')</script> og <img src=x onerror="alert('i')">.

<svg onload="alert('v')"><circle/></svg>
<a href="javascript:alert('a')" onclick="alert('c')">klik</a>
[link](javascript:alert('l')) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:x)
![pixel](https://tracker.example/p.png) ![pixel2](http://tracker.example/p.png)
<iframe src="https://evil.example/"></iframe><style>body{display:none}</style>
<object data="x.swf"></object><form action="https://evil.example/"><input name=x></form>
[ok](https://www.sst.dk/) [kort](card:gp)
"""


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict]]:
    parser = _Collect()
    parser.feed(html)
    return parser.tags


@pytest.fixture
def hostile_library(content_packs):
    """A library holding a hostile card. The loader would leave it out (it has errors), so the card is
    put in directly: the deck must be safe even for a card that never passed the checker."""
    clean = Library.load([content_packs / "clean"])
    gp = clean.get("gp", "da")
    hostile = replace(
        gp,
        id="hostile",
        category="diagnosis",
        role=None,
        title="<script>alert('t')</script>Fjendtlig",
        body=HOSTILE_BODY,
    )
    return Library(clean.packs, {("hostile", "da"): hostile, ("gp", "da"): gp})


def test_a_hostile_card_leaves_nothing_unsafe_in_the_deck(hostile_library, tmp_path):
    written = build_deck(hostile_library, tmp_path / "deck")
    pages = [path for path in written if path.suffix == ".html"]
    assert tmp_path / "deck" / "da" / "hostile.html" in pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        lowered = html.lower()
        for tag, attrs in _tags(html):
            assert tag not in {"script", "iframe", "svg", "object", "embed", "style", "form", "input"}, page
            assert not any(name.startswith("on") for name in attrs), (page, tag, attrs)
            for name in ("href", "src", "action"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:", "http:")), (page, value)
                if tag == "img":
                    assert "://" not in value and not value.startswith("//"), (page, value)
        assert "tracker.example" not in lowered
        assert "alert(" not in lowered or "&lt;script&gt;alert" in lowered  # only as escaped title text


def test_the_hostile_card_keeps_its_safe_content(hostile_library, tmp_path):
    build_deck(hostile_library, tmp_path / "deck", "da")
    html = (tmp_path / "deck" / "da" / "hostile.html").read_text(encoding="utf-8")
    assert '<a href="https://www.sst.dk/" rel="noopener noreferrer">ok</a>' in html
    assert '<a href="gp.html" rel="noopener noreferrer">kort</a>' in html
    assert "&lt;script&gt;alert('t')&lt;/script&gt;Fjendtlig" in html  # the title is text, escaped


def test_every_card_page_has_its_sources_and_reviewed_date(content_packs, tmp_path):
    library = Library.load([content_packs / "clean"])
    build_deck(library, tmp_path / "deck")
    for lang in ("da", "en"):
        for card in library.cards(lang):
            html = (tmp_path / "deck" / lang / f"{card.id}.html").read_text(encoding="utf-8")
            for source in card.sources:
                assert f'<a href="{source.url}" rel="noopener noreferrer">{source.title}</a>' in html
                assert f'<span class="url">{source.url}</span>' in html
            label = "Gennemgået" if lang == "da" else "Reviewed"
            reviewed = card.reviewed.isoformat()
            assert re.search(f'{label}: <time datetime="{reviewed}">[^<]+ 2026</time>', html), html
            assert f'lang="{lang}"' in html


def test_the_deck_shows_dates_as_people_write_them_in_its_language(content_packs, tmp_path):
    build_deck([content_packs / "clean"], tmp_path / "deck")
    danish = (tmp_path / "deck" / "da" / "sick-pay.html").read_text(encoding="utf-8")
    assert 'Gennemgået: <time datetime="2026-06-01">1. juni 2026</time>' in danish
    assert 'Gælder fra: <time datetime="2026-07-01">1. juli 2026</time>' in danish
    assert 'Gennemgås igen senest: <time datetime="2027-06-01">1. juni 2027</time>' in danish
    english = (tmp_path / "deck" / "en" / "sick-pay.html").read_text(encoding="utf-8")
    assert 'Reviewed: <time datetime="2026-06-01">1 June 2026</time>' in english


def test_codes_related_cards_and_card_links_point_to_pages(content_packs, tmp_path):
    build_deck([content_packs / "clean"], tmp_path / "deck")
    html = (tmp_path / "deck" / "da" / "disc-herniation.html").read_text(encoding="utf-8")
    assert "<h2>Koder</h2><p><code>ICPC-2:L86</code>, <code>ICD-10:M51.1</code></p>" in html
    assert "<h2>Relaterede kort</h2>" in html
    assert '<a href="sick-pay.html" rel="noopener noreferrer">Sygedagpenge</a>' in html
    assert '<a href="gp.html" rel="noopener noreferrer">din læge</a>' in html
    assert "card:" not in html
    english = (tmp_path / "deck" / "en" / "disc-herniation.html").read_text(encoding="utf-8")
    assert "<h2>Related cards</h2>" in english and "<h2>Codes</h2>" in english and "<h2>Sources</h2>" in english


def test_index_pages_link_both_languages_and_every_card_by_category(content_packs, tmp_path):
    build_deck([content_packs / "clean"], tmp_path / "deck")
    top = (tmp_path / "deck" / "index.html").read_text(encoding="utf-8")
    assert 'href="da/index.html"' in top and 'href="en/index.html"' in top
    danish = (tmp_path / "deck" / "da" / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h2>(.*?)</h2>", danish)
    assert headings == ["Diagnoser", "Lovgivning", "Roller (Fagpersoner)", "Forløb"]
    for card_id in ("disc-herniation", "sick-pay", "gp", "pathway-overview"):
        assert f'href="{card_id}.html"' in danish
    english = (tmp_path / "deck" / "en" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"<h2>(.*?)</h2>", english) == ["Diagnoses", "Legislation", "Roles (Professionals)", "Pathway"]


def test_print_css_is_local_a4_and_puts_each_card_on_its_own_page(content_packs, tmp_path):
    written = build_deck([content_packs / "clean"], tmp_path / "deck")
    css = (tmp_path / "deck" / "style.css").read_text(encoding="utf-8")
    assert "size: A4" in css and "break-after: page" in css
    assert "@import" not in css and "url(" not in css  # no fonts or files from elsewhere
    all_cards = (tmp_path / "deck" / "da" / "all.html").read_text(encoding="utf-8")
    assert all_cards.count('<article class="card"') == 4
    for page in (p for p in written if p.suffix == ".html"):
        for tag, attrs in _tags(page.read_text(encoding="utf-8")):
            if tag in {"link", "script", "img"}:
                target = attrs.get("href") or attrs.get("src") or ""
                assert "://" not in target and not target.startswith("//"), (page, tag, target)


def test_local_images_are_copied_into_the_deck(content_packs, tmp_path):
    build_deck([content_packs / "broken"], tmp_path / "deck", "da")
    html = (tmp_path / "deck" / "da" / "local-image.html").read_text(encoding="utf-8")
    (src,) = re.findall(r'<img [^>]*src="([^"]+)"', html)
    assert src.startswith("images/") and src.endswith(".png")
    copied = tmp_path / "deck" / "da" / src
    assert copied.read_bytes() == (content_packs / "broken" / "cards" / "images" / "spine.png").read_bytes()


def test_card_to_html_is_a_sanitised_article(content_packs):
    library = Library.load([content_packs / "clean"])
    html = card_to_html(library.get("gp", "en"), library, "en")
    assert html.startswith('<article class="card"') and html.endswith("</article>")
    assert "<h1>General practitioner</h1>" in html
    assert "Roles (Professionals)" in html


def test_the_sanitiser_alone_stops_what_the_markdown_pass_might_miss():
    from infocards.content.render import sanitise_html

    raw = (
        '<script>alert(1)</script><img src="https://t.example/p.png" onerror="alert(2)">'
        '<img src="data:image/png;base64,AAAA"><a href="javascript:alert(3)">a</a>'
        '<a href="data:text/html,x">b</a><p style="position:fixed" onclick="alert(4)">c</p>'
        '<img src="images/ok.png" alt="ok"><a href="page.html">d</a>'
    )
    assert sanitise_html(raw) == (
        '<img><img><a rel="noopener noreferrer">a</a><a rel="noopener noreferrer">b</a><p>c</p>'
        '<img src="images/ok.png" alt="ok"><a href="page.html" rel="noopener noreferrer">d</a>'
    )


@pytest.mark.parametrize(
    "url",
    ["/\\beacon.example/x.png", "\\\\beacon.example/x.png", "//beacon.example/x.png", "/x.png",
     "../../x.png", "a/../../../x.png", "javascript:x", "https://beacon.example/x.png"],
)
def test_the_sanitiser_counts_a_backslash_as_a_slash_and_stays_in_the_deck(url):
    from infocards.content.render import sanitise_html

    out = sanitise_html(f'<img src="{url}" alt="a"><a href="{url}">a</a>')
    sources = [attrs.get("src") for tag, attrs in _tags(out) if tag == "img"]
    links = [attrs.get("href") for tag, attrs in _tags(out) if tag == "a"]
    assert sources == [None]
    assert links in ([None], ["https://beacon.example/x.png"])


def test_a_tilde_fence_is_code_in_the_deck_as_the_checker_says(hostile_library, content_packs):
    gp = hostile_library.get("gp", "da")
    body = (
        "~~~\n<img src=\"x.png\"> <b>fed</b>\n~~~\n\n\\`<img src=\"y.png\">`\n\n"
        "```\n[a](https://a.dk/)\n```\n\nText `<i>kode</i>` og [link](https://www.sst.dk/).\n"
    )
    library = Library(hostile_library.packs, {("gp", "da"): replace(gp, body=body)})
    html = card_to_html(library.get("gp", "da"), library, "da")
    tags = [tag for tag, _ in _tags(html)]
    assert "img" not in tags and "b" not in tags and "i" not in tags
    assert "&lt;img src=&quot;x.png&quot;&gt;" in html or '&lt;img src="x.png"&gt;' in html
    assert "<pre><code>[a](https://a.dk/)</code></pre>" in html
    assert '<a href="https://www.sst.dk/"' in html and "<code>&lt;i&gt;kode&lt;/i&gt;</code>" in html
