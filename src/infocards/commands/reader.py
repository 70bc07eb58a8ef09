"""`infocards reader build`: the static reader for any web host (infocards.reader_site)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from infocards.i18n import cli_language, t

__all__ = ["register", "run_build"]


def register(subparsers: argparse._SubParsersAction) -> None:
    lang = cli_language()
    reader = subparsers.add_parser("reader", help=t("cli.reader.help", lang), description=t("cli.reader.help", lang))
    actions = reader.add_subparsers(dest="reader_command", required=True, parser_class=type(reader))
    build = actions.add_parser("build", help=t("cli.reader.build", lang), description=t("cli.reader.build", lang))
    build.add_argument("packs", nargs="*", metavar="PACK", help=t("cli.reader.packs", lang))
    build.add_argument("--out", required=True, type=Path, metavar="DIR", help=t("cli.reader.out", lang))
    build.set_defaults(handler=run_build)


def run_build(args: argparse.Namespace) -> int:
    from infocards.config import load_settings, resolve_pack
    from infocards.reader.readable import REASONS
    from infocards.reader_site import build_site

    lang = cli_language()
    # A pack is named as in flet.toml ("national") or given as a folder.
    packs = [resolve_pack(p) for p in args.packs] if args.packs else list(load_settings().packs)
    built = build_site(args.out, packs, {str(reason): key for reason, key in REASONS.items()})
    kib = round(built.size / 1024)
    sys.stderr.write(t("cli.reader.written", lang, path=built.out, files=built.files, kib=kib) + "\n")
    return 0
