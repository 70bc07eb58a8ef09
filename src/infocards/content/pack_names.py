"""Checks across the loaded packs that keep one pack from passing for another: a pack's name and
publisher on one plain line, no two packs by one name, no later pack named like (or declared as)
the national one, and no key listed by two packs under different names.

A reader names a list by the pack's kind, region and publisher (content.trust.list_label), so a
pack's name cannot put words on a reader's screen; these checks tell the editor before a reader
would be confused."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from infocards.content.model import Pack
from infocards.content.problems import Reporter
from infocards.folding import fold_text

__all__ = ["check_pack_names", "name_skeleton"]

_NOT_LETTERS = re.compile(r"[\W_]+")
_MIN_PART = 4  # a part of the national name shorter than this ("DK") is not looked for in others


def name_skeleton(name: str) -> str:
    """A pack name as compared: compatibility forms (fullwidth letters) folded, case and Danish
    letters folded, format characters, spaces and punctuation gone."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    return _NOT_LETTERS.sub("", fold_text(text))


def check_pack_names(packs: Sequence[Pack], report: Reporter) -> None:
    seen: dict[str, Pack] = {}
    national = packs[0] if packs and packs[0].kind == "national" else None
    national_parts = _parts(national.name) if national is not None else set()
    for position, pack in enumerate(packs):
        path = pack.path / "pack.yaml"
        skeleton = name_skeleton(pack.name)
        if skeleton in seen:
            first = seen[skeleton]
            report.add("pack-name-duplicate", path, pack.name_line, name=pack.name, first=report.path_text(first.path))
            continue
        if skeleton:
            seen[skeleton] = pack
        if position == 0:
            continue
        if pack.kind == "national":
            report.add("pack-kind-national-late", path, 1, name=pack.name)
        elif national is not None and any(part in skeleton for part in national_parts):
            report.add("pack-name-national", path, pack.name_line, name=pack.name, national=national.name)
    _check_listed_twice(packs, report)


def _parts(name: str) -> set[str]:
    """The national pack's name and each of its "/"-separated halves ("Nationale kort / National cards")."""
    parts = {name_skeleton(part) for part in (name, *name.split("/"))}
    return {part for part in parts if len(part) >= _MIN_PART}


def _check_listed_twice(packs: Sequence[Pack], report: Reporter) -> None:
    """One fingerprint in two packs' trusted_keys under different names: the reader lists neither."""
    first_listed: dict[str, tuple[Pack, object]] = {}
    for pack in packs:
        for key in pack.trusted:
            earlier = first_listed.setdefault(key.fingerprint, (pack, key))
            if earlier[0] is pack:
                continue
            if " ".join(earlier[1].name.casefold().split()) != " ".join(key.name.casefold().split()):
                report.add(
                    "trusted-key-conflict",
                    pack.path / "pack.yaml",
                    key.line,
                    fingerprint=key.fingerprint,
                    name=key.name,
                    other=earlier[1].name,
                    first=report.path_text(earlier[0].path / "pack.yaml"),
                )

