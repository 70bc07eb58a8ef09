"""The wire formats and nothing else: summary codes (IC1, IC2), note codes (IN1), their links, QR out and in.

Specified in docs/FORMAT.md; docs/format/vectors/ is the contract that every reader passes.
Imports only the base (errors, vocab, the record schema): never the wallet, the content, the
sharing side, the reader, the UI or the CLI.
"""

from infocards.codes.carried import CarriedNote
from infocards.codes.link import code_to_link, link_to_code
from infocards.codes.note_code import Binding, Note, NoteCore, Signer, make_note, make_note_code, open_note_code
from infocards.codes.payload import ENTRY_FIELDS, Summary
from infocards.codes.qr_in import decode_image, load_image
from infocards.codes.qr_out import MAX_VERSION, png_bytes, qr_version, write_png
from infocards.codes.sections import SECTION_KEYS, VIEW_SECTION_KEYS, parse_sections
from infocards.codes.signing import SigningKey, fingerprint, verify
from infocards.codes.summary_code import OpenedCode, make_code, open_code

__all__ = [
    "ENTRY_FIELDS",
    "MAX_VERSION",
    "SECTION_KEYS",
    "VIEW_SECTION_KEYS",
    "Binding",
    "CarriedNote",
    "Note",
    "NoteCore",
    "OpenedCode",
    "Signer",
    "SigningKey",
    "Summary",
    "code_to_link",
    "decode_image",
    "fingerprint",
    "link_to_code",
    "load_image",
    "make_code",
    "make_note",
    "make_note_code",
    "open_code",
    "open_note_code",
    "parse_sections",
    "png_bytes",
    "qr_version",
    "verify",
    "write_png",
]
