"""Sharing: the patient's summary as one signed, expiring QR code, and the clinician's reader.

Share side (UI and CLI): issue_share(wallet, sections, to_role=..., lifetime=...) -> IssuedShare
(.text, .version, .png(), .omitted_note(lang)); it logs the share in the wallet.
Reader side: read_text(text) or read_image(load_image(path) or a PIL image) -> ReadResult, then
build_view(result, lang) -> ClinicianView for the screen, render_text(view) for a terminal.
"""

from infocards.share.issue import IssuedShare, default_lifetime, issue_from_records, issue_share, log_issued
from infocards.share.qr_in import decode_image, load_image
from infocards.share.qr_out import MAX_VERSION, png_bytes, write_png
from infocards.share.reader import STATUS_EXIT_CODES, STATUSES, ReadResult, read_image, read_text
from infocards.share.sections import SECTION_KEYS, VIEW_SECTION_KEYS, parse_sections
from infocards.share.view import ClinicianView, ViewEntry, ViewSection, build_view, render_text, role_card

__all__ = [
    "MAX_VERSION",
    "SECTION_KEYS",
    "STATUSES",
    "STATUS_EXIT_CODES",
    "VIEW_SECTION_KEYS",
    "ClinicianView",
    "IssuedShare",
    "ReadResult",
    "ViewEntry",
    "ViewSection",
    "build_view",
    "decode_image",
    "default_lifetime",
    "issue_from_records",
    "issue_share",
    "load_image",
    "log_issued",
    "parse_sections",
    "png_bytes",
    "read_image",
    "read_text",
    "render_text",
    "role_card",
    "write_png",
]
