"""Rendering cards: markdown for the app, and a static, printable HTML deck sanitised by nh3."""

from __future__ import annotations

import hashlib
import html
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from infocards.content.deck_markdown import deck_markdown_to_html
from infocards.content.library import Library
from infocards.content.links import card_link_target, classify_link, normalise_url
from infocards.content.model import CATEGORIES, LANGS, Card
from infocards.content.safe_markdown import destination, markdown_for_app, rewrite_links
from infocards.errors import ContentError, MissingExtra
from infocards.i18n import t
from infocards.i18n.formats import format_date

__all__ = ["DECK_CSS", "build_deck", "card_to_html", "deck_ready", "markdown_for_app", "sanitise_html"]

ALLOWED_TAGS = {
    "a",
    "abbr",
    "article",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "img",
    "li",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "time",
    "tr",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "title"},
    "td": {"align"},
    "th": {"align"},
    "time": {"datetime"},
    "*": {"class", "lang"},
}
URL_SCHEMES = {"https", "mailto", "tel"}
_IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp"}  # no SVG: it can carry script

DECK_CSS = """\
@page { size: A4; margin: 18mm 16mm; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial,
  sans-serif; font-size: 12pt; line-height: 1.55; color: #111; background: #fff; }
body { max-width: 44em; margin: 0 auto; padding: 1.5em 1em; }
h1 { font-size: 1.8em; line-height: 1.2; margin: 0 0 .3em; }
h2 { font-size: 1.35em; margin-top: 1.4em; }
h3 { font-size: 1.15em; }
a { color: #0b4f8a; }
.summary { font-size: 1.1em; font-weight: 600; }
.category { text-transform: uppercase; letter-spacing: .05em; font-size: .85em; color: #444; }
.meta, .sources, .related, .codes { border-top: 1px solid #ccc; margin-top: 1.2em; padding-top: .6em;
  font-size: .95em; }
.url { word-break: break-all; font-size: .9em; color: #333; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: .2em .5em; }
nav { margin-bottom: 1.2em; }
ul.cards li { margin-bottom: .5em; }
@media print {
  nav { display: none; }
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  article.card { break-after: page; page-break-after: always; }
  h1, h2, h3 { break-after: avoid; }
}
"""


def _relative_url(value: str) -> bool:
    """A URL that stays inside the deck's folder. Browsers read "\\" as "/" ("/\\host" is another
    host), so it counts as one; no scheme, no leading slash, no way up out of the deck."""
    target = normalise_url(value).replace("\\", "/")
    if not target or target.startswith("/") or ":" in target.split("/", 1)[0]:
        return False
    depth = 0
    for part in target.split("#", 1)[0].split("?", 1)[0].split("/"):
        depth += -1 if part == ".." else 0 if part in ("", ".") else 1
        if depth < -1:  # a page in <lang>/ may reach ../style.css and ../<other lang>/, no further
            return False
    return True


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Images only from the deck's own folder; links only to allowed schemes or the deck's pages."""
    if tag == "img" and attribute == "src":
        return value if _relative_url(value) else None
    if tag == "a" and attribute == "href":
        if _relative_url(value) or classify_link(value) in ("https", "mailto", "tel"):
            return value
        return None
    return value


def _nh3():
    """nh3, imported only when a deck is built: it has no phone wheel, so it is the `deck` extra."""
    try:
        import nh3
    except ImportError:
        raise MissingExtra("error.missing_extra.deck") from None
    return nh3


def deck_ready() -> bool:
    """Whether the deck's sanitiser (the `deck` extra) is installed, asked before any work is done."""
    try:
        _nh3()
    except MissingExtra:
        return False
    return True


def sanitise_html(fragment: str) -> str:
    """nh3 with an explicit allow-list: the last word on anything written into the deck."""
    return _nh3().clean(
        fragment,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute_filter,
        url_schemes=URL_SCHEMES,
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _page_href(library: Library, card_id: str, lang: str) -> str | None:
    """Where a card's page is, seen from a page in `lang`'s folder."""
    target = library.get(card_id, lang)
    if target is None:
        return None
    return f"{card_id}.html" if target.lang == lang else f"../{target.lang}/{card_id}.html"


def card_to_html(
    card: Card,
    library: Library,
    lang: str,
    image_for: Callable[[Card, str], str | None] | None = None,
) -> str:
    """One card as a sanitised <article>: body, codes, related cards, sources and the reviewed date."""

    def card_link(link) -> str | None:
        target = card_link_target(link.url)
        href = _page_href(library, target, lang) if target else None
        if href is None:
            return None if target else f"[{link.text}]({destination(link.url)})"
        return f"[{link.text}]({href})"

    def image(link) -> str | None:
        src = image_for(card, normalise_url(link.url)) if image_for else None
        return f"![{link.text}]({src})" if src else None

    text = markdown_for_app(card.body)
    text = rewrite_links(text, card_link, images=False)
    text = rewrite_links(text, image, images=True)
    body = deck_markdown_to_html(text)
    parts = [
        f'<article class="card" id="card-{_esc(card.id)}" lang="{_esc(card.lang)}">',
        f'<header><p class="category">{_esc(t(f"category.{card.category}", lang))}</p>',
        f"<h1>{_esc(card.title)}</h1>",
        f'<p class="summary">{_esc(card.summary)}</p></header>',
        f'<section class="body">{body}</section>',
    ]
    if card.codes:
        parts.append(f'<section class="codes"><h2>{_esc(t("content.deck.codes", lang))}</h2><p>')
        parts.append(", ".join(f"<code>{_esc(code)}</code>" for code in card.codes) + "</p></section>")
    related = [(library.get(i, lang), _page_href(library, i, lang)) for i in card.related]
    related = [(other, href) for other, href in related if other is not None and href]
    if related:
        parts.append(f'<section class="related"><h2>{_esc(t("content.deck.related", lang))}</h2><ul>')
        parts.extend(f'<li><a href="{_esc(href)}">{_esc(other.title)}</a></li>' for other, href in related)
        parts.append("</ul></section>")
    parts.append(f'<section class="sources"><h2>{_esc(t("content.deck.sources", lang))}</h2><ul>')
    for source in card.sources:
        parts.append(
            f'<li><a href="{_esc(source.url)}">{_esc(source.title)}</a><br>'
            f'<span class="url">{_esc(source.url)}</span></li>'
        )
    parts.append('</ul></section><footer class="meta">')
    dates = [
        ("content.deck.reviewed", card.reviewed),
        ("content.deck.applies_from", card.applies_from),
        ("content.deck.review_by", card.review_by),
    ]
    for key, value in dates:
        if value is not None:
            parts.append(
                f'<p class="{key.rsplit(".", 1)[1]}">{_esc(t(key, lang))}: '
                f'<time datetime="{value.isoformat()}">{_esc(format_date(value, lang))}</time></p>'
            )
    if card.region:
        parts.append(f'<p class="region">{_esc(t("content.deck.region", lang))}: {_esc(card.region)}</p>')
    parts.append(f'<p class="pack">{_esc(t("content.deck.pack", lang))}: {_esc(card.pack)}</p>')
    parts.append("</footer></article>")
    return sanitise_html("".join(parts))


def _page(title: str, lang: str, css_href: str, content: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{_esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}</title>\n"
        f'<link rel="stylesheet" href="{_esc(css_href)}">\n</head>\n<body>\n{content}\n</body>\n</html>\n'
    )


class _ImageCopier:
    """Copies a card's local images into the deck, refusing anything outside the loaded packs."""

    def __init__(self, library: Library, folder: Path, written: list[Path]) -> None:
        self.roots = [pack.path.resolve() for pack in library.packs]
        self.folder = folder
        self.written = written

    def __call__(self, card: Card, url: str) -> str | None:
        if card.path is None:
            return None
        try:
            source = (card.path.parent / url.split("#", 1)[0].split("?", 1)[0]).resolve()
            inside = any(source.is_relative_to(root) for root in self.roots)
            if not inside or source.suffix.lower() not in _IMAGE_SUFFIXES or not source.is_file():
                return None
            digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
            target = self.folder / "images" / f"{digest}{source.suffix.lower()}"
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
                self.written.append(target)
        except (OSError, ValueError):
            return None  # an unreadable image is left out of the deck, as the checker warns
        return f"images/{target.name}"


def _langs(lang: str | Sequence[str]) -> list[str]:
    if isinstance(lang, str):
        return list(LANGS) if lang == "all" else [lang]
    return [code for code in LANGS if code in lang]


def build_deck(
    library_or_packs: Library | Sequence[Path], out_dir: Path, lang: str | Sequence[str] = "all"
) -> list[Path]:
    """Write the deck (index.html, style.css, <lang>/index.html, all.html and a page per card)."""
    library = library_or_packs if isinstance(library_or_packs, Library) else Library.load(library_or_packs)
    out_dir = Path(out_dir)
    written: list[Path] = []
    langs = _langs(lang)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        _write(out_dir / "style.css", DECK_CSS, written)
        top = [f"<h1>{_esc(t('content.deck.title', langs[0] if len(langs) == 1 else 'da'))}</h1>", "<ul>"]
        for code in langs:
            top.append(
                f'<li lang="{code}"><a href="{code}/index.html">{_esc(t("content.deck.title", code))}</a>'
                f" ({_esc(t(f'content.deck.language.{code}', code))})</li>"
            )
        top.append("</ul>")
        _write(
            out_dir / "index.html",
            _page(t("content.deck.title", langs[0]), langs[0], "style.css", sanitise_html("".join(top))),
            written,
        )
        for code in langs:
            _write_language(library, out_dir / code, code, written)
    except OSError as exc:
        raise ContentError(
            key="error.content.build_failed", out=str(out_dir), detail=exc.strerror or type(exc).__name__
        ) from None
    return written


def _write(path: Path, text: str, written: list[Path]) -> None:
    path.write_text(text, encoding="utf-8")
    written.append(path)


def _write_language(library: Library, folder: Path, lang: str, written: list[Path]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    copier = _ImageCopier(library, folder, written)
    cards = library.cards(lang)
    back = f'<nav><a href="index.html">{_esc(t("content.deck.back", lang))}</a></nav>'
    articles = []
    for card in cards:
        article = card_to_html(card, library, lang, copier)
        articles.append(article)
        _write(folder / f"{card.id}.html", _page(card.title, lang, "../style.css", back + article), written)
    index = [
        f'<nav><a href="../index.html">{_esc(t("content.deck.title", lang))}</a></nav>',
        f"<h1>{_esc(t('content.deck.index', lang))}</h1>",
        f'<p><a href="all.html">{_esc(t("content.deck.print_all", lang))}</a></p>',
    ]
    for category in CATEGORIES:
        in_category = [card for card in cards if card.category == category]
        if not in_category:
            continue
        index.append(f'<h2>{_esc(t(f"category.{category}", lang))}</h2><ul class="cards">')
        index.extend(
            f'<li><a href="{_esc(card.id)}.html">{_esc(card.title)}</a><br>{_esc(card.summary)}</li>'
            for card in in_category
        )
        index.append("</ul>")
    _write(
        folder / "index.html",
        _page(t("content.deck.index", lang), lang, "../style.css", sanitise_html("".join(index))),
        written,
    )
    _write(
        folder / "all.html",
        _page(t("content.deck.title", lang), lang, "../style.css", back + "".join(articles)),
        written,
    )
