"""`infocards clinic init|show` (a professional's signing key) and `infocards note` (a signed note back)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from infocards import vocab
from infocards.commands.passphrase import ask_secret
from infocards.errors import ClinicKeyError, InvalidCode, ShareError, UsageError
from infocards.i18n import cli_language, t
from infocards.terminal import clean_line

__all__ = ["register"]

_MAX_NOTE_FILE = 1024 * 1024


def register(subparsers: argparse._SubParsersAction) -> None:
    lang = cli_language()
    clinic = subparsers.add_parser("clinic", help=t("cli.clinic.help", lang), description=t("cli.clinic.help", lang))
    commands = clinic.add_subparsers(dest="clinic_command", required=True, parser_class=type(clinic))
    text = t("cli.clinic.init.help", lang)
    init = commands.add_parser("init", help=text, description=text)
    init.add_argument("key", metavar="KEY", type=Path, help=t("cli.clinic.key", lang))
    init.add_argument("--name", required=True, help=t("cli.clinic.name", lang))
    init.add_argument("--role", required=True, help=t("cli.clinic.role", lang, roles=", ".join(vocab.ROLES)))
    init.add_argument("--place", default="", help=t("cli.clinic.place", lang))
    init.set_defaults(handler=run_init)
    text = t("cli.clinic.show.help", lang)
    show = commands.add_parser("show", help=text, description=text)
    show.add_argument("key", metavar="KEY", type=Path, help=t("cli.clinic.key", lang))
    show.set_defaults(handler=run_show)

    note = subparsers.add_parser("note", help=t("cli.note.help", lang), description=t("cli.note.help", lang))
    note.add_argument("key", metavar="KEY", type=Path, help=t("cli.note.key", lang))
    note.add_argument("file", metavar="FILE.json", type=Path, help=t("cli.note.file", lang))
    note.add_argument("--out", type=Path, required=True, metavar="note.png", help=t("cli.note.out", lang))
    note.add_argument("--text", action="store_true", help=t("cli.note.text", lang))
    note.add_argument("--for", dest="for_source", metavar="SOURCE", help=t("cli.note.for", lang))
    note.add_argument("--unbound", action="store_true", help=t("cli.note.unbound", lang))
    note.add_argument("--expires", metavar="7d|24h|30m", help=t("cli.note.expires", lang))
    note.set_defaults(handler=run_note)


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _passphrase(lang: str, *, new: bool = False) -> str:
    """The key's passphrase, by the one rule of commands/passphrase.py."""
    return ask_secret(lang, "clinic.prompt.new" if new else "clinic.prompt.passphrase", new=new)


def run_init(args: argparse.Namespace) -> int:
    from infocards.notes.clinic_key import create_clinic_key

    lang = cli_language()
    if args.role not in vocab.ROLES:
        raise UsageError("error.clinic.bad_role", known=", ".join(vocab.ROLES))
    if args.key.exists():  # before asking for a passphrase
        raise ClinicKeyError("error.clinic.exists", path=str(args.key))
    key = create_clinic_key(args.key, _passphrase(lang, new=True), args.name, args.role, args.place)
    sys.stdout.write(t("clinic.fingerprint", lang, fingerprint=key.fingerprint) + "\n")
    sys.stdout.flush()
    _err(t("clinic.write_down", lang))
    return 0


def run_show(args: argparse.Namespace) -> int:
    from infocards.notes.clinic_key import open_clinic_key, read_signer

    lang = cli_language()
    read_signer(args.key)  # a damaged file is named before a passphrase is asked for
    key = open_clinic_key(args.key, _passphrase(lang))
    lines = [
        t("clinic.name", lang, value=clean_line(key.name)),
        t("clinic.role", lang, value=t(f"vocab.role.{key.role}", lang)),
        t("clinic.place", lang, value=clean_line(key.place)),
        t("clinic.fingerprint", lang, fingerprint=key.fingerprint),
    ]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _note_records(path: Path) -> list[dict]:
    from infocards.codes.note_code import MAX_ENTRIES
    from infocards.codes.record_codec import normalise_note_record

    try:
        with path.open("rb") as handle:
            raw = handle.read(_MAX_NOTE_FILE + 1)
        if len(raw) > _MAX_NOTE_FILE:
            raise ValueError("too large")
        data = json.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        raise ShareError("error.note.file", path=str(path)) from None
    if not isinstance(data, dict) or not isinstance(data.get("records"), list):
        raise ShareError("error.note.file", path=str(path))
    if not data["records"]:
        raise ShareError("error.note.empty")
    if len(data["records"]) > MAX_ENTRIES:
        raise ShareError("error.note.too_many", limit=MAX_ENTRIES)
    return [normalise_note_record(record, position) for position, record in enumerate(data["records"], start=1)]


def _binding(source: str, lang: str):
    """The patient a note answers: from their summary (valid or expired; never a note or a bad code)."""
    from infocards.codes.note_code import Binding
    from infocards.commands.share import read_source

    result = read_source(source)
    if result.summary is None or result.public_key is None:
        if result.status == "invalid" or result.is_note:
            detail = result.error.message(lang) if result.error else t("error.note.not_a_note", lang)
            raise InvalidCode("error.note.for_unreadable", detail=detail)
        raise result.error or InvalidCode()
    return Binding.of(result.summary.name, result.summary.birth_date, result.public_key)


def run_note(args: argparse.Namespace) -> int:
    from infocards.codes.link import code_to_link
    from infocards.codes.note_code import DEFAULT_NOTE_LIFETIME, make_note, make_note_code
    from infocards.codes.qr_out import excess_characters, qr_version, write_png
    from infocards.commands.share import parse_duration
    from infocards.config import load_settings
    from infocards.errors import NoteTooLarge
    from infocards.notes.clinic_key import open_clinic_key, read_signer

    lang = cli_language()
    reader_url = load_settings().reader_url  # a bad reader address is refused before anything is asked
    # A note is bound to the patient whose summary the professional read; a note for anyone (a
    # leaflet) must be asked for by name, or it could be carried into any patient's summary.
    if args.for_source and args.unbound:
        raise UsageError("error.note.for_and_unbound")
    if not args.for_source and not args.unbound:
        raise UsageError("error.note.needs_patient")
    lifetime = parse_duration(args.expires) if args.expires else DEFAULT_NOTE_LIFETIME
    records = _note_records(args.file)
    binding = _binding(args.for_source, lang) if args.for_source else None
    read_signer(args.key)
    key = open_clinic_key(args.key, _passphrase(lang))
    issued_at = datetime.now(UTC).replace(microsecond=0)
    try:
        note = make_note(key.key, key.signer, records, issued_at, lifetime, binding)
        text = make_note_code(note, key.key)
    except ValueError:  # the records and key were checked above: a note that fails its own reading
        raise ShareError("error.note.read_back") from None
    if reader_url:
        text = code_to_link(text, reader_url)
    over = excess_characters(text)
    if over:
        # base45 spends 1.5 characters a byte and DEFLATE roughly halves text: about a
        # character of writing per character of code over the limit, rounded up generously.
        raise NoteTooLarge(chars=over + 10)
    try:
        write_png(text, args.out)
    except OSError as exc:
        raise ShareError("error.share.cannot_write", path=str(args.out), detail=exc.strerror or "") from None
    if args.text:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    expires = note.core.expires_at.strftime("%Y-%m-%d %H:%M UTC")
    _err(t("note.written", lang, count=len(records), path=args.out, version=qr_version(text), expires=expires))
    return 0
