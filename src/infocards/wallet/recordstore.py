"""The records side of an open wallet: profile, device key, records, import/export, share log.

A mixin of `Wallet` (service.py), which supplies `_guard()` (the lock and the closed check),
`_db`, `_records`, `_index` and `_id_key`. Every change is saved durably before the call returns.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime

from tinydb import where

from infocards import vocab
from infocards.errors import CorruptWallet, InvalidRecord, RecordNotFound
from infocards.records import (
    RECORDS_FORMAT,
    check_records_document,
    record_sort_key,
    validate_profile,
    validate_record,
)
from infocards.sealed import SecretBytes

__all__ = ["RecordsMixin"]


class RecordsMixin:
    """Reading and changing what the wallet holds."""

    # -- profile, device -------------------------------------------------------------------

    @property
    def profile(self) -> dict:
        with self._guard():
            return dict(self._db.table("profile").get(doc_id=1) or {})

    def set_profile(self, profile: dict) -> None:
        clean = validate_profile(profile)
        with self._guard():
            self._db.table("profile").update(_replace_with(clean), doc_ids=[1])

    def signing_seed(self) -> bytes:
        """The device's 32-byte Ed25519 private seed (bytes with a redacted repr)."""
        with self._guard():
            device = self._db.table("device").get(doc_id=1)
            if device is None:
                raise CorruptWallet()
            return SecretBytes(base64.b64decode(device["signing_seed"]))

    # -- records ---------------------------------------------------------------------------

    def records(self, type: str | None = None) -> list[dict]:
        with self._guard():
            found = [dict(doc) for doc in self._records.all() if type is None or doc["type"] == type]
        return sorted(found, key=record_sort_key)

    def get(self, record_id: str) -> dict:
        with self._guard():
            doc_id = self._index.get(record_id)
            if doc_id is None:
                raise RecordNotFound(record=record_id)
            return dict(self._records.get(doc_id=doc_id))

    def add(self, record: dict) -> str:
        """Validate, assign an id if missing, save durably; InvalidRecord for a taken id."""
        clean = validate_record(record, assign_id=True)
        with self._guard():
            if clean["id"] in self._index:
                raise InvalidRecord("error.wallet.invalid_record.duplicate", record=clean["id"], field="id")
            self._index[clean["id"]] = self._records.insert(clean)
        return clean["id"]

    def put(self, record: dict) -> tuple[str, bool]:
        """Add, or replace the record with the same id (import semantics): (id, replaced).

        A record without an id gets one derived from its content, so importing it again
        replaces it instead of adding a copy.
        """
        clean = validate_record(record, id_key=self._id_key)
        with self._guard():
            doc_id = self._index.get(clean["id"])
            if doc_id is None:
                self._index[clean["id"]] = self._records.insert(clean)
                return clean["id"], False
            clean = _keep_provenance(dict(self._records.get(doc_id=doc_id)), clean)
            if dict(self._records.get(doc_id=doc_id)) != clean:
                self._records.update(_replace_with(clean), doc_ids=[doc_id])
            return clean["id"], True

    def put_many(self, records: Iterable[dict]) -> list[tuple[str, bool]]:
        """put() for many records at once: all validated first, then at most two saves."""
        cleaned = {}
        for record in records:
            clean = validate_record(record, id_key=self._id_key)
            cleaned[clean["id"]] = clean
        with self._guard():
            replaced = {
                rid: _keep_provenance(dict(self._records.get(doc_id=self._index[rid])), doc)
                for rid, doc in cleaned.items()
                if rid in self._index
            }
            new = [doc for rid, doc in cleaned.items() if rid not in self._index]
            if replaced:
                self._records.update_multiple(
                    [(_replace_with(doc), where("id") == rid) for rid, doc in replaced.items()]
                )
            if new:
                for doc, doc_id in zip(new, self._records.insert_multiple(new), strict=True):
                    self._index[doc["id"]] = doc_id
        return [(rid, rid in replaced) for rid in cleaned]

    def update(self, record_id: str, changes: dict) -> dict:
        """Change some fields (None removes an optional one); returns the updated record."""
        with self._guard():
            current = self.get(record_id)
            merged = {**current, **changes}
            merged = {k: v for k, v in merged.items() if v is not None}
            if merged.get("id") != record_id:
                raise InvalidRecord("error.wallet.invalid_record.id_change", record=record_id, field="id")
            clean = validate_record(merged)
            self._records.update(_replace_with(clean), doc_ids=[self._index[record_id]])
            return dict(clean)

    def delete(self, record_id: str) -> None:
        with self._guard():
            doc_id = self._index.get(record_id)
            if doc_id is None:
                raise RecordNotFound(record=record_id)
            self._records.remove(doc_ids=[doc_id])
            del self._index[record_id]

    def timeline(self) -> list[tuple[str, list[dict]]]:
        """[("2026-10", records of that month)], newest month first, records newest first."""
        months: dict[str, list[dict]] = {}
        for record in sorted(self.records(), key=record_sort_key, reverse=True):
            months.setdefault(record["date"][:7], []).append(record)
        return list(months.items())

    # -- import and export -----------------------------------------------------------------

    def import_data(self, data: dict) -> list[tuple[str, bool]]:
        """Import a document in the DESIGN format (profile and records) in one go.

        All records are validated before anything is saved; returns put()'s (id, replaced) pairs.
        The CLI imports record by record instead, to print each id once it is saved.
        """
        document = check_records_document(data)
        profile = document.get("profile")
        clean_profile = validate_profile(profile) if profile is not None else None
        result = self.put_many(document["records"])
        if clean_profile is not None and clean_profile != self.profile:
            self.set_profile(clean_profile)
        return result

    def export_data(self) -> dict:
        return {
            "format": RECORDS_FORMAT,
            "version": 1,
            "profile": self.profile,
            "records": self.records(),
        }

    # -- share log -------------------------------------------------------------------------

    def log_share(
        self, role: str, sections: Sequence[str], issued_at: datetime, expires_at: datetime
    ) -> None:
        if role not in vocab.ROLES:
            raise InvalidRecord("error.wallet.invalid_record.choice", record="share", field="role",
                                expected=", ".join(vocab.ROLES))
        if isinstance(sections, str) or not all(isinstance(s, str) and 0 < len(s) <= 40 for s in sections):
            raise InvalidRecord("error.wallet.invalid_record.not_text", record="share", field="sections")
        entry = {
            "date": _iso_utc(issued_at),
            "role": role,
            "sections": list(sections),
            "expires": _iso_utc(expires_at),
        }
        with self._guard():
            self._db.table("shares").insert(entry)

    def share_log(self) -> list[dict]:
        with self._guard():
            entries = [dict(doc, sections=list(doc["sections"])) for doc in self._db.table("shares").all()]
        return sorted(entries, key=lambda e: e["date"])


def _keep_provenance(current: dict, incoming: dict) -> dict:
    """An edit of a received entry keeps who wrote it: the stored signer and proof stay with it.

    Every way a record is replaced (the app's form, an import, the CLI) comes through here, so
    a professional's entry changed by the patient keeps its signature beside the new content;
    share.carry then finds that the content no longer matches the signed digest and shows it as
    "changed by the patient", naming who wrote it. Only an incoming record with a proof of its
    own (a note received again) replaces the proof.
    """
    if "proof" not in current or "proof" in incoming:
        return incoming
    kept = {**incoming, "source": current["source"], "proof": current["proof"]}
    if "signer" in current:
        kept["signer"] = current["signer"]
    return validate_record(kept)


def _replace_with(clean: dict) -> Callable[[dict], None]:
    """A TinyDB update that replaces the whole document (update() alone merges fields)."""

    def replace(doc: dict) -> None:
        doc.clear()
        doc.update(clean)

    return replace


def _iso_utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")
