"""The clinician view: read a QR summary by camera, photo or pasted text; then the result first.

Once a code is read the input folds into one button ("Read a new code") and the first screen
holds what a clinician needs in 30 seconds: the status, who the patient is, the key, then red
flags and diagnoses. From about 900 px wide the sections stand in two columns.
"""

from __future__ import annotations

import asyncio
import io
from dataclasses import replace
from datetime import UTC, datetime

import flet as ft
from PIL import Image, UnidentifiedImageError

from infocards.errors import NotInfocardsCode
from infocards.i18n import t
from infocards.reader import ReadResult, build_view, read_image
from infocards.reader.read import read_pasted
from infocards.reader.readable import readable_date, readable_moment
from infocards.ui.camera import take_picture
from infocards.ui.clinic_session import clinic_of
from infocards.ui.journal_button import journal_button
from infocards.ui.signed_entry import key_warning, source_line
from infocards.ui.widgets import TOUCH_HEIGHT, app_bar, big_button, heading, labelled, secondary_button

__all__ = ["LEFT_SECTIONS", "WIDE", "view"]

# Background, text colour and icon per status; every pair has a contrast of at least 4.5:1, and the
# icon and the words say the same as the colour.
STATUS_COLOURS = {
    "valid": (ft.Colors.GREEN_800, ft.Colors.WHITE, ft.Icons.VERIFIED),
    "expired": (ft.Colors.AMBER_400, ft.Colors.BLACK, ft.Icons.SCHEDULE),
    "invalid": (ft.Colors.RED_700, ft.Colors.WHITE, ft.Icons.GPP_BAD),
    "not_infocards": (ft.Colors.GREY_700, ft.Colors.WHITE, ft.Icons.HELP_OUTLINE),
}
# The sections' row breaks into two columns from this width of the row (a window of about 900 px
# less the view's padding); the left column holds what decides today's care.
WIDE = 860
LEFT_SECTIONS = ("red_flags", "diagnoses", "findings", "imaging")
_BREAKPOINTS = {"xs": 0, "wide": WIDE}
_HALF = {"xs": 12, "wide": 6}
_QUIET = ft.Colors.ON_SURFACE_VARIANT


def _status_banner(result_view) -> ft.Control:
    colour, ink, icon = STATUS_COLOURS[result_view.status]
    lines = [ft.Text(result_view.status_label, size=22, weight=ft.FontWeight.BOLD, color=ink)]
    if result_view.message:
        lines.append(ft.Text(result_view.message, size=16, color=ink))
    banner = ft.Container(
        ft.Row([ft.Icon(icon, color=ink, size=40), ft.Column(lines, expand=True, spacing=4)]),
        bgcolor=colour, padding=16, border_radius=12,
    )
    return labelled(banner, "reader-status")


def _link(text: str, target: str, nav, size: int = 16) -> ft.Control:
    """A card's name as the link to it: the headline and the touch target in one."""

    async def open_card(_event) -> None:
        await nav.go(f"/card/{target}")

    return ft.TextButton(
        content=ft.Text(text, size=size, weight=ft.FontWeight.W_600),
        icon=ft.Icons.ARTICLE_OUTLINED,
        on_click=open_card,
        style=ft.ButtonStyle(padding=ft.Padding.symmetric(horizontal=4), alignment=ft.Alignment.CENTER_LEFT),
        height=TOUCH_HEIGHT - 8,
    )


def _entry_tile(state, nav, entry, section_key: str) -> ft.Control:
    lang = state.lang
    # Diagnoses link from their own name to their card; in "who is involved" the role links to its card.
    target = entry.card if entry.card_title else (entry.role_card if section_key == "involved" else None)
    if target and state.card(target):
        title = _link(entry.title, target, nav)
    else:
        title = ft.Text(entry.title, size=16, weight=ft.FontWeight.W_600)
    lines = [title, *(ft.Text(detail, size=15) for detail in entry.details if detail)]
    role = entry.role_label if section_key != "involved" else None
    meta = " · ".join(part for part in (readable_date(entry.date, lang), role) if part)
    if meta:
        lines.append(ft.Text(meta, size=13, italic=True, color=_QUIET))
    lines.append(source_line(entry, lang))  # hand-back: a professional's signature stands apart
    return ft.Container(ft.Column(lines, spacing=2), padding=ft.Padding.only(left=8, top=4, bottom=4),
                        border=ft.Border.only(left=ft.BorderSide(3, ft.Colors.OUTLINE_VARIANT)))


def _section(state, nav, section) -> ft.Control:
    block = [heading(section.title, 2)]
    block += [_entry_tile(state, nav, entry, section.key) for entry in section.entries]
    if not section.entries:
        block.append(labelled(ft.Text(section.empty_text, size=15, italic=True), f"reader-empty-{section.key}"))
    return labelled(ft.Column(block, spacing=8), f"reader-section-{section.key}")


def _header(state, result_view) -> list[ft.Control]:
    """Who the patient is and what the code is: the lines above the sections."""
    lang = state.lang
    patient = result_view.patient_line() or t("reader.ui.no_name", lang)
    controls: list[ft.Control] = [
        # The key first, as large as the name and in a box of its own: it is what tells one
        # patient's phone from another's, and nothing in the name can move it or paint another.
        labelled(ft.Container(ft.Text(t("reader.ui.fingerprint", lang, fingerprint=result_view.fingerprint or ""),
                                      size=22, weight=ft.FontWeight.BOLD),
                              border=ft.Border.all(2, ft.Colors.OUTLINE), border_radius=8, padding=8),
                 "reader-key"),
        # The name on one line (a code's name holds no line break; a long one is cut, never wrapped).
        ft.Semantics(content=ft.Text(patient, size=28, weight=ft.FontWeight.BOLD, max_lines=1, no_wrap=True,
                                     overflow=ft.TextOverflow.ELLIPSIS, tooltip=patient),
                     header=True, heading_level=1, identifier="reader-patient"),
    ]
    warning = key_warning(state, result_view)
    if warning is not None:
        controls.append(warning)
    facts = []
    if result_view.expires_at:
        facts.append(t("reader.ui.expires", lang, time=readable_moment(result_view.expires_at, lang)))
    if result_view.shown_to_label:
        facts.append(t("reader.ui.shown_to", lang, role=result_view.shown_to_label))
    if facts:
        controls.append(ft.Text(" · ".join(facts), size=14, color=_QUIET))
    for line, identifier in ((result_view.period_line(), "reader-period"),
                             (result_view.not_shared_line(), "reader-not-shared")):
        if line:
            controls.append(labelled(ft.Text(line, size=15, weight=ft.FontWeight.W_600), identifier))
    if result_view.omitted_note:
        controls.append(labelled(ft.Text(result_view.omitted_note, size=15, italic=True), "reader-omitted"))
    return controls


def _result(state, nav, result_view) -> list[ft.Control]:
    controls: list[ft.Control] = [_status_banner(result_view)]
    if result_view.name is None:
        return controls
    controls += _header(state, result_view)
    copy = journal_button(result_view)  # a valid code only: what the professional pastes into the record
    if copy is not None:
        controls.append(copy)
    left: list[ft.Control] = []
    right: list[ft.Control] = []
    if "red_flags" in result_view.not_shared:
        # The one section whose absence must never pass unnoticed: said where it would stand.
        left.append(labelled(ft.Column([heading(t("share.view.red_flags", state.lang), 2),
                                        ft.Text(t("share.reader.red_flags_not_shared", state.lang), size=15,
                                                weight=ft.FontWeight.W_600)], spacing=8),
                             "reader-section-red_flags"))
    for section in result_view.sections:
        (left if section.key in LEFT_SECTIONS else right).append(_section(state, nav, section))
    controls.append(ft.ResponsiveRow(
        [ft.Column(left, spacing=18, col=_HALF), ft.Column(right, spacing=18, col=_HALF)],
        breakpoints=_BREAKPOINTS, spacing=24, run_spacing=18,
    ))
    return controls


def _aged(result):
    """A result read earlier, with "valid" turned "expired" if its code has expired since."""
    if result.status == "valid" and result.expires_at and result.expires_at <= datetime.now(UTC):
        return replace(result, status="expired")
    return result


def view(state, nav) -> ft.View:
    lang = state.lang
    results = ft.Column(spacing=14, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
    pasted = ft.TextField(label=t("reader.ui.paste_label", lang), multiline=True, min_lines=2, max_lines=5,
                          text_size=15)
    busy = ft.ProgressBar(visible=False)
    camera_box = ft.Container(visible=False, height=320)

    def card_title(card_id: str) -> str | None:
        card = state.card(card_id)
        return card.title if card else None

    def fold_input(folded: bool) -> None:
        """After a read the input is one button; "Read a new code" and "Clear" open it again."""
        inputs.visible = not folded
        new_code.visible = folded

    async def to_top() -> None:
        await screen.scroll_to(offset=0)

    async def show(result) -> None:
        # Kept for the session, so following a card link and coming Back (or switching language)
        # does not lose what was read; "Clear" forgets it.
        state.last_read = result
        view = build_view(result, lang, card_title, trust=clinic_of(state).trust())
        results.controls = [*_result(state, nav, view), clear_button]
        # A code that shows nothing leaves the input open, with what was pasted, to try again.
        fold_input(result.shows_data)
        offer_note()
        screen.update()
        if result.shows_data:
            await to_top()

    async def clear(_event) -> None:
        state.last_read = None
        results.controls = []
        pasted.value = ""
        fold_input(False)
        offer_note()
        screen.update()
        await to_top()

    async def read_new(_event) -> None:
        # A new read starts from an empty screen: the previous patient's summary goes now.
        state.last_read = None
        results.controls = []
        pasted.value = ""
        fold_input(False)
        screen.update()
        await to_top()

    clear_button = secondary_button(t("reader.ui.clear", lang), clear, "reader-clear", icon=ft.Icons.CLEAR)
    new_code = secondary_button(t("reader.ui.new_code", lang), read_new, "reader-new", icon=ft.Icons.QR_CODE_SCANNER)

    async def read_paste(_event) -> None:
        # Capped, then decoded in a worker thread: a huge paste never stalls other visitors.
        await show(await asyncio.to_thread(read_pasted, pasted.value or ""))

    async def read_bytes(data: bytes) -> None:
        busy.visible = True
        busy.update()
        try:
            image = await asyncio.to_thread(lambda: Image.open(io.BytesIO(data)))
            result = await asyncio.to_thread(read_image, image, client=state.client or None)
        except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
            # Not a picture at all, or one too large to be a photo of a code.
            result = ReadResult("not_infocards", error=NotInfocardsCode("reader.ui.not_an_image"))
        finally:
            busy.visible = False
            busy.update()
        await show(result)

    async def pick_photo(_event) -> None:
        files = await ft.FilePicker().pick_files(
            dialog_title=t("reader.ui.photo", lang), file_type=ft.FilePickerFileType.IMAGE, with_data=True
        )
        if files and files[0].bytes:
            await read_bytes(files[0].bytes)

    async def scan(_event) -> None:
        picture = await take_picture(camera_box)  # None: no permission, or the camera would not start
        if not picture:
            no_camera = ft.Text(t("reader.ui.no_camera", lang), size=16)
            results.controls = [labelled(no_camera, "reader-no-camera", live=True)]
            results.update()
            return
        await read_bytes(picture)

    async def write_note(_event) -> None:  # hand-back: ui/views/note_write.py, bound to the summary read
        state.drafts.setdefault("/reader/note", {})["for_anyone"] = False
        await nav.go("/reader/note")

    async def note_for_anyone(_event) -> None:  # chosen by name: a note that names no patient
        state.drafts.setdefault("/reader/note", {})["for_anyone"] = True
        await nav.go("/reader/note")

    inputs = ft.Column([
        heading(t("reader.ui.heading", lang), 1, identifier="reader-heading"),
        ft.Text(t("reader.ui.explain", lang), size=16),
        big_button(t("reader.ui.scan", lang), scan, "reader-scan", icon=ft.Icons.QR_CODE_SCANNER),
        secondary_button(t("reader.ui.photo", lang), pick_photo, "reader-photo", icon=ft.Icons.IMAGE_OUTLINED),
        labelled(pasted, "reader-paste"),
        secondary_button(t("reader.ui.read", lang), read_paste, "reader-read", icon=ft.Icons.CHECK),
        camera_box,
    ], spacing=14, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
    fold_input(False)
    if state.last_read is not None:
        aged = build_view(_aged(state.last_read), lang, card_title, trust=clinic_of(state).trust())
        results.controls = [*_result(state, nav, aged), clear_button]
        fold_input(state.last_read.shows_data)

    # The input reads best as a narrow column; the result uses the width of a clinic's screen.
    narrow = ft.ResponsiveRow([ft.Column([inputs], col={"xs": 12, "wide": 8})],
                              breakpoints=_BREAKPOINTS, alignment=ft.MainAxisAlignment.CENTER)
    # "Write a note" only once a summary has been read in this session; before that, only a note
    # for anyone, chosen by name (issue 17, item 1).
    write = secondary_button(t("note.ui.write", lang), write_note, "reader-write-note", icon=ft.Icons.EDIT_NOTE)
    anyone = secondary_button(t("note.ui.for_anyone_button", lang), note_for_anyone, "reader-note-anyone",
                              icon=ft.Icons.PERSON_OFF_OUTLINED)
    offers = ft.Column([write, anyone], horizontal_alignment=ft.CrossAxisAlignment.STRETCH)

    def offer_note() -> None:
        read = state.last_read
        write.visible = read is not None and read.summary is not None
        anyone.visible = not write.visible

    offer_note()
    body = ft.Column([narrow, new_code, busy, labelled(results, "reader-results", live=True), offers], spacing=14,
                     horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
    screen = ft.View(
        route="/reader",
        appbar=app_bar(state, nav, t("reader.ui.title", lang)),
        controls=[ft.ResponsiveRow([ft.Container(body, col={"xs": 12, "xl": 10})],
                                   alignment=ft.MainAxisAlignment.CENTER)],
        scroll=ft.ScrollMode.AUTO,
        padding=16,
    )
    return screen
