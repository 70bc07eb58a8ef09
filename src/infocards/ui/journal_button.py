"""The clinician view's "Kopiér til journalen": the journal text of a valid code on the clipboard.

The text is reader/journal.py's, the same as `infocards read --journal` and the static reader's
button give. The copy runs in the client inside the tap (ft.CopyToClipboard), which is the only
time a browser such as Safari lets a page write to the clipboard; the tap then says it was copied.
"""

from __future__ import annotations

from datetime import UTC, datetime

import flet as ft

from infocards.i18n import t
from infocards.reader.journal import journal_lines
from infocards.ui.widgets import TOUCH_HEIGHT, labelled

__all__ = ["journal_button"]


def journal_button(result_view) -> ft.Control | None:
    """The button and its "copied" line for a valid summary's view; None for any other."""
    lang = result_view.lang
    lines = journal_lines(result_view.to_json(), lang, datetime.now(UTC))
    if lines is None:
        return None
    said = ft.Text("", size=15, weight=ft.FontWeight.W_600)

    async def copied(_event) -> None:
        said.value = t("journal.copied", lang)
        said.update()

    button = ft.OutlinedButton(
        content=ft.Text(t("journal.copy", lang), size=18),
        icon=ft.Icons.CONTENT_COPY,
        action=ft.CopyToClipboard("\n".join(lines)),
        on_click=copied,
        height=TOUCH_HEIGHT,
    )
    return ft.Column([labelled(button, "reader-journal"), labelled(said, "reader-journal-copied", live=True)],
                     spacing=4, horizontal_alignment=ft.CrossAxisAlignment.START)
