"""The hand-back: a professional's clinic key, and the patient's wallet receiving a signed note.

The note code itself is infocards.codes' (make_note, make_note_code, open_note_code).
"""

from infocards.notes.clinic_key import ClinicKey, create_clinic_key, open_clinic_key, read_signer
from infocards.notes.receive import ReceivedNote, checked_note, receive_note, received_standing, wallet_standing

__all__ = [
    "ClinicKey",
    "ReceivedNote",
    "checked_note",
    "create_clinic_key",
    "open_clinic_key",
    "read_signer",
    "receive_note",
    "received_standing",
    "wallet_standing",
]
