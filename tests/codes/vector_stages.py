"""The stages of a code written out (docs/format/vectors/), a staged reader, and the expected read.

Three helpers for the public test vectors: `stages` splits a code text into every byte string
a second reader meets on the way (prefix, base45, header, raw part, deflated, body, signatures);
`failing_stage` reads a code one stage at a time and names the first stage that refuses it;
`expected_read` is what `infocards read --json` prints for a code at a given clock, with no
content pack loaded and a fresh key memory (the environment tests/codes/test_vectors.py gives
the real command).
"""

from __future__ import annotations

import json
import re
import tempfile
from datetime import datetime
from pathlib import Path

from infocards.codes.base45 import b45decode
from infocards.codes.binary import ByteReader, ByteWriter
from infocards.codes.link import is_link, link_to_code
from infocards.codes.note_code import NOTE_VERSION, open_note_code
from infocards.codes.packing import clean_text, decompress
from infocards.codes.signing import PUBLIC_KEY_SIZE, SIGNATURE_SIZE, verify
from infocards.codes.summary_code import NOTES_VERSION, VERSIONS, open_code
from infocards.errors import InfocardsError, InvalidCode, NotInfocardsCode
from infocards.reader.read import read_text

__all__ = ["STAGES", "expected_read", "failing_stage", "stages"]

# The order in which a reader meets the stages; a negative vector names the first that refuses it.
STAGES = (
    "link",  # a link whose fragment is not DIGITS (FORMAT.md §7): not an infocards code
    "digits",  # DIGITS of a bad length, or a chunk too large for its bytes
    "prefix",
    "base45",
    "header",
    "signature",
    "decompress",
    "body",
    "core_signature",
    "names",
    "lifetime",
    "clock",
    "expiry",
)
_PREFIX = re.compile(r"I([CN])(\d{1,3}):")


class _Refused(Exception):
    def __init__(self, stage: str, reason: str | None) -> None:
        super().__init__(stage)
        self.stage, self.reason = stage, reason


def _reason(exc: InfocardsError) -> str | None:
    return exc.params.get("reason") if isinstance(exc, InvalidCode) else None


def _split(text: str, out: dict, check: bool = True) -> dict:
    """Fill `out` with every part of a code, stage by stage; _Refused names the stage that fails.

    check=False splits without checking the signature (to write out a tampered code's parts)."""
    text = clean_text(text)
    match = _PREFIX.match(text)
    if match is None:
        raise _Refused("prefix", None)
    kind, version = match.group(1), int(match.group(2))
    out["prefix"] = match.group(0)
    known = (NOTE_VERSION,) if kind == "N" else VERSIONS
    if version not in known or match.group(2) != str(version):
        raise _Refused("prefix", "prefix" if version in known else None)
    out["base45"] = text[match.end() :]
    try:
        data = b45decode(out["base45"])
    except InvalidCode as exc:
        raise _Refused("base45", _reason(exc)) from None
    signatures = 2 if kind == "N" else 1
    if len(data) < 5 + 1 + PUBLIC_KEY_SIZE + signatures * SIGNATURE_SIZE + (kind == "N") or data[0] != version:
        raise _Refused("header", "too short")
    out["signed"], out["signature"] = data[:-SIGNATURE_SIZE], data[-SIGNATURE_SIZE:]
    inner = out["signed"][:-SIGNATURE_SIZE] if kind == "N" else out["signed"]
    src = ByteReader(inner)
    try:
        src.raw(5)
        lifetime = ByteWriter()
        lifetime.uint(src.uint())
        public_key = src.raw(PUBLIC_KEY_SIZE)
    except InvalidCode as exc:
        raise _Refused("header", _reason(exc)) from None
    out["header"] = inner[: 5 + len(lifetime.getvalue()) + PUBLIC_KEY_SIZE]
    if check and not verify(public_key, out["prefix"].encode("ascii") + out["signed"], out["signature"]):
        raise _Refused("signature", "signature")
    try:
        if kind == "N" or version == NOTES_VERSION:
            out["raw"] = src.raw(src.uint())
    except InvalidCode as exc:
        raise _Refused("body", _reason(exc)) from None
    out["deflated"] = src.rest()
    if kind == "N":
        out["core_signature"] = out["signed"][-SIGNATURE_SIZE:]
    try:
        out["body"] = decompress(out["deflated"])
    except InvalidCode as exc:
        raise _Refused("decompress", _reason(exc)) from None
    return out


def _unlinked(text: str) -> tuple[dict, str | None]:
    """A link's own stages (address, fragment, the text form it spells) and that text form;
    ({}, text) for a text that is no link, (stages, None) when the link spells no text form."""
    if not is_link(text):
        return {}, text
    address, _, fragment = clean_text(text).partition("#")
    out = {"link_address": address + "#", "fragment": fragment}
    try:
        out["text"] = link_to_code(text)
    except (InvalidCode, NotInfocardsCode):
        return out, None
    return out, out["text"]


def stages(text: str) -> dict:
    """The stages of a code text or link, bytes in hex: as many as can be split (signature not checked)."""
    out, spelled = _unlinked(text)
    parts: dict = {}
    try:
        if spelled is not None:
            _split(spelled, parts, check=False)
    except _Refused:
        pass  # a broken code: the stages before the break
    for name in ("prefix", "base45"):
        if name in parts:
            out[name] = parts[name]
    for name in ("header", "raw", "body", "deflated", "signed", "core_signature", "signature"):
        if name in parts:
            out[f"{name}_hex"] = parts[name].hex()
    out["code"] = text
    return out


def failing_stage(text: str, now: datetime) -> tuple[str | None, str | None]:
    """(stage, reason) of the first stage that refuses the code or link; ("expiry", None) for an
    expired code; (None, None) for a valid one."""
    if is_link(text):
        try:
            text = link_to_code(text)
        except NotInfocardsCode:
            return "link", None
        except InvalidCode as exc:
            return "digits", _reason(exc)
    parts: dict = {}
    try:
        _split(text, parts)
    except _Refused as refused:
        return refused.stage, refused.reason
    try:
        if parts["prefix"].startswith("IN"):
            open_note_code(text)
        else:
            open_code(text)
    except InvalidCode as exc:
        reason = _reason(exc)
        if reason in ("patient name", "signer name"):
            return "names", reason  # docs/FORMAT.md §5.3: after the body and every signature
        return ("core_signature" if reason == "signature" else "body"), reason
    result = read_text(text, now)
    if result.status == "invalid":
        reason = _reason(result.error)
        return ("lifetime" if reason == "lifetime over 30 days" else "clock"), reason
    return ("expiry", None) if result.status == "expired" else (None, None)


def expected_read(text: str, now: datetime) -> dict:
    """What `infocards read CODE --json` prints at `now` (English, no packs, a fresh key memory)."""
    from infocards.content.trust import TrustList
    from infocards.reader.key_memory import KeyMemory
    from infocards.reader.signed_view import note_json
    from infocards.reader.view import build_view

    result = read_text(text, now)
    trust = TrustList() if result.shows_data else None
    if result.is_note:
        data = note_json(result, "en", trust)
    else:
        data = build_view(result, "en", lambda _card: None, trust=trust).to_json()
        summary = result.summary
        if summary is not None and summary.name and result.fingerprint and result.status != "invalid":
            with tempfile.TemporaryDirectory() as folder:
                data["key_seen"] = KeyMemory(Path(folder) / "keys.json").seen(
                    summary.name, summary.birth_date, result.fingerprint
                )
    # through JSON, exactly as the command prints it (tuples become lists, times strings)
    return json.loads(json.dumps(data, ensure_ascii=False))
