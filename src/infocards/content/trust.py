"""Trusted professionals' keys that a pack publishes (`trusted_keys` in pack.yaml), checked and looked up.

A municipality or region lists the clinic keys of its professionals:

    trusted_keys:
      - fingerprint: K7QF-2MXA-9RTB-WZ4C
        name: Mette Hansen
        role: physiotherapist
        place: Middelfart Fysioterapi

A note signed by a listed key is shown as on that pack's list; any other signature is "signed,
key not on a list". The list names who holds a key; it never makes a signature valid (the
reader checks every signature itself). A list is named by its pack's kind, region and publisher
(`list_label`), never by the pack's free-text name, and only the first pack of the deployment
can be the national one: a municipal pack cannot call its list national by naming itself so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from infocards import vocab
from infocards.content.frontmatter import load_yaml
from infocards.content.hidden import hidden_characters
from infocards.content.problems import Reporter, suggest
from infocards.i18n import t
from infocards.regions import REGIONS, normalize_region

__all__ = [
    "TRUSTED_KEY_FIELDS",
    "TrustList",
    "TrustedKey",
    "check_trusted_keys",
    "list_label",
    "load_trust",
    "normalise_fingerprint",
    "pack_listing",
    "plain_text_problem",
]

TRUSTED_KEY_FIELDS = ("fingerprint", "name", "role", "place")
_FINGERPRINT = re.compile(r"[A-Z2-7]{16}")
_MAX_KEYS = 10_000
_MAX_PACK_BYTES = 1024 * 1024
MAX_LISTED_TEXT = 100  # characters of a listed name, place or a pack's publisher
_SEPARATOR = "\u00b7"  # the screens' "·" between a signer's name and the list




@dataclass(frozen=True)
class TrustedKey:
    fingerprint: str  # "XXXX-XXXX-XXXX-XXXX"
    name: str
    role: str
    place: str
    pack: str  # the name of the pack whose list holds it (for messages to editors, never shown as the list)
    kind: str = "municipality"  # what names the list to a reader: the pack's kind, region and publisher
    region: str = ""
    publisher: str = ""
    line: int = field(default=0, compare=False)  # the item's line in pack.yaml, for the checker

    def list_json(self) -> dict[str, str]:
        """The list as `read --json` gives it: kind, region id and publisher, no free-text name."""
        return {"kind": self.kind, "region": self.region, "publisher": self.publisher}


def list_label(listing: Mapping[str, str] | TrustedKey, lang: str) -> str:
    """ "den nationale pakke, udgivet af infocards" / "a municipal pack in Region of Southern Denmark,
    published by Middelfart Kommune": the words after "key on the list of"."""
    data = listing.list_json() if isinstance(listing, TrustedKey) else listing
    region = REGIONS.get(str(data.get("region") or ""))
    if data.get("kind") == "national":
        label = t("content.trust.national", lang)
    elif region is not None:
        label = t("content.trust.municipality_in", lang, region=region.name(lang))
    else:
        label = t("content.trust.municipality", lang)
    publisher = str(data.get("publisher") or "")
    if publisher and plain_text_problem(publisher) is None:
        label = t("content.trust.published_by", lang, list=label, publisher=publisher)
    return label


def plain_text_problem(text: str) -> str | None:
    """Why a listed name, place or publisher cannot be shown on one line as it is, or None: a line
    break, a control or format character (bidi, zero-width), the screens' separator, or length."""
    for _, char in hidden_characters(text):
        return f"U+{ord(char):04X}"
    if "\n" in text or "\t" in text:
        return "U+000A" if "\n" in text else "U+0009"
    if _SEPARATOR in text:
        return _SEPARATOR
    if len(text) > MAX_LISTED_TEXT:
        return f"> {MAX_LISTED_TEXT}"
    return None


class TrustList:
    """The keys listed by the loaded packs, by fingerprint. A key two packs list under different
    names is listed by neither: the reader cannot know which name is true (the checker says so)."""

    def __init__(self, keys: Iterable[TrustedKey] = ()) -> None:
        self._keys: dict[str, TrustedKey] = {}
        conflicting: set[str] = set()
        for key in keys:
            first = self._keys.setdefault(key.fingerprint, key)
            if _same_holder(first, key) is False:
                conflicting.add(key.fingerprint)
        for fingerprint in conflicting:
            del self._keys[fingerprint]

    def lookup(self, fingerprint: str) -> TrustedKey | None:
        canonical = normalise_fingerprint(fingerprint)
        return self._keys.get(canonical) if canonical else None

    def __len__(self) -> int:
        return len(self._keys)

    def __iter__(self) -> Iterator[TrustedKey]:
        return iter(self._keys.values())


def _same_holder(first: TrustedKey, other: TrustedKey) -> bool:
    return " ".join(first.name.casefold().split()) == " ".join(other.name.casefold().split())


def normalise_fingerprint(value: object) -> str | None:
    """ "k7qf 2mxa-9rtb-wz4c" -> "K7QF-2MXA-9RTB-WZ4C"; None if it is not an 80-bit fingerprint."""
    if not isinstance(value, str):
        return None
    compact = re.sub(r"[\s-]", "", value).upper()
    if not _FINGERPRINT.fullmatch(compact):
        return None
    return "-".join(compact[i : i + 4] for i in range(0, 16, 4))


def _item_lines(text: str) -> list[int]:
    """The 1-based line of each item of trusted_keys (composed nodes: aliases are not expanded)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if getattr(key, "value", None) == "trusted_keys" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def check_trusted_keys(
    value: object,
    path: Path,
    text: str,
    report: Reporter | None,
    line: int = 1,
    pack: str = "",
    listing: Mapping[str, str] | None = None,
) -> list[TrustedKey]:
    """The valid entries of a pack's trusted_keys; every problem reported with its line."""

    def add(code: str, at: int, **params: object) -> None:
        if report is not None:
            report.add(code, path, at, **params)

    if not isinstance(value, list):
        add("trusted-keys-not-list", line)
        return []
    lines = _item_lines(text)
    keys: list[TrustedKey] = []
    first_seen: dict[str, int] = {}
    for position, item in enumerate(value[:_MAX_KEYS]):
        at = lines[position] if position < len(lines) else line
        if not isinstance(item, Mapping):
            add("trusted-key-not-mapping", at)
            continue
        good = True
        for name in item:
            if name not in TRUSTED_KEY_FIELDS:
                add("trusted-key-unknown-field", at, field=str(name)[:40], choices=", ".join(TRUSTED_KEY_FIELDS))
                good = False
        for name in TRUSTED_KEY_FIELDS:
            value = item.get(name)
            if not isinstance(value, str) or (name != "place" and not value.strip()):
                add("trusted-key-field", at, field=name)
                good = False
            elif name in ("name", "place") and (why := plain_text_problem(value.strip())) is not None:
                add("trusted-key-text", at, field=name, char=why)
                good = False
        fingerprint = normalise_fingerprint(item.get("fingerprint"))
        if isinstance(item.get("fingerprint"), str) and fingerprint is None:
            add("trusted-key-fingerprint", at, value=str(item["fingerprint"])[:40])
            good = False
        role = item.get("role")
        if isinstance(role, str) and role.strip() and role not in vocab.ROLES:
            add("trusted-key-role", at, suggestion=suggest(role, vocab.ROLES), value=role[:40],
                choices=", ".join(vocab.ROLES))
            good = False
        if fingerprint in first_seen:
            add("trusted-key-duplicate", at, fingerprint=fingerprint, first=first_seen[fingerprint])
            good = False
        elif fingerprint:
            first_seen[fingerprint] = at
        if good and fingerprint:
            name, place = item["name"].strip(), item["place"].strip()
            keys.append(TrustedKey(fingerprint, name, role, place, pack, **(listing or {}), line=at))
    return keys


def pack_listing(data: Mapping, position: int) -> dict[str, str]:
    """kind, region and publisher of a pack's list, as a reader is told them. Only the first pack
    loaded can be national; a publisher that cannot be shown on one line is left out."""
    kind = "national" if data.get("kind") == "national" and position == 0 else "municipality"
    try:
        region = normalize_region(data.get("region") if isinstance(data.get("region"), str) else "") or ""
    except ValueError:
        region = ""
    publisher = data.get("publisher")
    publisher = publisher.strip() if isinstance(publisher, str) else ""
    if plain_text_problem(publisher) is not None:
        publisher = ""
    return {"kind": kind, "region": region, "publisher": publisher}


def load_trust(pack_paths: Iterable[Path]) -> TrustList:
    """The trust list of the loaded packs (entries with problems are left out; the checker names them)."""
    keys: list[TrustedKey] = []
    for position, root in enumerate(pack_paths):
        path = Path(root) / "pack.yaml"
        try:
            with path.open("rb") as handle:
                raw = handle.read(_MAX_PACK_BYTES + 1)
            if len(raw) > _MAX_PACK_BYTES:
                continue
            text = raw.decode("utf-8")
            data = load_yaml(text)
        except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError, ValueError, OverflowError):
            continue
        if isinstance(data, Mapping) and "trusted_keys" in data:
            name = data.get("name") if isinstance(data.get("name"), str) else Path(root).name
            listing = pack_listing(data, position)
            keys += check_trusted_keys(data["trusted_keys"], path, text, None, pack=name, listing=listing)
    return TrustList(keys)
