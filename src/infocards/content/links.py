"""Which links a card may show: https, mailto, tel and links to other cards; everything else is blocked."""

from __future__ import annotations

import html
import re

__all__ = [
    "CARD_ID",
    "card_link_target",
    "classify_link",
    "is_local_image",
    "is_remote_image",
    "normalise_url",
]

CARD_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ESCAPED_PUNCTUATION = re.compile(r"\\([!-/:-@\[-`{-~])")
# Browsers drop tabs, newlines and control characters inside a URL ("java\tscript:" runs).
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_TEL = re.compile(r"\+?[0-9]{3,15}")  # digits only (and a leading +): what a call button dials
# Most URLs hold nothing to decode: no entity, escape, blank or angle; they skip the slow path.
_PLAIN_URL = re.compile(r"[A-Za-z0-9:/?#@!$'()*+,;=%._~\[\]-]*")


def normalise_url(url: str) -> str:
    """The URL a renderer would follow: entities and markdown escapes decoded, blanks removed."""
    if _PLAIN_URL.fullmatch(url):
        return url
    text = url.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    text = _ESCAPED_PUNCTUATION.sub(r"\1", html.unescape(text))
    return _IGNORED_IN_URL.sub("", text)


def classify_link(url: str) -> str:
    """'card', 'https', 'mailto' or 'tel' for a link the app may follow, else 'blocked'."""
    target = normalise_url(url)
    scheme = _SCHEME.match(target)
    if scheme is None:
        return "blocked"  # relative links mean nothing inside the app
    name = scheme.group(1).lower()
    rest = target[scheme.end() :]
    if name == "card":
        return "card" if CARD_ID.fullmatch(rest) else "blocked"
    if name == "https":
        host = rest[2:].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0] if rest.startswith("//") else ""
        return "https" if host and "@" not in host else "blocked"
    if name == "mailto":
        return "mailto" if "@" in rest else "blocked"
    if name == "tel":
        return "tel" if _TEL.fullmatch(rest) else "blocked"
    return "blocked"


def card_link_target(url: str) -> str | None:
    """The card id of a `card:<id>` link, else None."""
    if classify_link(url) != "card":
        return None
    return normalise_url(url).split(":", 1)[1]


def is_remote_image(url: str) -> bool:
    """An image fetched from elsewhere (http, https or protocol-relative): it would track the reader."""
    target = normalise_url(url).lower()
    return target.startswith(("http:", "https:", "//", "\\\\"))


def is_local_image(url: str) -> bool:
    """An image given as a path inside the pack: no scheme, not protocol-relative."""
    target = normalise_url(url)
    return bool(target) and _SCHEME.match(target) is None and not target.startswith(("/", "\\"))
