"""`infocards share` (a signed QR summary from the wallet) and `infocards read` (the clinician view)."""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import fields, is_dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from infocards import vocab
from infocards.codes.qr_in import load_image
from infocards.codes.qr_out import write_png
from infocards.codes.sections import SECTION_KEYS, parse_sections
from infocards.commands.passphrase import ask_secret
from infocards.config import load_settings
from infocards.errors import (
    ConfigError,
    ContentError,
    ImageTooLarge,
    NotInfocardsCode,
    ShareError,
    UsageError,
    WalletNotFound,
)
from infocards.i18n import cli_language, t
from infocards.reader.key_memory import KEY_WARNINGS
from infocards.reader.read import ReadResult, read_image, read_text
from infocards.reader.signed_view import note_json, render_note
from infocards.reader.view import build_view, render_text
from infocards.share.issue import MAX_LIFETIME, issue_share, log_issued
from infocards.terminal import clean_line

__all__ = ["clean_view", "parse_duration", "parse_period", "read_source", "register", "trust_list"]

_DURATION = re.compile(r"(\d+(?:\.\d+)?)([smhd])")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_MAX_TEXT_FILE = 64 * 1024  # a code is under 2 KiB; a text file far larger is not one
# A SOURCE with one of these endings is meant as a file, so a missing one is a usage error.
_FILE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".tif", ".tiff", ".heic", ".txt"}


def register(subparsers: argparse._SubParsersAction) -> None:
    lang = cli_language()
    share = subparsers.add_parser(
        "share",
        help=t("cli.share.help", lang),
        description=t("cli.share.help", lang),
        epilog=t("cli.share.epilog", lang),
    )
    share.add_argument("path", type=Path, metavar="PATH", help=t("cli.share.path", lang))
    share.add_argument("--out", type=Path, required=True, metavar="FILE.png", help=t("cli.share.out", lang))
    share.add_argument("--to", metavar="ROLE", help=t("cli.share.to", lang, roles=", ".join(vocab.ROLES)))
    share.add_argument(
        "--sections", metavar="a,b,...", help=t("cli.share.sections", lang, sections=",".join(SECTION_KEYS))
    )
    share.add_argument("--expires", metavar="24h|30m|1s", help=t("cli.share.expires", lang, minutes=_default_minutes()))
    share.add_argument("--period", metavar="FROM..TO", help=t("cli.share.period", lang))
    share.add_argument("--text", action="store_true", help=t("cli.share.text", lang))
    share.set_defaults(handler=run_share)

    read = subparsers.add_parser(
        "read",
        help=t("cli.read.help", lang),
        description=t("cli.read.help", lang),
        epilog=t("cli.read.epilog", lang),
    )
    read.add_argument("source", metavar="SOURCE", help=t("cli.read.source", lang))
    output = read.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help=t("cli.read.json", lang))
    output.add_argument("--journal", action="store_true", help=t("cli.read.journal", lang))
    read.set_defaults(handler=run_read)


def _default_minutes() -> float:
    try:
        return load_settings().share_expiry_minutes
    except ConfigError:
        return 30.0  # the help must show even with a broken flet.toml; running says what is wrong


def parse_duration(value: str) -> timedelta:
    """ "24h", "30m", "90s", "2d" (or a sum like "1h30m") to a positive timedelta of at most 30 days."""
    text = value.strip().lower()
    parts = _DURATION.findall(text)
    if not parts or "".join(n + u for n, u in parts) != text:
        raise UsageError("error.share.bad_duration", value=value)
    seconds = sum(float(number) * _UNIT_SECONDS[unit] for number, unit in parts)
    if seconds < 1:
        raise UsageError("error.share.bad_duration", value=value)
    # checked before timedelta(): "99999999999d" would overflow it
    if not seconds <= MAX_LIFETIME.total_seconds():
        raise UsageError("error.share.duration_too_long", value=value, days=MAX_LIFETIME.days)
    return timedelta(seconds=seconds)


def parse_period(value: str | None) -> tuple[str | None, str | None]:
    """ "2026-08-01..2026-10-31", "2026-08-01.." or "..2026-10-31" to ISO bounds."""
    if not value:
        return (None, None)
    start, sep, end = value.partition("..")
    try:
        bounds = tuple(date.fromisoformat(p.strip()).isoformat() if p.strip() else None for p in (start, end))
    except ValueError:
        raise UsageError("error.share.bad_period", value=value) from None
    if not sep or bounds == (None, None) or (None not in bounds and bounds[0] > bounds[1]):
        raise UsageError("error.share.bad_period", value=value)
    return bounds  # type: ignore[return-value]


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def run_share(args: argparse.Namespace) -> int:
    from infocards.wallet import Wallet  # late: `read` must work without the wallet's KDF stack

    lang = cli_language()
    sections = parse_sections(args.sections)
    if args.to is not None and args.to not in vocab.ROLES:
        raise UsageError("error.share.unknown_role", role=args.to, known=", ".join(vocab.ROLES))
    lifetime = parse_duration(args.expires) if args.expires else None
    period = parse_period(args.period)
    if not args.path.exists():
        raise WalletNotFound(path=str(args.path))
    reader_url = load_settings().reader_url  # a bad reader address is refused before the passphrase
    with Wallet.open(args.path, ask_secret(lang, "wallet.prompt.passphrase")) as wallet:
        if wallet.used_backup is not None:
            when = wallet.used_backup.strftime("%Y-%m-%d %H:%M %Z").strip()
            _err(t("cli.share.backup_used", lang, time=when))
        share = issue_share(wallet, sections, to_role=args.to, lifetime=lifetime, period=period, log=False,
                            reader_url=reader_url)
        try:
            write_png(share.text, args.out)
        except OSError as exc:
            raise ShareError("error.share.cannot_write", path=str(args.out), detail=exc.strerror or "") from None
        log_issued(wallet, share)
    if args.text:
        sys.stdout.write(share.text + "\n")
        sys.stdout.flush()
    expires = share.expires_at.strftime("%Y-%m-%d %H:%M UTC")
    _err(t("cli.share.written", lang, version=share.version, modules=share.modules, path=args.out, expires=expires))
    note = share.omitted_note(lang)
    if note:
        _err(note)
    return 0


def _read_file(path: Path, now: datetime | None) -> ReadResult:
    try:
        return read_image(load_image(path), now)
    except ImageTooLarge:
        raise  # an image, only far too large: not worth trying as text
    except NotInfocardsCode:
        # Not an image: a text file holding the code is fine too.
        try:
            with path.open("rb") as handle:
                data = handle.read(_MAX_TEXT_FILE + 1)
            if len(data) > _MAX_TEXT_FILE:
                raise UnicodeDecodeError("utf-8", b"", 0, 1, "too large")
            return read_text(data.decode("utf-8"), now)
        except UnicodeDecodeError:
            raise NotInfocardsCode("error.share.not_an_image", path=str(path)) from None


def _read_stdin(now: datetime | None) -> ReadResult:
    data = sys.stdin.buffer.read(_MAX_TEXT_FILE + 1)
    try:
        return read_text(data.decode("utf-8"), now)
    except UnicodeDecodeError:
        raise NotInfocardsCode("error.share.not_an_image", path="-") from None


def _read_source(source: str, now: datetime | None) -> ReadResult:
    if source == "-":
        return _read_stdin(now)
    path = Path(source)
    try:
        if path.is_file():  # "ICU-scan.png" is a file, even though it starts like a code
            return _read_file(path, now)
    except OSError:
        pass  # a name too long for the file system: text, or a file error below
    looks_like_code = source.lstrip().startswith(("IC", "IN")) or "://" in source
    if not looks_like_code:
        try:
            if path.exists():  # not a file: the first look above would have read one
                raise UsageError("error.share.file_unreadable", path=source, detail="not a file")
        except OSError as exc:  # a name too long for the file system, a broken mount: treat as text
            if path.suffix.lower() in _FILE_SUFFIXES:
                raise UsageError("error.share.file_unreadable", path=source, detail=exc.strerror or "") from None
            return read_text(source, now)
        if path.suffix.lower() in _FILE_SUFFIXES:
            raise UsageError("error.share.file_not_found", path=source)
    return read_text(source, now)


def read_source(source: str, now: datetime | None = None) -> ReadResult:
    """A summary or note from an image path, "-" (stdin) or the code text (NotInfocardsCode kept);
    expiry is checked at `now` (the real clock when None)."""
    try:
        return _read_source(source, now)
    except NotInfocardsCode as exc:
        return ReadResult("not_infocards", error=exc)


def trust_list():
    """The trusted keys of the packs flet.toml loads (none when flet.toml is broken)."""
    from infocards.content.trust import TrustList, load_trust

    try:
        return load_trust(load_settings().packs)
    except ConfigError:
        return TrustList()


def _key_check(result: ReadResult, lang: str) -> str | None:
    """Whether this device key is new for a name and birth date the reader has seen before."""
    from infocards.reader.key_memory import KeyMemory

    summary = result.summary
    if summary is None or not summary.name or result.fingerprint is None or result.status == "invalid":
        return None
    memory = KeyMemory()
    seen = memory.seen(summary.name, summary.birth_date, result.fingerprint)
    if memory.set_aside is not None:  # an unreadable memory is kept, and the reader is told
        sys.stderr.write(clean_line(t("share.reader.keys_set_aside", lang, path=str(memory.set_aside))) + "\n")
    return seen


def _card_titles(lang: str):
    """Card titles from the packs in flet.toml, so diagnoses read "Iskias (lumbal radikulopati) ·
    ICPC-2:L86"; None when the packs do not load (the card's id is printed instead)."""
    from infocards.content.library import Library  # late: only a code with data needs the cards

    try:
        library = Library.load(load_settings().packs)
    except (ConfigError, ContentError, OSError):
        return None

    def title(card_id: str) -> str | None:
        card = library.get(card_id, lang)
        return card.title if card else None

    return title


def _print_journal(result: ReadResult, lang: str, trust) -> int:
    """`read --journal`: the text for the patient record on stdout; an expired, invalid or foreign
    code prints its status (and why) on stderr instead, and exits as `read` does."""
    from infocards.reader.journal import journal_text
    from infocards.reader.readable import readable_error

    titles = _card_titles(lang) if result.summary is not None else None
    text = journal_text(result, lang, datetime.now(UTC), card_titles=titles, trust=trust)
    if text is None:
        lines = [t("share.reader.status", lang, status=t(f"share.status.{result.status}", lang))]
        message = readable_error(result.error, lang)
        if message:
            lines.append(clean_line(message))
        if result.status == "expired":
            lines.append(t("cli.read.journal_expired", lang))
        sys.stderr.write("\n".join(lines) + "\n")
        return result.exit_code
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
    return result.exit_code


def run_read(args: argparse.Namespace) -> int:
    lang = cli_language()
    result = read_source(args.source)
    trust = trust_list() if result.shows_data else None
    if getattr(args, "journal", False):
        return _print_journal(result, lang, trust)
    if result.is_note:
        data = note_json(result, lang, trust)
        lines = render_note(data, lang) if not args.json else []
    else:
        view = build_view(result, lang, _card_titles(lang), trust=trust)
        data = view.to_json()
        lines = render_text(clean_view(view)).rstrip("\n").split("\n") if not args.json else []
        key = _key_check(result, lang)
        if key is not None:
            data["key_seen"] = key
            if key in KEY_WARNINGS:
                lines.insert(min(2, len(lines)), t(KEY_WARNINGS[key], lang))
    if args.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        sys.stdout.flush()
        return result.exit_code
    # Every line on its own, cleaned: text from a code cannot break a line, move the cursor or
    # repaint the screen; the status comes first and again last, where nothing can follow it.
    status = t("share.reader.status", lang, status=data["status_label"])
    out = [clean_line(line) for line in lines]
    if result.is_note:
        out.insert(1, status)
    out.append(status)
    stream = sys.stdout if result.shows_data else sys.stderr
    stream.write("\n".join(out) + "\n")
    stream.flush()
    return result.exit_code


def _clean(value):
    if isinstance(value, str):
        return clean_line(value)
    if isinstance(value, tuple):
        return tuple(_clean(item) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _clean(getattr(value, f.name)) for f in fields(value)})
    return value


def clean_view(view):
    """A copy of a clinician view whose every text is on one line with no control characters."""
    return _clean(view)
