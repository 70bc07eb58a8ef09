"""The codes of bench/qr.py as links (docs/FORMAT.md §7): a byte segment for the address, a
numeric segment for the digits. Imported by bench/qr.py, which prints these rows beside the
text forms; the two addresses are 23 and 40 characters long, the lengths issue 16 names."""

from __future__ import annotations

from infocards.codes.link import code_to_link

__all__ = ["READER_URLS", "links_of"]

READER_URLS = ("https://rygkort.dk/laes", "https://laes.regionsyddanmark.dk/rygkort")
assert [len(url) for url in READER_URLS] == [23, 40]


def links_of(code_text: str) -> list[tuple[str, str]]:
    """(row label, link) of `code_text` at each address."""
    return [(f"  as link, {len(url)}-char address (byte+num)", code_to_link(code_text, url)) for url in READER_URLS]
