"""Issue 17 items 1, 3 and 9 in the app's flet-free parts: the wallet timeline says whether a
received note's key is on a list and whether the note named no patient; the note form refuses a
date a code cannot carry, in words."""

from infocards.content.trust import TrustedKey, TrustList
from infocards.notes.receive import entry_ids
from infocards.share.carry import record_standing, stored_records, unbound_entries
from infocards.ui.views.note_write import DEFAULTS, draft_records
from infocards.ui.views.wallet import _source_line
from tests.share.notes import note_for


def _received(profile, seed, bound):
    note, _code = note_for(profile, seed, bound=bound)
    ids = entry_ids(note)
    return note, stored_records(note, lambda index: ids[index])


def test_the_timeline_says_key_not_on_a_list_and_marks_a_note_for_anyone(share_course, share_seed):
    from infocards.codes.signing import SigningKey

    profile = share_course["profile"]
    _note, anyone = _received(profile, share_seed, bound=False)
    other, bound = _received(profile, share_seed, bound=True)
    records = [*anyone, *bound]
    standing = record_standing(records, profile, SigningKey(share_seed).public_bytes)
    unbound = unbound_entries(records)
    assert unbound == {r["id"] for r in anyone}
    for record in anyone:
        line = _source_line(record, standing, {}, "da", TrustList(), unbound)
        assert "nøglen står ikke på en liste" in line and "Ikke skrevet til en bestemt patient" in line
    # The list is named by its pack's kind, region and publisher, never by the pack's own name.
    listing = TrustedKey(other.signer.fingerprint, "Mette Hansen", "physiotherapist", "Klinik", "Region Sjælland",
                         kind="municipality", region="syddanmark", publisher="Middelfart Kommune")
    for record in bound:
        line = _source_line(record, standing, {}, "en", TrustList([listing]), unbound)
        assert "a municipal pack in Region of Southern Denmark, published by Middelfart Kommune" in line
        assert "Region Sjælland" not in line and "particular patient" not in line


def test_the_note_form_refuses_a_date_before_1900_in_words():
    values = {**DEFAULTS, "date": "31.12.1899", "role": "physiotherapist", "finding_text": "SLR negativ"}
    records, problem = draft_records(values, "Fysio", "da")
    assert records == [] and problem == "Datoen skal ligge fra 1.1.1900 og frem."
