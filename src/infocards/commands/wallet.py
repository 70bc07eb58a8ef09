"""`infocards wallet init|import|export|list|passwd|recover|recovery-code|log`: the wallet from a terminal.

Text that came from the wallet (record text, names, places, ids) is written through
`infocards.terminal.clean_line`, so no stored text can move the cursor or repaint the screen.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from infocards.commands.passphrase import NEW_PASSPHRASE_ENV, RECOVERY_CODE_ENV, ask_secret
from infocards.commands.receive import register_receive
from infocards.errors import InvalidRecord, WalletError, WalletNotFound
from infocards.i18n import cli_language, label_for, t
from infocards.i18n.formats import format_datetime
from infocards.records import check_records_document
from infocards.terminal import clean_line
from infocards.wallet import Wallet
from infocards.wallet.storage import atomic_write

__all__ = ["register"]


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
    command("recovery-code", run_recovery_code)
    command("log", run_log, json_flag="cli.wallet.log.json")
    register_receive(command)  # `wallet receive`: a professional's note (commands/receive.py)


# -- secrets: asked for by the one rule of commands/passphrase.py ---------------------------


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _open(path: Path, lang: str) -> Wallet:
    if not Wallet.exists(path):  # before asking for a passphrase
        raise WalletNotFound(path=str(path))
    wallet = Wallet.open(path, ask_secret(lang, "wallet.prompt.passphrase"))
    if wallet.used_backup is not None:
        when = wallet.used_backup.strftime("%Y-%m-%d %H:%M %Z").strip()
        key = "wallet.used_backup_missing" if wallet.main_missing else "wallet.used_backup"
        _err(t(key, lang, time=when))
    elif wallet.last_saved is not None:  # every unlock says when: an old copy shows its age
        _err(t("wallet.last_saved", lang, time=format_datetime(wallet.last_saved, lang)))
    if wallet.older_than is not None:
        _err(t("wallet.older", lang, device_time=format_datetime(wallet.older_than, lang)))
    return wallet


def _out(text: str) -> None:
    """A line of wallet text on standard output, made safe for the terminal."""
    sys.stdout.write(clean_line(text) + "\n")
    sys.stdout.flush()


def _print_recovery_code(code: str, lang: str) -> None:
    sys.stdout.write(t("wallet.init.recovery_code", lang, code=code) + "\n")
    sys.stdout.flush()


# -- commands ------------------------------------------------------------------------------


def run_init(args: argparse.Namespace) -> int:
    lang = cli_language()
    Wallet.check_creatable(args.path)  # before asking; create() checks again under the lock
    passphrase = ask_secret(lang, "wallet.prompt.new_passphrase", new=True)
    wallet, code = Wallet.create(args.path, passphrase)
    wallet.close()
    _print_recovery_code(code, lang)
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
    except RecursionError as exc:  # valid JSON nested too deeply to read: no records file
        raise WalletError("error.wallet.import_format", path=str(path)) from exc
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
            _out(record_id)
            if was_there:
                replaced += 1
                _err(t("wallet.import.replaced", lang, record=clean_line(record_id)))
    _err(t("wallet.import.done", lang, count=len(data["records"]), replaced=replaced))
    return 0


# json.dumps escapes C0 controls but leaves C1 controls, bidi marks and the Unicode line
# separators raw; written as \uXXXX escapes they are the same JSON and harmless to a terminal.
_RAW_IN_JSON = re.compile("[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\u061c]")


def _dump(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def run_export(args: argparse.Namespace) -> int:
    lang = cli_language()
    if args.out is not None and args.out.is_dir():  # before asking for the passphrase
        raise WalletError("error.wallet.export_out_folder", path=str(args.out))
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
            detail = exc.strerror or type(exc).__name__
            raise WalletError("error.wallet.export_out", path=str(args.out), detail=detail) from exc
        _err(t("wallet.export.done", lang, count=len(data["records"]), path=str(args.out)))
    return 0


def _summary(record: dict, lang: str) -> str:
    """One line of a record, its vocabulary words as labels in `lang` (i18n/vocab.py)."""
    kind = record["type"]

    def label(group: str, field: str) -> str:
        return label_for(f"vocab.{group}", record[field], lang)

    if kind == "encounter":
        return f"{label('role', 'role')}, {record['place']}: {record['summary']}"
    if kind == "finding":
        code = f" [{record['code']}]" if record.get("code") else ""
        return f"{label('role', 'role')} ({label('kind', 'kind')}){code}: {record['text']}"
    if kind == "referral":
        roles = f"{label('role', 'from_role')} -> {label('role', 'to_role')}"
        return f"{roles} ({label('referral_status', 'status')}): {record['reason']}"
    if kind == "treatment":
        return f"{label('role', 'role')}: {record['what']} ({label('effect', 'effect')})"
    if kind == "medication":
        return f"{record['name']}, {record['dose']} ({label('effect', 'effect')})"
    if kind == "goal":
        return f"{record['text']} ({label('goal_status', 'status')})"
    if kind == "work":
        hours = f", {record['hours_per_week']} h" if "hours_per_week" in record else ""
        note = f": {record['note']}" if record.get("note") else ""
        return f"{label('work_status', 'status')}{hours}{note}"
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
            label = label_for("vocab.type", record["type"], lang)  # one copy of the labels: i18n/vocab.py
            lines.append(f"  {record['date']}  {label}  {_summary(record, lang)}  [{record['id']}]")
    sys.stdout.write("".join(clean_line(line) + "\n" for line in lines))
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    lang = cli_language()
    with _open(args.path, lang) as wallet:
        new = ask_secret(lang, "wallet.prompt.new_passphrase", env=NEW_PASSPHRASE_ENV, new=True)
        new_code = wallet.change_passphrase(new)
    _err(t("wallet.passwd.done", lang))
    if new_code:  # a wallet from before format v2: its recovery code had to be replaced too
        _print_recovery_code(new_code, lang)
        _err(t("wallet.passwd.new_code", lang))
    return 0


def run_recover(args: argparse.Namespace) -> int:
    lang = cli_language()
    if not Wallet.exists(args.path):
        raise WalletNotFound(path=str(args.path))
    code = ask_secret(lang, "wallet.prompt.recovery_code", env=RECOVERY_CODE_ENV)
    new = ask_secret(lang, "wallet.prompt.new_passphrase", env=NEW_PASSPHRASE_ENV, new=True)
    new_code = Wallet.recover(args.path, code, new)
    _print_recovery_code(new_code, lang)
    _err(t("wallet.recover.done", lang))
    return 0


def run_recovery_code(args: argparse.Namespace) -> int:
    lang = cli_language()
    with _open(args.path, lang) as wallet:
        new_code = wallet.new_recovery_code()
    _print_recovery_code(new_code, lang)
    _err(t("wallet.recovery_code.done", lang))
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
            role=label_for("vocab.role", entry["role"], lang),
            sections=", ".join(label_for("share.section", name, lang) for name in entry["sections"]),
            expires=entry["expires"],
        )
        _out(line)
    return 0
