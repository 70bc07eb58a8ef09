"""Issuing a share: the wallet's records to a fitted, signed code, logged in the wallet's share log."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from infocards.codes.payload import Summary
from infocards.codes.qr_out import MAX_VERSION, png_bytes, qr_modules
from infocards.codes.sections import SECTION_KEYS
from infocards.codes.signing import SigningKey, fingerprint
from infocards.config import load_settings
from infocards.errors import ShareError
from infocards.names import MAX_NAME, is_good_name
from infocards.reader.view import omitted_note
from infocards.share.carry import select_notes, split_records
from infocards.share.fit import fit_code
from infocards.share.summary import build_summary

if TYPE_CHECKING:
    from infocards.wallet import Wallet

__all__ = [
    "MAX_LIFETIME",
    "UNNAMED_ROLE",
    "IssuedShare",
    "default_lifetime",
    "issue_from_records",
    "issue_share",
    "log_issued",
]

# The share log needs a role; a code shown without --to is logged as shown to "other".
UNNAMED_ROLE = "other"
# The longest a code may be valid. A code is shown to one professional at one visit; longer
# lifetimes also stop fitting the code's lifetime field (a varint read back to 35 bits).
MAX_LIFETIME = timedelta(days=30)


@dataclass(frozen=True)
class IssuedShare:
    """A code ready to show: its text (the link when the deployment has a reader_url), QR version,
    what it carries and what was left out."""

    text: str
    version: int
    summary: Summary
    issued_at: datetime
    expires_at: datetime
    fingerprint: str

    @property
    def modules(self) -> int:
        return qr_modules(self.version)

    @property
    def omitted(self) -> Mapping[str, int]:
        return self.summary.omitted

    def omitted_note(self, lang: str) -> str | None:
        """One sentence naming what was left out to fit one QR code, or None."""
        return omitted_note(self.summary.omitted, lang)

    def png(self, box_size: int = 8) -> bytes:
        return png_bytes(self.text, box_size)


def default_lifetime() -> timedelta:
    """How long a code is valid unless the patient says otherwise ([share] expiry_minutes)."""
    return timedelta(minutes=load_settings().share_expiry_minutes)


def issue_from_records(
    profile: Mapping,
    records: Iterable[Mapping],
    seed: bytes,
    sections: Iterable[str] = SECTION_KEYS,
    *,
    to_role: str | None = None,
    lifetime: timedelta | None = None,
    period: tuple[date | str | None, date | str | None] = (None, None),
    now: datetime | None = None,
    max_version: int = MAX_VERSION,
    reader_url: str = "",
) -> IssuedShare:
    """The code for `records` signed with the Ed25519 `seed`, without touching a wallet; its
    link to `reader_url` (FORMAT.md §7) when one is given."""
    # Whole seconds: the code stores seconds, so the times here match what a reader sees.
    issued_at = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    lifetime = lifetime if lifetime is not None else default_lifetime()
    if lifetime > MAX_LIFETIME:
        raise ShareError("error.share.lifetime_too_long", days=MAX_LIFETIME.days)
    if not is_good_name(str(profile.get("name") or "")):  # a reader would refuse the code (FORMAT §5.3)
        raise ShareError("error.share.bad_name", limit=MAX_NAME)
    expires_at = issued_at + lifetime
    key = SigningKey(seed)
    # Professionals' entries that still verify travel as signed notes, apart from the patient's.
    own, notes = split_records(records, profile, key.public_bytes)
    signed = [record for note in notes for _, record in note.entries.values()]
    summary = build_summary(profile, own, sections, period=period, to_role=to_role, alongside=signed)
    summary = replace(summary, notes=select_notes(notes, summary.sections, summary.period, alongside=own))
    fitted = fit_code(summary, key, issued_at, expires_at, max_version, reader_url)
    return IssuedShare(
        fitted.text, fitted.version, fitted.summary, issued_at, expires_at, fingerprint(key.public_bytes)
    )


def issue_share(
    wallet: Wallet,
    sections: Iterable[str] = SECTION_KEYS,
    *,
    to_role: str | None = None,
    lifetime: timedelta | None = None,
    period: tuple[date | str | None, date | str | None] = (None, None),
    now: datetime | None = None,
    log: bool = True,
    reader_url: str | None = None,
) -> IssuedShare:
    """Build the code from an open wallet and (unless log=False) log the share in it. The code
    is a link when `reader_url` (by default the deployment's [share] reader_url) is set."""
    data = wallet.export_data()
    share = issue_from_records(
        data["profile"],
        data["records"],
        wallet.signing_seed(),
        sections,
        to_role=to_role,
        lifetime=lifetime,
        period=period,
        now=now,
        reader_url=load_settings().reader_url if reader_url is None else reader_url,
    )
    if log:
        log_issued(wallet, share)
    return share


def log_issued(wallet: Wallet, share: IssuedShare) -> None:
    """Record in the wallet's share log that `share` was shown (to whom, which sections, when)."""
    role = share.summary.to_role or UNNAMED_ROLE
    wallet.log_share(role, share.summary.sections, share.issued_at, share.expires_at)
