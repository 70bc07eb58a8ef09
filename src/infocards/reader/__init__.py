"""Reading any code (a summary or a note) to a status, for the clinician: key memory, trust, the view.

read_text(text) or read_image(image) -> ReadResult; build_view(result, lang) -> ClinicianView for
the screen, render_text(view) for a terminal; KeyMemory remembers which key each patient used.
"""

from infocards.reader.entries import ViewEntry, role_card
from infocards.reader.journal import journal_lines, journal_text
from infocards.reader.key_memory import KeyMemory, default_keys_path
from infocards.reader.read import STATUS_EXIT_CODES, STATUSES, ReadResult, read_image, read_text
from infocards.reader.view import ClinicianView, ViewSection, build_view, render_text

__all__ = [
    "STATUSES",
    "STATUS_EXIT_CODES",
    "ClinicianView",
    "KeyMemory",
    "ReadResult",
    "ViewEntry",
    "ViewSection",
    "build_view",
    "default_keys_path",
    "journal_lines",
    "journal_text",
    "read_image",
    "read_text",
    "render_text",
    "role_card",
]
