"""Narrow error types; the CLI and the UI turn each into a clear, translated message.

An error carries a catalog key and parameters, never health data: parameters name files,
record ids, field names and counts, not what a patient wrote.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

__all__ = [
    "AlreadyOpen",
    "CodeExpired",
    "ConfigError",
    "ContentError",
    "CorruptWallet",
    "InfocardsError",
    "InvalidCode",
    "InvalidRecord",
    "KdfParamsRejected",
    "NewerFormat",
    "NoQrFound",
    "NotInfocardsCode",
    "ReaderUrlError",
    "Reason",
    "RecordNotFound",
    "ShareError",
    "UsageError",
    "WalletError",
    "WalletExists",
    "WalletNotFound",
    "WrongPassphrase",
]


class InfocardsError(Exception):
    """Base class: `key` is an i18n catalog key, `params` fill its placeholders."""

    key = "error.generic"
    exit_code = 1

    def __init__(self, key: str | None = None, **params: Any) -> None:
        self.key = key or type(self).key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        from infocards.i18n import t  # late import: i18n is light, but keep errors import-free

        return t(self.key, lang, **self.params)


class UsageError(InfocardsError):
    key = "error.usage"
    exit_code = 2


class ConfigError(InfocardsError):
    key = "error.config"


class ReaderUrlError(ConfigError):
    """The reader's address codes link to ([share] reader_url, INFOCARDS_READER_URL) is not one a
    camera may open safely: refused, never ignored (exit 2, as for other unusable settings)."""

    key = "error.config.reader_url"
    exit_code = 2


class ContentError(InfocardsError):
    key = "error.content"


class WalletError(InfocardsError):
    key = "error.wallet"


class WrongPassphrase(WalletError):
    key = "error.wallet.wrong_passphrase"


class CorruptWallet(WalletError):
    key = "error.wallet.damaged"


class NewerFormat(WalletError):
    key = "error.wallet.newer_format"


class KdfParamsRejected(CorruptWallet):
    key = "error.wallet.kdf_params"


class AlreadyOpen(WalletError):
    key = "error.wallet.already_open"


class WalletExists(WalletError):
    key = "error.wallet.exists"


class WalletNotFound(WalletError):
    key = "error.wallet.not_found"


class InvalidRecord(WalletError):
    key = "error.wallet.invalid_record"


class RecordNotFound(WalletError):
    key = "error.wallet.record_not_found"


class ShareError(InfocardsError):
    key = "error.share"


class CodeExpired(ShareError):
    key = "error.share.expired"
    exit_code = 3


class Reason(StrEnum):
    """Why a code is refused, in the format's own words: `reason` in `infocards read --json`
    (docs/FORMAT.md, 5.1). Every reader gives these exact strings; the screens translate them."""

    SIGNATURE = "signature"
    PREFIX = "prefix"
    TOO_SHORT = "too short"
    TRUNCATED = "truncated"
    UNTERMINATED_TEXT = "unterminated text"
    BASE45_LENGTH = "base45 length"
    BASE45_OVERFLOW = "base45 overflow"
    BASE45_CHARACTER = "character outside base45"
    NOT_UTF8 = "text is not UTF-8"
    COMPRESSED_BODY = "compressed body"
    TRAILING_BYTES = "trailing bytes"
    NUMBER_TOO_LONG = "number too long"
    ENTRY_COUNT = "entry count"
    ENTRY_KIND = "entry kind"
    UNKNOWN_SECTION = "unknown section"
    VOCABULARY_INDEX = "vocabulary index"
    DATE_OUT_OF_RANGE = "date out of range"
    ENTRY_INDEX = "entry index"
    NOTE_COUNT = "note count"
    NOTE_CORE = "note core"
    RECORD_TYPE = "record type"
    LIFETIME = "lifetime over 30 days"
    FUTURE = "issued in the future"
    DIGITS_LENGTH = "digits length"
    DIGITS_OVERFLOW = "digits overflow"
    PATIENT_NAME = "patient name"
    SIGNER_NAME = "signer name"


class InvalidCode(ShareError):
    key = "error.share.invalid"
    exit_code = 4


class NotInfocardsCode(ShareError):
    key = "error.share.not_infocards"
    exit_code = 5


class NoQrFound(NotInfocardsCode):
    key = "error.share.no_qr"


class DecodeTimedOut(NotInfocardsCode):
    """The decode's time budget ran out before a code was found: "could not read a code"."""

    key = "error.share.decode_timeout"


class DecoderBusy(NotInfocardsCode):
    """Every decode slot is taken (or this visitor's own is): "busy, try again"."""

    key = "error.share.decoder_busy"


__all__ += ["DecodeTimedOut", "DecoderBusy"]


class WeakPassphrase(WalletError):
    """A passphrase too short to protect the wallet (a PIN alone is never enough)."""

    key = "error.wallet.weak_passphrase"


__all__ += ["WeakPassphrase"]


class UnlockThrottled(WalletError):
    """Too many wrong passphrases in a row: the next try must wait `seconds` (whole seconds,
    rounded up). `after` is the wrong-passphrase error that started the wait, if one did."""

    key = "error.unlock.wait"

    def __init__(self, seconds: float, after: InfocardsError | None = None) -> None:
        import math

        self.seconds = max(1, math.ceil(seconds))
        self.after = after
        super().__init__(seconds=self.seconds)

    def message(self, lang: str = "en") -> str:
        from infocards.i18n import t
        from infocards.i18n.formats import format_wait

        wait = t(self.key, lang, wait=format_wait(self.seconds, lang))
        return f"{self.after.message(lang)} {wait}" if self.after else wait


class ClinicUnlockThrottled(UnlockThrottled):
    """The same wait for the clinic key, whose message offers no recovery code (it has none)."""

    key = "error.unlock.wait_clinic"


__all__ += ["ClinicUnlockThrottled", "UnlockThrottled"]


class MissingExtra(InfocardsError):
    """A desktop-only feature whose optional package is not installed (`pip install 'infocards[EXTRA]'`)."""

    key = "error.missing_extra.deck"


class ImageTooLarge(NotInfocardsCode):
    """A picture with more pixels than any photo of a code needs: refused before it is decoded."""

    key = "error.share.image_too_large"


__all__ += ["ImageTooLarge", "MissingExtra"]


class ClinicKeyError(InfocardsError):
    """A professional's clinic key file could not be made or used (exit 1)."""

    key = "error.clinic"


class ClinicKeyDamaged(ClinicKeyError):
    key = "error.clinic.damaged"


class ClinicKeyNewer(ClinicKeyError):
    key = "error.clinic.newer"


class WrongClinicPassphrase(ClinicKeyError):
    key = "error.clinic.wrong_passphrase"


class NoteTooLarge(ShareError):
    """A note that does not fit one QR code: the professional shortens it (never cut silently)."""

    key = "error.note.too_large"


class NoteForAnotherPatient(ShareError):
    """A note bound to another patient's summary (exit 6): nothing is saved."""

    key = "error.note.other_patient"
    exit_code = 6


__all__ += [
    "ClinicKeyDamaged",
    "ClinicKeyError",
    "ClinicKeyNewer",
    "NoteForAnotherPatient",
    "NoteTooLarge",
    "WrongClinicPassphrase",
]


class NoPassphrase(InfocardsError):
    """No passphrase (or recovery code) in its variable and no terminal to ask on (exit 1)."""

    key = "error.passphrase.none"

    def __init__(self, key: str | None = None, **params: Any) -> None:
        if key is None and params.get("variable") == "INFOCARDS_RECOVERY_CODE":
            key = "error.passphrase.no_recovery_code"
        super().__init__(key, **params)


class PassphraseMismatch(InfocardsError):
    """A new passphrase typed twice, differently: nothing is changed (exit 1)."""

    key = "error.passphrase.mismatch"


__all__ += ["NoPassphrase", "PassphraseMismatch"]
