"""Editing a professional's signed entry keeps who wrote it, and the change shows everywhere.

Issue 19, bug 1: the app's edit form replaced a received entry with a new record without its
signature, so the timeline lost the signer and the next reader saw "reported by the patient
(from a professional, according to the patient)" instead of "changed by the patient". Every way
a record is replaced (the form's put, an import, update) now keeps the signer and proof.
"""

from datetime import timedelta

from infocards.notes.receive import receive_note, received_standing, wallet_standing
from infocards.reader.read import read_text
from infocards.share.issue import issue_share
from tests.share.notes import NOW, note_for


def _received(share_course, wallet_factory):
    wallet, _code = wallet_factory(profile=share_course["profile"], records=share_course["records"])
    note, _ = note_for(share_course["profile"], wallet.signing_seed())
    return wallet, note, receive_note(wallet, note)


def _as_the_form_saves(stored: dict, **changes) -> dict:
    """What ui/views/record_form.py hands the wallet: the form's fields, type, source and id."""
    fields = {k: v for k, v in stored.items() if k not in ("signer", "proof")}
    return {**fields, **changes}


def test_the_forms_edit_keeps_the_signer_and_the_change_shows(share_course, wallet_factory):
    wallet, note, saved = _received(share_course, wallet_factory)
    first = saved.ids[0]
    wallet.put(_as_the_form_saves(wallet.get(first), text="Something the patient wrote"))
    stored = wallet.get(first)
    assert stored["text"] == "Something the patient wrote"
    assert stored["source"] == "professional" and "proof" in stored and "signer" in stored
    assert received_standing(wallet)[first] is None  # no longer held by the signature
    assert wallet_standing(wallet)[1] == {first: note.signer}  # and who wrote it is still known


def test_an_import_without_the_proof_keeps_it_too(share_course, wallet_factory):
    wallet, note, saved = _received(share_course, wallet_factory)
    second = saved.ids[1]
    exported = wallet.export_data()
    for record in exported["records"]:
        if record["id"] == second:
            record.pop("proof")
            record.pop("signer")
            record["what"] = "Exercise once a week"
    wallet.import_data(exported)
    assert "proof" in wallet.get(second)
    assert wallet_standing(wallet)[1] == {second: note.signer}


def test_a_note_received_again_after_an_edit_does_not_undo_the_edit(share_course, wallet_factory):
    wallet, note, saved = _received(share_course, wallet_factory)
    wallet.put(_as_the_form_saves(wallet.get(saved.ids[0]), text="The patient's words"))
    again = receive_note(wallet, note)
    assert again.new_ids == () and wallet.get(saved.ids[0])["text"] == "The patient's words"


def test_the_next_reader_sees_changed_by_the_patient(share_course, wallet_factory):
    wallet, _note, saved = _received(share_course, wallet_factory)
    wallet.put(_as_the_form_saves(wallet.get(saved.ids[0]), text="The patient's words"))
    share = issue_share(wallet, lifetime=timedelta(minutes=30), now=NOW, log=False)
    result = read_text(share.text, now=NOW + timedelta(minutes=1))
    entries = [e for items in result.summary.entries.values() for e in items]
    changed = [e for e in entries if e.get("changed")]
    assert [e.get("text") for e in changed] == ["The patient's words"]
    assert all(e["source"] == "patient" for e in changed)
