"""`infocards content check` (every problem in the card packs) and `infocards content build` (the deck)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from infocards.i18n import cli_language, t

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
    check.set_defaults(handler=run_check)

    build = actions.add_parser(
        "build", help=t("cli.content.build.help", lang), description=t("cli.content.build.help", lang)
    )
    build.add_argument("packs", nargs="+", metavar="PACK", help=t("cli.content.build.packs", lang))
    build.add_argument("--out", required=True, type=Path, help=t("cli.content.build.out", lang))
    build.add_argument("--lang", choices=("da", "en", "all"), default="all", help=t("cli.content.build.lang", lang))
    build.set_defaults(handler=run_build)


def _pack_paths(names: list[str]) -> list[Path]:
    if names:
        return [Path(name) for name in names]
    from infocards.config import load_settings

    return list(load_settings().packs)


def run_check(args: argparse.Namespace) -> int:
    from infocards.content.check import check_and_count, count_by_severity

    lang = cli_language()
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")  # a card's text must not crash a non-UTF-8 terminal
    problems, cards = check_and_count(_pack_paths(args.packs), lang=lang)
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
            sys.stdout.write(problem.format() + "\n")
        if problems:
            summary = t("cli.content.check.summary", lang, errors=errors, warnings=warnings, cards=cards)
        else:
            summary = t("cli.content.check.clean", lang, cards=cards)
        sys.stdout.write(summary + "\n")
    failed = errors > 0 or (args.strict and warnings > 0)
    return 1 if failed else 0


def run_build(args: argparse.Namespace) -> int:
    from infocards.content.render import build_deck

    lang = cli_language()
    written = build_deck([Path(name) for name in args.packs], args.out, args.lang)
    pages = sum(1 for path in written if path.suffix == ".html")
    sys.stderr.write(t("cli.content.build.done", lang, pages=pages, out=str(args.out)) + "\n")
    return 0
