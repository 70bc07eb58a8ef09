"""`infocards` (open the app) and `infocards web` (serve the web app offline on localhost, behind a
secret made for each launch)."""

from __future__ import annotations

import argparse

from infocards.i18n import cli_language, t

__all__ = ["open_app", "register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    lang = cli_language()
    web = subparsers.add_parser("web", help=t("cli.web.help", lang), description=t("cli.web.help", lang))
    web.add_argument("--host", default="127.0.0.1", help=t("cli.web.host", lang))
    web.add_argument("--port", type=int, default=8550, help=t("cli.web.port", lang))
    web.add_argument("--reader", action="store_true", help=t("cli.web.reader", lang))
    web.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                     help=t("cli.web.allowed_host", lang))
    web.add_argument("--no-browser", action="store_true", help=t("cli.web.no_browser", lang))
    web.set_defaults(handler=serve_web)


def serve_web(args: argparse.Namespace) -> int:
    from infocards.ui.entry import serve

    serve(host=args.host, port=args.port, reader_only=args.reader, open_browser=not args.no_browser,
          allowed_hosts=tuple(args.allowed_host))
    return 0


def open_app(args: argparse.Namespace) -> int:
    from infocards.ui.entry import open_desktop_or_web

    open_desktop_or_web()
    return 0
