"""`infocards wallet init|import|export|list|passwd|recover|log`: the wallet from a terminal."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from infocards.errors import InvalidRecord, WalletError, WalletExists, WalletNotFound
from infocards.i18n import cli_language, t
from infocards.wallet import Wallet
from infocards.wallet.records import check_records_document
from infocards.wallet.storage import atomic_write

__all__ = ["register"]

# Names of environment variables, not secrets.
PASSPHRASE_ENV = "INFOCARDS_PASSPHRASE"  # noqa: S105
NEW_PASSPHRASE_ENV = "INFOCARDS_NEW_PASSPHRASE"  # noqa: S105
RECOVERY_CODE_ENV = "INFOCARDS_RECOVERY_CODE"


def register(subparsers: argparse._SubParsersAction) -> None:
    lang = cli_language()
    wallet = subparsers.add_parser(
        "wallet", help=t("cli.wallet.help", lang), description=t("cli.wallet.help", lang)
    )
    commands = wallet.add_subparsers(dest="wallet_command", required=True, parser_class=type(wallet))

    def command(name: str, handler, *, json_flag: str | None = None) -> argparse.ArgumentParser:
        text = t(f"cli.wallet.{name}.help", lang)
        parser = commands.add_parser(name, help=text, description=text)
        parser.add_argument("path", metavar="PATH", type=Path, help=t("cli.wallet.path", lang))
        if json_flag:
            parser.add_argument("--json", action="store_true", help=t(json_flag, lang))
        parser.set_defaults(handler=handler)
        return parser

    command("init", run_init)
    imp = command("import", run_import)
    imp.add_argument("file", metavar="FILE", type=Path, help=t("cli.wallet.import.file", lang))
    exp = command("export", run_export)
    exp.add_argument("--out", metavar="FILE", type=Path, help=t("cli.wallet.export.out", lang))
    command("list", run_list, json_flag="cli.wallet.list.json")
    command("passwd", run_passwd)
    command("recover", run_recover)
    command("log", run_log, json_flag="cli.wallet.log.json")


# -- asking for secrets --------------------------------------------------------------------


def _ask(prompt_key: str, lang: str) -> str:
    try:
        return getpass.getpass(t(prompt_key, lang))
    except EOFError as exc:
        raise WalletError("error.wallet.no_passphrase") from exc


def _secret(env: str, prompt_key: str, lang: str, *, twice: bool = False) -> str:
    """From the environment variable `env`, else asked without echo (twice for a new one)."""
    value = os.environ.get(env)
    if value:
        return value
    first = _ask(prompt_key, lang)
    if twice and _ask("wallet.prompt.repeat", lang) != first:
        raise WalletError("error.wallet.passphrase_mismatch")
    return first


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _open(path: Path, lang: str) -> Wallet:
    if not path.exists():
        raise WalletNotFound(path=str(path))
    wallet = Wallet.open(path, _secret(PASSPHRASE_ENV, "wallet.prompt.passphrase", lang))
    if wallet.used_backup is not None:
        when = wallet.used_backup.strftime("%Y-%m-%d %H:%M %Z").strip()
        _err(t("wallet.used_backup", lang, time=when))
    return wallet


# -- commands ------------------------------------------------------------------------------


def run_init(args: argparse.Namespace) -> int:
    lang = cli_language()
    if args.path.exists():
        raise WalletExists(path=str(args.path))
    passphrase = _secret(PASSPHRASE_ENV, "wallet.prompt.new_passphrase", lang, twice=True)
    wallet, code = Wallet.create(args.path, passphrase)
    wallet.close()
    sys.stdout.write(t("wallet.init.recovery_code", lang, code=code) + "\n")
    sys.stdout.flush()
    _err(t("wallet.init.keep_code", lang))
    return 0


def _read_records_file(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise WalletError("error.wallet.import_missing", path=str(path)) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise WalletError("error.wallet.import_json", path=str(path), line=exc.lineno) from exc
    return check_records_document(data, str(path))


def run_import(args: argparse.Namespace) -> int:
    lang = cli_language()
    data = _read_records_file(args.file)
    replaced = 0
    with _open(args.path, lang) as wallet:
        if data.get("profile") is not None and data["profile"] != wallet.profile:
            wallet.set_profile(data["profile"])
            _err(t("wallet.import.profile", lang))
        for position, record in enumerate(data["records"], start=1):
            try:
                record_id, was_there = wallet.put(record)
            except InvalidRecord as exc:
                if exc.params.get("record") == "?":  # no usable id: name it by position
                    exc.params["record"] = f"#{position}"
                raise
            # Printed only after the record is durably saved: a kill loses nothing printed.
            sys.stdout.write(record_id + "\n")
            sys.stdout.flush()
            if was_there:
                replaced += 1
                _err(t("wallet.import.replaced", lang, record=record_id))
    _err(t("wallet.import.done", lang, count=len(data["records"]), replaced=replaced))
    return 0


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def run_export(args: argparse.Namespace) -> int:
    lang = cli_language()
    with _open(args.path, lang) as wallet:
        data = wallet.export_data()
    text = _dump(data)
    if args.out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        try:
            atomic_write(args.out, text.encode("utf-8"), rotate_backup=False)
        except OSError as exc:
            raise WalletError("error.wallet.io", detail=exc.strerror or type(exc).__name__) from exc
        _err(t("wallet.export.done", lang, count=len(data["records"]), path=str(args.out)))
    return 0


def _summary(record: dict) -> str:
    kind = record["type"]
    if kind == "encounter":
        return f"{record['role']}, {record['place']}: {record['summary']}"
    if kind == "finding":
        code = f" [{record['code']}]" if record.get("code") else ""
        return f"{record['role']} ({record['kind']}){code}: {record['text']}"
    if kind == "referral":
        return f"{record['from_role']} -> {record['to_role']} ({record['status']}): {record['reason']}"
    if kind == "treatment":
        return f"{record['role']}: {record['what']} ({record['effect']})"
    if kind == "medication":
        return f"{record['name']}, {record['dose']} ({record['effect']})"
    if kind == "goal":
        return f"{record['text']} ({record['status']})"
    if kind == "work":
        hours = f", {record['hours_per_week']} h" if "hours_per_week" in record else ""
        note = f": {record['note']}" if record.get("note") else ""
        return f"{record['status']}{hours}{note}"
    return record["text"]


def run_list(args: argparse.Namespace) -> int:
    lang = cli_language()
    with _open(args.path, lang) as wallet:
        if args.json:
            sys.stdout.write(_dump({"records": wallet.records()}))
            return 0
        timeline = wallet.timeline()
    if not timeline:
        _err(t("wallet.list.empty", lang))
    lines = []
    for month, records in timeline:
        lines.append(month)
        for record in records:
            label = t(f"vocab.type.{record['type']}", lang)  # one copy of the labels: i18n/vocab.py
            lines.append(f"  {record['date']}  {label}  {_summary(record)}  [{record['id']}]")
    sys.stdout.write("".join(line + "\n" for line in lines))
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    lang = cli_language()
    with _open(args.path, lang) as wallet:
        new = _secret(NEW_PASSPHRASE_ENV, "wallet.prompt.new_passphrase", lang, twice=True)
        wallet.change_passphrase(new)
    _err(t("wallet.passwd.done", lang))
    return 0


def run_recover(args: argparse.Namespace) -> int:
    lang = cli_language()
    if not args.path.exists():
        raise WalletNotFound(path=str(args.path))
    code = _secret(RECOVERY_CODE_ENV, "wallet.prompt.recovery_code", lang)
    new = _secret(NEW_PASSPHRASE_ENV, "wallet.prompt.new_passphrase", lang, twice=True)
    Wallet.recover(args.path, code, new)
    _err(t("wallet.recover.done", lang))
    return 0


def run_log(args: argparse.Namespace) -> int:
    lang = cli_language()
    with _open(args.path, lang) as wallet:
        log = wallet.share_log()
    if args.json:
        sys.stdout.write(_dump(log))
        return 0
    if not log:
        _err(t("wallet.log.empty", lang))
    for entry in log:
        line = t(
            "wallet.log.line",
            lang,
            date=entry["date"],
            role=entry["role"],
            sections=", ".join(entry["sections"]),
            expires=entry["expires"],
        )
        sys.stdout.write(line + "\n")
    return 0
