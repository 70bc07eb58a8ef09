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
COMMAND_MODULES = ("app", "content", "wallet", "share")


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and a one-line message, as documented."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(t("error.usage", cli_language(), detail=message) + "\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    lang = cli_language()
    parser = _Parser(prog="infocards", description=t("cli.description", lang))
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"infocards.commands.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
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
