"""`infocards content check` (every problem in the card packs) and `infocards content build` (the deck)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from infocards.i18n import cli_language, t
from infocards.terminal import clean_line

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    lang = cli_language()
    content = subparsers.add_parser(
        "content", help=t("cli.content.help", lang), description=t("cli.content.help", lang)
    )
    actions = content.add_subparsers(dest="content_command", required=True, parser_class=type(content))

    check = actions.add_parser(
        "check", help=t("cli.content.check.help", lang), description=t("cli.content.check.help", lang)
    )
    check.add_argument("packs", nargs="*", metavar="PACK", help=t("cli.content.check.packs", lang))
    check.add_argument("--strict", action="store_true", help=t("cli.content.check.strict", lang))
    check.add_argument("--json", action="store_true", help=t("cli.content.check.json", lang))
    check.add_argument("--as-of", metavar="YYYY-MM-DD", help=t("cli.content.as_of", lang))
    check.set_defaults(handler=run_check)

    build = actions.add_parser(
        "build", help=t("cli.content.build.help", lang), description=t("cli.content.build.help", lang)
    )
    build.add_argument("packs", nargs="+", metavar="PACK", help=t("cli.content.build.packs", lang))
    build.add_argument("--out", required=True, type=Path, help=t("cli.content.build.out", lang))
    build.add_argument("--lang", choices=("da", "en", "all"), default="all", help=t("cli.content.build.lang", lang))
    build.add_argument("--region", metavar="REGION", help=t("cli.content.build.region", lang))
    build.add_argument("--as-of", metavar="YYYY-MM-DD", help=t("cli.content.as_of", lang))
    build.set_defaults(handler=run_build)


def _pack_paths(names: list[str]) -> list[Path]:
    if names:
        return [Path(name) for name in names]
    from infocards.config import load_settings

    return list(load_settings().packs)


def _as_of(value: str | None, lang: str) -> date | None:
    """The `--as-of` day; raises _BadDate (after saying why) for anything but YYYY-MM-DD."""
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        sys.stderr.write(t("cli.content.bad_as_of", lang, value=clean_line(value)[:40]) + "\n")
        raise _BadDate from None


def _pip() -> str:
    """The pip of the Python running this command, as the editor would type it (".venv/bin/pip")."""
    import os

    from infocards.content.problems import display_path

    pip = Path(sys.executable).with_name("pip")
    return clean_line(display_path(pip, os.getcwd())) if pip.exists() else "pip"


class _BadDate(Exception):
    """`--as-of` was not a date; the message is already written."""


def run_check(args: argparse.Namespace) -> int:
    from infocards.content.check import check_and_count, count_by_severity

    lang = cli_language()
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")  # a card's text must not crash a non-UTF-8 terminal
    try:
        as_of = _as_of(args.as_of, lang)
    except _BadDate:
        return 2
    problems, cards = check_and_count(_pack_paths(args.packs), today=as_of, lang=lang)
    errors, warnings = count_by_severity(problems)
    if args.json:
        report = {
            "problems": [p.to_dict() for p in problems],
            "errors": errors,
            "warnings": warnings,
            "cards": cards,
        }
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        for problem in problems:
            sys.stdout.write(clean_line(problem.format(lang)) + "\n")  # card text cannot move the cursor
        if problems:
            summary = t("cli.content.check.summary", lang, errors=errors, warnings=warnings, cards=cards)
        else:
            summary = t("cli.content.check.clean", lang, cards=cards)
        sys.stdout.write(summary + "\n")
    failed = errors > 0 or (args.strict and warnings > 0)
    return 1 if failed else 0


def run_build(args: argparse.Namespace) -> int:
    """Build the deck, and say what it left out: errors are printed as check prints them, exit 1."""
    from infocards.content.check import count_by_severity
    from infocards.content.library import Library
    from infocards.content.loader import load_packs
    from infocards.content.region_blocks import ALL_REGIONS
    from infocards.content.render import build_deck, deck_ready
    from infocards.errors import ContentError
    from infocards.regions import REGIONS, normalize_region

    lang = cli_language()
    if hasattr(sys.stderr, "reconfigure"):
        sys.stderr.reconfigure(errors="backslashreplace")
    if not deck_ready():  # said first, before a page is written: the README's plain install lacks it
        sys.stderr.write(t("cli.content.build.no_deck", lang, pip=_pip()) + "\n")
        return 1
    try:
        as_of = _as_of(args.as_of, lang)
    except _BadDate:
        return 2
    region = ALL_REGIONS
    if args.region is not None:
        try:
            region = normalize_region(args.region) or ALL_REGIONS
        except ValueError:
            sys.stderr.write(
                t("cli.content.build.bad_region", lang, value=clean_line(args.region)[:40], choices=", ".join(REGIONS))
                + "\n"
            )
            return 2
    packs = [Path(name) for name in args.packs]
    for pack in packs:
        if not pack.is_dir():
            raise ContentError(key="error.content.pack_not_found", pack=str(pack))
    loaded = load_packs(packs, today=as_of, lang=lang)
    problems = sorted(loaded.problems.problems, key=lambda p: (p.path, p.line))
    for problem in problems:
        if problem.severity == "error":
            sys.stderr.write(clean_line(problem.format(lang)) + "\n")
    report = loaded.problems
    for parsed, instead in loaded.left_out():
        path = report.path_text(parsed.path)
        if instead is not None:
            used = report.path_text(instead.path) if instead.path else instead.pack
            line = t("cli.content.build.fallback", lang, path=path, id=parsed.card_id, used=used)
        else:
            line = t("cli.content.build.left_out", lang, path=path)
        sys.stderr.write(clean_line(line) + "\n")
    library = Library(loaded.packs, loaded.cards, region, as_of)
    written = build_deck(library, args.out, args.lang)
    pages = sum(1 for path in written if path.suffix == ".html")
    sys.stderr.write(t("cli.content.build.done", lang, pages=pages, out=clean_line(str(args.out))) + "\n")
    errors, _ = count_by_severity(problems)
    if errors:
        sys.stderr.write(t("cli.content.build.failed", lang, errors=errors) + "\n")
        return 1
    return 0
