"""`infocards reader build`: the static reader as a folder any web host can serve.

The folder holds index.html, the page's CSS and JavaScript (static/, copied as it is) and data/
written from the packs and the catalog: the card titles that diagnoses link to (da and en), the
trust lists with the packs they come from, and the page's words in da and en, taken from the same
catalog as the app and the command line so all three readers print the same words.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from infocards.codes.sections import SECTION_KEYS, SHARED_SECTION_OF
from infocards.content.library import Library
from infocards.content.trust import load_trust
from infocards.errors import UsageError
from infocards.i18n import CATALOG, LANGS
from infocards.regions import REGIONS

__all__ = ["MAX_SITE_BYTES", "STATIC", "SiteBuild", "build_site", "site_strings"]

STATIC = Path(__file__).resolve().parent / "static"
MAX_SITE_BYTES = 400 * 1024
# The catalog's keys the page uses: statuses, reasons, section names, the reader's sentences, the
# signed-entry labels, every vocabulary label, the note reader's lines, the page's own and the journal's.
_PREFIXES = ("share.status.", "share.reason.", "share.view.", "share.section.", "share.empty.", "share.reader.",
             "signed.", "vocab.", "note.reader.", "site.", "journal.", "error.share.", "content.trust.")
_KEYS = ("reader.ui.heading", "reader.ui.fingerprint", "reader.ui.expires", "reader.ui.shown_to", "reader.ui.no_name")
# Only the files the page needs are copied: no tests, no editor files.
_SUFFIXES = {".html", ".css", ".mjs", ".js", ".svg", ".ico"}


@dataclass(frozen=True)
class SiteBuild:
    out: Path
    files: int
    size: int  # bytes in all
    cards: int
    keys: int


def site_strings(reasons: Mapping[str, str] | None = None) -> dict[str, dict[str, str]]:
    """{lang: {key: text}} for the page, from the one catalog; `reasons` maps a refused code's
    reason word (errors.Reason) to its share.reason.* key, as the Python reader does."""
    keys = sorted(k for k in CATALOG if k.startswith(_PREFIXES) or k in _KEYS)
    words = {lang: {key: CATALOG[key].get(lang) or CATALOG[key]["da"] for key in keys} for lang in LANGS}
    return {**words, "reasons": dict(sorted((reasons or {}).items())),
            "regions": {r.id: {lang: r.name(lang) for lang in LANGS} for r in REGIONS.values()},
            "sections": {"keys": list(SECTION_KEYS), "shared_of": dict(SHARED_SECTION_OF)}}


def _cards(library: Library | None) -> dict[str, dict[str, str]]:
    if library is None:
        return {}
    titles: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        for card in library.cards(lang):
            titles.setdefault(card.id, {})[lang] = card.title
    return dict(sorted(titles.items()))


def _trust(pack_paths: Sequence[Path], library: Library | None) -> dict:
    packs = [{"name": p.name, "kind": p.kind, "region": p.region, "publisher": p.publisher}
             for p in (library.packs if library else ())]
    keys = [{"fingerprint": k.fingerprint, "name": k.name, "role": k.role, "place": k.place, "pack": k.pack,
             "list": k.list_json()} for k in load_trust(pack_paths)]
    return {"packs": packs, "keys": keys}


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", "utf-8")


def build_site(out: Path, pack_paths: Sequence[Path], reasons: Mapping[str, str] | None = None) -> SiteBuild:
    """Write the site into `out` (new or empty); refuses a folder that holds anything. `reasons`:
    see site_strings (the command passes the Python reader's own table)."""
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise UsageError("error.reader.out_not_empty", path=str(out))
    library = Library.load(list(pack_paths)) if pack_paths else None
    out.mkdir(parents=True, exist_ok=True)
    for source in sorted(STATIC.rglob("*")):
        if source.is_file() and source.suffix in _SUFFIXES:
            target = out / source.relative_to(STATIC)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    data = out / "data"
    data.mkdir(exist_ok=True)
    cards = _cards(library)
    trust = _trust(pack_paths, library)
    _write_json(data / "strings.json", site_strings(reasons))
    _write_json(data / "cards.json", cards)
    _write_json(data / "trust.json", trust)
    files = [p for p in out.rglob("*") if p.is_file()]
    return SiteBuild(out, len(files), sum(p.stat().st_size for p in files), len(cards), len(trust["keys"]))
