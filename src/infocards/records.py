"""Records v1 (DESIGN.md): validation on the way in, with errors that name the record and field.

Errors never carry a value the patient wrote: only the record id, the name of a known field
and, for a closed vocabulary, the allowed words. Unknown fields are counted, never named: a key
in an import file can hold health data as well as a value can.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Mapping
from datetime import date

from infocards import vocab
from infocards.errors import InvalidRecord, NewerFormat, WalletError
from infocards.names import MAX_NAME, is_good_name, normalise_name

__all__ = [
    "PROFILE_FIELDS",
    "RECORDS_FORMAT",
    "TYPE_FIELDS",
    "check_records_document",
    "content_record_id",
    "new_record_id",
    "record_sort_key",
    "validate_profile",
    "validate_record",
]

RECORDS_FORMAT = "infocards-records"
MAX_TEXT = 10_000
MAX_SHORT = 200
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
EARLIEST_DATE = date(1900, 1, 1)
_CARD = re.compile(r"[a-z0-9][a-z0-9_-]{0,79}")

# Field kinds: "text" (non-blank free text), "blank" (free text, may be empty), "short" (a code
# or a name), "date", "hours", "card", or a tuple of allowed words from infocards.vocab.
REQUIRED, OPTIONAL = True, False
TYPE_FIELDS: dict[str, dict[str, tuple[object, bool]]] = {
    "encounter": {
        "role": (vocab.ROLES, REQUIRED),
        "place": ("text", REQUIRED),
        "professional": ("short", OPTIONAL),
        "summary": ("text", REQUIRED),
    },
    "finding": {
        "role": (vocab.ROLES, REQUIRED),
        "kind": (vocab.FINDING_KINDS, REQUIRED),
        "text": ("text", REQUIRED),
        "code": ("short", OPTIONAL),
        "card": ("card", OPTIONAL),
    },
    "referral": {
        "from_role": (vocab.ROLES, REQUIRED),
        "to_role": (vocab.ROLES, REQUIRED),
        "reason": ("text", REQUIRED),
        "status": (vocab.REFERRAL_STATUSES, REQUIRED),
    },
    "treatment": {
        "role": (vocab.ROLES, REQUIRED),
        "what": ("text", REQUIRED),
        "end": ("date", OPTIONAL),
        "effect": (vocab.EFFECTS, REQUIRED),
    },
    "medication": {
        "name": ("text", REQUIRED),
        "dose": ("text", REQUIRED),
        "end": ("date", OPTIONAL),
        "effect": (vocab.EFFECTS, REQUIRED),
    },
    "goal": {"text": ("text", REQUIRED), "status": (vocab.GOAL_STATUSES, REQUIRED)},
    "work": {
        "status": (vocab.WORK_STATUSES, REQUIRED),
        "hours_per_week": ("hours", OPTIONAL),
        "note": ("blank", REQUIRED),
    },
    "note": {"text": ("text", REQUIRED)},
}
COMMON_FIELDS = ("id", "type", "date", "source", "signer", "proof")
# A received professional's entry (share.carry) keeps who signed it and what verifies it later.
SIGNER_FIELDS = ("name", "role", "place", "fingerprint")
PROOF_FIELDS = ("core", "signature", "index", "salt")
_FINGERPRINT = re.compile(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}")
_BASE64 = re.compile(r"[A-Za-z0-9+/]*={0,2}")
_MAX_PROOF = 8 * 1024
PROFILE_FIELDS = ("name", "birth_date", "municipality", "gp")


def new_record_id() -> str:
    return "r" + secrets.token_hex(6)


def content_record_id(clean: Mapping, key: bytes) -> str:
    """An id derived from a validated record's content, so importing it twice replaces it.

    Keyed (HMAC-SHA256 under a per-wallet key) rather than a bare hash: an id shows up in error
    messages and bug reports, and a bare hash of a short record (a work status and a date) could
    be matched against guesses. Two records alike in every field get the same id: one record.
    """
    content = {name: value for name, value in clean.items() if name != "id"}
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "r" + hmac.new(key, canonical.encode("utf-8"), hashlib.sha256).hexdigest()[:12]


def record_sort_key(record: Mapping) -> tuple[str, str]:
    return (record["date"], record["id"])


def _fail(kind: str, record: str, field: str, **extra: str) -> InvalidRecord:
    return InvalidRecord(f"error.wallet.invalid_record.{kind}", record=record, field=field[:40], **extra)


def _check_text(value: object, rid: str, name: str, limit: int, blank_ok: bool) -> str:
    if not isinstance(value, str):
        raise _fail("not_text", rid, name)
    value = value.replace("\r\n", "\n")
    # Line breaks and tabs are text; any other control character (a NUL, an escape) is not. A code
    # ends each text with a NUL, so a NUL inside one would be signed and then lost.
    if any((char < " " and char not in "\n\t") or "\x7f" <= char <= "\x9f" for char in value):
        raise _fail("control", rid, name)
    if not blank_ok and not value.strip():
        raise _fail("blank", rid, name)
    if len(value) > limit:
        raise _fail("too_long", rid, name, limit=str(limit))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:  # lone surrogates cannot be stored as UTF-8
        raise _fail("not_text", rid, name) from exc
    return value


def _check_date(value: object, rid: str, name: str) -> str:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise _fail("date", rid, name)
    try:
        day = date.fromisoformat(value)
    except ValueError as exc:
        raise _fail("date", rid, name) from exc
    if day < EARLIEST_DATE:  # codes count days from 1900-01-01 (docs/FORMAT.md §2.3, §4.3)
        raise _fail("date_range", rid, name, earliest=EARLIEST_DATE.isoformat())
    return value


def _check_field(kind: object, value: object, rid: str, name: str) -> object:
    if isinstance(kind, tuple):
        if not isinstance(value, str) or value not in kind:
            raise _fail("choice", rid, name, expected=", ".join(kind))
        return value
    if kind == "date":
        return _check_date(value, rid, name)
    if kind == "hours":
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 168:
            raise _fail("hours", rid, name)
        return value
    if kind == "card":
        if not isinstance(value, str) or not _CARD.fullmatch(value):
            raise _fail("card", rid, name)
        return value
    limit = MAX_SHORT if kind == "short" else MAX_TEXT
    return _check_text(value, rid, name, limit, blank_ok=kind == "blank")


def _unknown_fields(count: int, rid: str, rtype: str, known: tuple[str, ...]) -> InvalidRecord:
    kind = "unknown_field" if count == 1 else "unknown_fields"
    if rtype == "profile":
        kind = kind.replace("unknown_", "unknown_profile_")
    return InvalidRecord(f"error.wallet.invalid_record.{kind}", record=rid, count=count, type=rtype,
                         expected=", ".join(known))


def validate_record(record: object, *, assign_id: bool = False, id_key: bytes | None = None) -> dict:
    """A normalised copy of `record` (empty optional fields dropped), or InvalidRecord.

    A record without an id gets one derived from its content when `id_key` is given (import),
    else a random one when `assign_id` is set (a record typed in), else it is refused.
    """
    if not isinstance(record, Mapping):
        raise _fail("not_object", "?", "-")
    rid = record.get("id")
    derive = rid is None and id_key is not None
    if derive:
        rid = "?"  # names the record in errors until the content is known to be valid
    elif rid is None and assign_id:
        rid = new_record_id()
    elif not isinstance(rid, str) or not _ID.fullmatch(rid):
        raise _fail("id", "?", "id")
    rtype = record.get("type")
    if rtype not in vocab.RECORD_TYPES:
        raise _fail("choice", rid, "type", expected=", ".join(vocab.RECORD_TYPES))
    fields = TYPE_FIELDS[rtype]
    unknown = sum(1 for name in record if name not in COMMON_FIELDS and name not in fields)
    if unknown:
        raise _unknown_fields(unknown, rid, rtype, (*COMMON_FIELDS, *fields))
    if "date" not in record:
        raise _fail("missing", rid, "date")
    out: dict = {"id": rid, "type": rtype, "date": _check_date(record["date"], rid, "date")}
    # A record typed in by the patient need not say so; an imported note always says professional.
    source = record.get("source", "patient")
    out["source"] = _check_field(vocab.SOURCES, source, rid, "source")
    for name, (kind, required) in fields.items():
        value = record.get(name)
        if value is None or (not required and value == ""):
            if required:
                raise _fail("missing", rid, name)
            continue
        out[name] = _check_field(kind, value, rid, name)
    if "end" in out and out["end"] < out["date"]:
        raise _fail("end_before_date", rid, "end")
    for name, check in (("signer", _check_signer), ("proof", _check_proof)):
        if record.get(name) is not None:
            if out["source"] != "professional":
                raise _fail("choice", rid, "source", expected="professional")
            out[name] = check(record[name], rid)
    if derive:
        out["id"] = content_record_id(out, id_key)  # type: ignore[arg-type]
    return out


def _check_signer(value: object, rid: str) -> dict:
    if not isinstance(value, Mapping) or set(value) != set(SIGNER_FIELDS):
        raise _fail("not_object", rid, "signer")
    out = {}
    for name in SIGNER_FIELDS:
        if name == "role":
            out[name] = _check_field(vocab.ROLES, value[name], rid, "signer.role")
        elif name == "fingerprint":
            if not isinstance(value[name], str) or not _FINGERPRINT.fullmatch(value[name]):
                raise _fail("not_text", rid, "signer.fingerprint")
            out[name] = value[name]
        else:
            out[name] = _check_text(value[name], rid, f"signer.{name}", MAX_SHORT, blank_ok=name == "place")
    return out


def _check_proof(value: object, rid: str) -> dict:
    """The shape of a proof; whether it verifies is share.carry's business at every share."""
    if not isinstance(value, Mapping) or set(value) != set(PROOF_FIELDS):
        raise _fail("not_object", rid, "proof")
    index = value["index"]
    if type(index) is not int or not 0 <= index < 256:
        raise _fail("not_object", rid, "proof.index")
    out: dict = {"index": index}
    for name in ("core", "signature", "salt"):
        text = value[name]
        if not isinstance(text, str) or len(text) > _MAX_PROOF or not _BASE64.fullmatch(text):
            raise _fail("not_text", rid, f"proof.{name}")
        out[name] = text
    return {name: out[name] for name in PROOF_FIELDS}


def validate_profile(profile: object) -> dict:
    """A complete profile (missing fields as ""), or InvalidRecord naming record "profile"."""
    if not isinstance(profile, Mapping):
        raise _fail("not_object", "profile", "-")
    unknown = sum(1 for name in profile if name not in PROFILE_FIELDS)
    if unknown:
        raise _unknown_fields(unknown, "profile", "profile", PROFILE_FIELDS)
    out = {}
    for name in PROFILE_FIELDS:
        value = profile.get(name)
        if value is None or value == "":
            out[name] = ""
        elif name == "birth_date":
            out[name] = _check_date(value, "profile", name)
        elif name == "name":
            # Whitespace collapsed; anything else a code could not carry is refused (docs/FORMAT.md §5.3).
            text = normalise_name(_check_text(value, "profile", name, MAX_SHORT, blank_ok=True))
            if not is_good_name(text):
                raise InvalidRecord("error.profile.bad_name", limit=MAX_NAME)
            out[name] = text
        else:
            out[name] = _check_text(value, "profile", name, MAX_SHORT, blank_ok=True)
    return out


def check_records_document(data: object, name: str = "") -> dict:
    """The import/export document's envelope: format, version and a records list.

    `name` (a file name) goes into the message; the records themselves are validated one by one
    by the importer, so that the ones before a bad record can be kept.
    """
    if not isinstance(data, Mapping) or data.get("format") != RECORDS_FORMAT:
        raise WalletError("error.wallet.import_format", path=name)
    version = data.get("version")
    if type(version) is int and version > 1:
        raise NewerFormat("error.wallet.import_newer", path=name, version=version)
    if version != 1 or not isinstance(data.get("records"), list):
        raise WalletError("error.wallet.import_format", path=name)
    if data.get("profile") is not None and not isinstance(data["profile"], Mapping):
        raise WalletError("error.wallet.import_format", path=name)
    return dict(data)
