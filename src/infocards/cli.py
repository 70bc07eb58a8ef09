"""The `infocards` command: opens the app, or runs one of the subcommands in infocards.commands."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from infocards.errors import InfocardsError
from infocards.i18n import cli_language, t

__all__ = ["main"]

# One module per command (infocards/commands/<name>.py), each with register(subparsers).
COMMAND_MODULES = ("app", "content", "wallet", "share", "clinic", "reader")
# Which module registers each subcommand: running one imports only its module, so `infocards web`
# does not load the sealed-file crypto or the QR decoder before it serves (help still lists them all).
SUBCOMMANDS = {"web": "app", "content": "content", "wallet": "wallet", "share": "share", "read": "share",
               "clinic": "clinic", "note": "clinic", "reader": "reader"}


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and a one-line message, as documented."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(t("error.usage", cli_language(), detail=message) + "\n")
        raise SystemExit(2)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser with every command, or with just the module of subcommand `only`."""
    lang = cli_language()
    parser = _Parser(prog="infocards", description=t("cli.description", lang))
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    modules = (SUBCOMMANDS[only],) if only in SUBCOMMANDS else COMMAND_MODULES
    for name in modules:
        importlib.import_module(f"infocards.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(only=argv[0] if argv else None)
    args = parser.parse_args(argv)
    lang = cli_language()
    handler = getattr(args, "handler", None)
    if handler is None:
        from infocards.commands.app import open_app

        handler = open_app
    try:
        return int(handler(args) or 0)
    except InfocardsError as exc:
        sys.stderr.write(exc.message(lang) + "\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write(t("cli.interrupted", lang) + "\n")
        return 130
    except BrokenPipeError:
        return 1
