"""Loads packs in order into one set of cards: overlay by id, then the checks that span cards."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from infocards.content.frontmatter import AnchorRefused, load_yaml
from infocards.content.model import LANGS, PACK_FIELDS, PACK_KINDS, Card, Pack
from infocards.content.pack_names import check_pack_names
from infocards.content.parse import ParsedCard, parse_card_file, read_text
from infocards.content.problems import Reporter, brief, suggest, yaml_error_detail, yaml_error_line
from infocards.content.trust import check_trusted_keys, pack_listing, plain_text_problem
from infocards.regions import REGIONS, normalize_region

__all__ = ["Loaded", "card_files", "load_packs", "read_pack"]

_PACK_FILE = "pack.yaml"
_MAX_PACK_BYTES = 64 * 1024
_SKIPPED_NAMES = {"readme.md"}  # a pack may explain itself to editors in a README


@dataclass
class Loaded:
    packs: tuple[Pack, ...]
    cards: dict[tuple[str, str], Card]  # (id, lang) -> the card that wins the overlay
    problems: Reporter
    parsed: list[ParsedCard] = field(default_factory=list)  # every card file, loaded or not

    def left_out(self) -> list[tuple[ParsedCard, Card | None]]:
        """Card files left out for their own errors, each with the card shown instead (an earlier
        pack's card of the same id and language), if any."""
        out = []
        for parsed in self.parsed:
            if parsed.card is None:
                key = (parsed.card_id or "", parsed.lang or "")
                out.append((parsed, self.cards.get(key)))
        return out


def card_files(root: Path, report: Reporter) -> list[Path]:
    """Every markdown card below a pack folder, sorted; symlinked folders are not followed (loops)."""
    found: list[Path] = []

    def unreadable(error: OSError) -> None:
        report.add("file-unreadable", Path(error.filename or root), 1, reason=error.strerror or type(error).__name__)

    for folder, dirnames, filenames in os.walk(root, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.lower().endswith(".md") and not name.startswith(".") and name.lower() not in _SKIPPED_NAMES:
                found.append(Path(folder) / name)
    return found


def read_pack(root: Path, report: Reporter, position: int) -> Pack:
    """The pack's description from pack.yaml; problems reported, sensible defaults used."""
    defaults = {
        "name": root.name,
        "kind": "national" if position == 0 else "municipality",
        "region": "",
        "publisher": "",
        "contact": "",
    }
    path = root / _PACK_FILE
    if not path.exists():
        report.add("pack-yaml-missing", path, 1)
        return Pack(path=root, **defaults)
    text = read_text(path, report, _MAX_PACK_BYTES)
    if text is None:
        return Pack(path=root, **defaults)
    try:
        data = load_yaml(text)
    except AnchorRefused as exc:
        report.add("yaml-anchor", path, 1 + exc.line)
        return Pack(path=root, **defaults)
    except yaml.MarkedYAMLError as exc:
        report.add("pack-yaml-bad", path, yaml_error_line(exc, 1), detail=yaml_error_detail(exc, report.lang))
        return Pack(path=root, **defaults)
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError) as exc:
        report.add("pack-yaml-bad", path, 1, detail=yaml_error_detail(exc, report.lang))
        return Pack(path=root, **defaults)
    if not isinstance(data, dict):
        report.add("pack-yaml-bad", path, 1, detail=f"not a mapping ({type(data).__name__})")
        return Pack(path=root, **defaults)
    lines = {}
    for number, line in enumerate(text.split("\n"), start=1):
        key = line.split(":", 1)[0].strip()
        if ":" in line and not line[:1].isspace() and key not in lines:
            lines[key] = number
    values = dict(defaults)
    trusted: list = []
    for key, value in data.items():
        if key == "trusted_keys":  # professionals' keys the pack vouches for (content/trust.py)
            name = str(data.get("name") or root.name)
            listing = pack_listing(data, position)
            trusted = check_trusted_keys(value, path, text, report, lines.get(key, 1), name, listing)
        elif key not in PACK_FIELDS:
            report.add(
                "pack-field-unknown",
                path,
                lines.get(str(key), 1),
                suggestion=suggest(key, PACK_FIELDS),
                field=brief(key, 60),
                choices=", ".join(PACK_FIELDS),
            )
        elif value is None and key == "region":
            values[key] = ""
        elif not isinstance(value, str):
            report.add("pack-field", path, lines.get(key, 1), field=key, choices=", ".join(PACK_FIELDS))
        else:
            values[key] = value.strip()
    for key in PACK_FIELDS:
        if key not in data:
            report.add("pack-field", path, 1, field=key, choices=", ".join(PACK_FIELDS))
    for key in ("name", "publisher"):  # shown to readers and editors on one line
        why = plain_text_problem(values[key])
        if why is not None:
            report.add("pack-field-text", path, lines.get(key, 1), field=key, char=why)
    try:
        values["region"] = normalize_region(values["region"]) or ""
    except ValueError:
        report.add(
            "pack-region",
            path,
            lines.get("region", 1),
            suggestion=suggest(values["region"].lower(), REGIONS),
            value=values["region"],
            choices=", ".join(REGIONS),
        )
        values["region"] = ""
    if values["kind"] not in PACK_KINDS:
        report.add(
            "pack-kind",
            path,
            lines.get("kind", 1),
            suggestion=suggest(values["kind"], PACK_KINDS),
            value=brief(values["kind"], 40),
        )
        values["kind"] = defaults["kind"]
    return Pack(path=root, **values, trusted=tuple(trusted), name_line=lines.get("name", 1))


def load_packs(pack_paths: Sequence[Path], today: date | None = None, lang: str = "en") -> Loaded:
    """Read every pack in order; a later pack adds cards and replaces one only with overrides: true."""
    report = Reporter(lang)
    today = today or date.today()
    packs: list[Pack] = []
    cards: dict[tuple[str, str], Card] = {}
    parsed_by_key: dict[tuple[str, str], ParsedCard] = {}
    all_parsed: list[ParsedCard] = []
    for position, raw_path in enumerate(pack_paths):
        root = Path(raw_path)
        if not root.is_dir():
            report.add("pack-not-found", root, 1)
            continue
        pack = read_pack(root, report, position)
        packs.append(pack)
        seen_here: dict[tuple[str, str], Path] = {}
        files = card_files(root, report)
        if not files:
            report.add("empty-pack", root / _PACK_FILE, 1)
        for path in files:
            parsed = parse_card_file(path, pack.name, report, today, pack.region or None)
            all_parsed.append(parsed)
            card = parsed.card
            if card is None:
                continue
            key = (card.id, card.lang)
            id_line = parsed.field_lines.get("id", 1)
            if key in seen_here:
                report.add(
                    "duplicate-id", path, id_line, id=card.id, lang=card.lang, first=report.path_text(seen_here[key])
                )
                continue
            seen_here[key] = path
            if key in cards:
                if not card.overrides:
                    report.add(
                        "override-without-flag",
                        path,
                        id_line,
                        id=card.id,
                        first=report.path_text(cards[key].path or root),
                    )
                    continue
            elif card.overrides:
                report.add("override-unused", path, parsed.field_lines.get("overrides", 1), id=card.id)
            cards[key] = card
            parsed_by_key[key] = parsed
    _check_across(cards, parsed_by_key, all_parsed, report)
    check_pack_names(packs, report)
    return Loaded(tuple(packs), cards, report, all_parsed)


def _check_across(cards, parsed_by_key, all_parsed: list[ParsedCard], report: Reporter) -> None:
    """Links and related ids must name loaded cards; every card should exist in both languages."""
    ids = {card_id for card_id, _ in cards}
    # A card left out for its own errors is reported there; links to it are not reported again.
    known = ids | {parsed.card_id for parsed in all_parsed if parsed.card_id}
    for parsed in all_parsed:
        for target, line in parsed.card_links:
            if target not in known:
                report.add("card-link-missing", parsed.path, line, suggestion=suggest(target, ids), id=target)
        related = parsed.card.related if parsed.card is not None else parsed.related
        for index, target in enumerate(related):
            if target and target not in known:
                line = parsed.item_line("related", index)
                report.add("related-missing", parsed.path, line, suggestion=suggest(target, ids), id=target)
    languages: dict[str, set[str]] = {}
    for card_id, card_lang in cards:
        languages.setdefault(card_id, set()).add(card_lang)
    # A file that failed (bad YAML or field errors) is reported there; the card it was meant to be is
    # not also called missing: its id is as written, else the file's name; its language as written,
    # else its folder's (da/ or en/).
    failed = {
        (parsed.card_id or parsed.path.stem, parsed.lang if parsed.lang in LANGS else _folder_lang(parsed.path))
        for parsed in all_parsed
        if parsed.card is None
    }
    for (card_id, card_lang), parsed in parsed_by_key.items():
        if len(languages[card_id]) == 1:
            other = "en" if card_lang == "da" else "da"
            if (card_id, other) in failed or (card_id, None) in failed:
                continue
            report.add("missing-translation", parsed.path, parsed.field_lines.get("id", 1), id=card_id, lang=other)


def _folder_lang(path: Path) -> str | None:
    return next((part for part in reversed(path.parent.parts) if part in LANGS), None)
