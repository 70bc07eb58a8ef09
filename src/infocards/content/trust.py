"""Trusted professionals' keys that a pack publishes (`trusted_keys` in pack.yaml), checked and looked up.

A municipality or region lists the clinic keys of its professionals:

    trusted_keys:
      - fingerprint: K7QF-2MXA-9RTB-WZ4C
        name: Mette Hansen
        role: physiotherapist
        place: Middelfart Fysioterapi

A note signed by a listed key is shown as on that pack's list; any other signature is "signed,
key not on a list". The list names who holds a key; it never makes a signature valid (the
reader checks every signature itself).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from infocards import vocab
from infocards.content.frontmatter import load_yaml
from infocards.content.problems import Reporter, suggest

__all__ = [
    "TRUSTED_KEY_FIELDS",
    "TrustList",
    "TrustedKey",
    "check_trusted_keys",
    "load_trust",
    "normalise_fingerprint",
]

TRUSTED_KEY_FIELDS = ("fingerprint", "name", "role", "place")
_FINGERPRINT = re.compile(r"[A-Z2-7]{16}")
_MAX_KEYS = 10_000
_MAX_PACK_BYTES = 1024 * 1024



@dataclass(frozen=True)
class TrustedKey:
    fingerprint: str  # "XXXX-XXXX-XXXX-XXXX"
    name: str
    role: str
    place: str
    pack: str  # the name of the pack whose list holds it


class TrustList:
    """The keys listed by the loaded packs, by fingerprint (first pack to list a key wins)."""

    def __init__(self, keys: Iterable[TrustedKey] = ()) -> None:
        self._keys: dict[str, TrustedKey] = {}
        for key in keys:
            self._keys.setdefault(key.fingerprint, key)

    def lookup(self, fingerprint: str) -> TrustedKey | None:
        canonical = normalise_fingerprint(fingerprint)
        return self._keys.get(canonical) if canonical else None

    def __len__(self) -> int:
        return len(self._keys)

    def __iter__(self) -> Iterator[TrustedKey]:
        return iter(self._keys.values())


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
    value: object, path: Path, text: str, report: Reporter | None, line: int = 1, pack: str = ""
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
            field = item.get(name)
            if not isinstance(field, str) or (name != "place" and not field.strip()):
                add("trusted-key-field", at, field=name)
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
            keys.append(TrustedKey(fingerprint, item["name"].strip(), role, item["place"].strip(), pack))
    return keys


def load_trust(pack_paths: Iterable[Path]) -> TrustList:
    """The trust list of the loaded packs (entries with problems are left out; the checker names them)."""
    keys: list[TrustedKey] = []
    for root in pack_paths:
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
            keys += check_trusted_keys(data["trusted_keys"], path, text, None, pack=name)
    return TrustList(keys)
