"""The clinician view: read a QR summary by camera, photo or pasted text; status first, then the course."""

from __future__ import annotations

import asyncio
import io
from dataclasses import replace
from datetime import UTC, date, datetime

import flet as ft
from PIL import Image, UnidentifiedImageError

from infocards.errors import NotInfocardsCode
from infocards.i18n import format_date, format_datetime, t
from infocards.share import ReadResult, build_view, read_image, read_text
from infocards.ui.clinic_session import clinic_of
from infocards.ui.signed_entry import key_warning, source_line
from infocards.ui.widgets import app_bar, big_button, heading, labelled, page_column, secondary_button

__all__ = ["view"]

# Background, text colour and icon per status; every pair has a contrast of at least 4.5:1, and the
# icon and the words say the same as the colour.
STATUS_COLOURS = {
    "valid": (ft.Colors.GREEN_800, ft.Colors.WHITE, ft.Icons.VERIFIED),
    "expired": (ft.Colors.AMBER_400, ft.Colors.BLACK, ft.Icons.SCHEDULE),
    "invalid": (ft.Colors.RED_700, ft.Colors.WHITE, ft.Icons.GPP_BAD),
    "not_infocards": (ft.Colors.GREY_700, ft.Colors.WHITE, ft.Icons.HELP_OUTLINE),
}


def _date(iso: str | None, lang: str) -> str:
    if not iso:
        return ""
    try:
        return format_date(date.fromisoformat(iso), lang)
    except ValueError:
        return iso


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


def _entry_tile(state, nav, entry) -> ft.Control:
    lang = state.lang
    lines = [ft.Text(f"{_date(entry.date, lang)} · {entry.title}".strip(" ·"), size=16, weight=ft.FontWeight.W_600)]
    lines += [ft.Text(detail, size=15) for detail in entry.details if detail]
    lines.append(source_line(entry))  # hand-back: a professional's signature stands apart
    links = []
    for card_id in (entry.card, entry.role_card):
        card = state.card(card_id) if card_id else None
        if card:

            async def open_card(_event, target=card.id) -> None:
                await nav.go(f"/card/{target}")

            links.append(ft.TextButton(content=card.title, icon=ft.Icons.ARTICLE_OUTLINED, on_click=open_card,
                                       height=48))
    if links:
        lines.append(ft.Row(links, wrap=True))
    return ft.Container(ft.Column(lines, spacing=2), padding=ft.Padding.only(left=8, top=6, bottom=6),
                        border=ft.Border.only(left=ft.BorderSide(3, ft.Colors.OUTLINE_VARIANT)))


def _result(state, nav, result_view) -> list[ft.Control]:
    lang = state.lang
    controls: list[ft.Control] = [_status_banner(result_view)]
    if result_view.name is None:
        return controls
    who = ", ".join(part for part in (result_view.name or t("reader.ui.no_name", lang),
                                      _date(result_view.birth_date, lang)) if part)
    controls.append(labelled(ft.Text(who, size=22, weight=ft.FontWeight.BOLD), "reader-patient"))
    facts = [t("reader.ui.fingerprint", lang, fingerprint=result_view.fingerprint or "")]
    if result_view.expires_at:
        facts.append(t("reader.ui.expires", lang, time=format_datetime(result_view.expires_at, lang)))
    if result_view.shown_to_label:
        facts.append(t("reader.ui.shown_to", lang, role=result_view.shown_to_label))
    # The fingerprint as large as the name: it is what tells one patient's phone from another's.
    controls.append(labelled(ft.Text(facts.pop(0), size=22, weight=ft.FontWeight.BOLD), "reader-fingerprint"))
    controls += [ft.Text(f, size=14) for f in facts]
    warning = key_warning(state, result_view)
    if warning is not None:
        controls.append(warning)
    if result_view.period_line():
        controls.append(labelled(ft.Text(result_view.period_line(), size=15, weight=ft.FontWeight.W_600),
                                 "reader-period"))
    if result_view.not_shared_line():
        controls.append(labelled(ft.Text(result_view.not_shared_line(), size=15, weight=ft.FontWeight.W_600),
                                 "reader-not-shared"))
    if result_view.omitted_note:
        controls.append(labelled(ft.Text(result_view.omitted_note, size=15, italic=True), "reader-omitted"))
    for section in result_view.sections:
        if not section.entries and not section.omitted:
            continue
        block = [heading(section.title, 2)]
        block += [_entry_tile(state, nav, entry) for entry in section.entries]
        controls.append(labelled(ft.Column(block, spacing=8), f"reader-section-{section.key}"))
    return controls


def _aged(result):
    """A result read earlier, with "valid" turned "expired" if its code has expired since."""
    if result.status == "valid" and result.expires_at and result.expires_at <= datetime.now(UTC):
        return replace(result, status="expired")
    return result


def view(state, nav) -> ft.View:
    lang = state.lang
    results = ft.Column(spacing=14)
    pasted = ft.TextField(label=t("reader.ui.paste_label", lang), multiline=True, min_lines=2, max_lines=5,
                          text_size=15)
    busy = ft.ProgressBar(visible=False)
    camera_box = ft.Container(visible=False, height=320)

    def show(result) -> None:
        # Kept for the session, so following a card link and coming Back (or switching language)
        # does not lose what was read; "Clear" forgets it.
        state.last_read = result
        results.controls = [*_result(state, nav, build_view(result, lang, clinic_of(state).trust())), clear_button]
        results.update()

    def clear(_event) -> None:
        state.last_read = None
        results.controls = []
        results.update()

    clear_button = secondary_button(t("reader.ui.clear", lang), clear, "reader-clear", icon=ft.Icons.CLEAR)
    if state.last_read is not None:
        aged = build_view(_aged(state.last_read), lang, clinic_of(state).trust())
        results.controls = [*_result(state, nav, aged), clear_button]

    async def read_pasted(_event) -> None:
        show(read_text(pasted.value or ""))

    async def read_bytes(data: bytes) -> None:
        busy.visible = True
        busy.update()
        try:
            image = await asyncio.to_thread(lambda: Image.open(io.BytesIO(data)))
            result = await asyncio.to_thread(read_image, image)
        except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
            # Not a picture at all, or one too large to be a photo of a code.
            result = ReadResult("not_infocards", error=NotInfocardsCode("reader.ui.not_an_image"))
        finally:
            busy.visible = False
            busy.update()
        show(result)

    async def pick_photo(_event) -> None:
        files = await ft.FilePicker().pick_files(
            dialog_title=t("reader.ui.photo", lang), file_type=ft.FilePickerFileType.IMAGE, with_data=True
        )
        if files and files[0].bytes:
            await read_bytes(files[0].bytes)

    async def scan(_event) -> None:
        from flet_camera import Camera, ResolutionPreset

        camera = Camera(expand=True)
        camera_box.content = camera
        camera_box.visible = True
        camera_box.update()
        picture = None
        try:
            cameras = await camera.get_available_cameras()
            if cameras:
                back = next((c for c in cameras if "back" in str(c.lens_direction).lower()), cameras[0])
                await camera.initialize(back, ResolutionPreset.HIGH, enable_audio=False)
                await asyncio.sleep(0.5)  # let exposure settle before the first picture
                picture = await camera.take_picture()
        except (RuntimeError, TimeoutError, ValueError):
            picture = None  # no permission, or the camera would not start: said below
        finally:
            camera_box.visible = False
            camera_box.update()
        if not picture:
            no_camera = ft.Text(t("reader.ui.no_camera", lang), size=16)
            results.controls = [labelled(no_camera, "reader-no-camera", live=True)]
            results.update()
            return
        await read_bytes(picture)

    async def write_note(_event) -> None:  # hand-back: ui/views/note_write.py
        await nav.go("/reader/note")

    body = [
        heading(t("reader.ui.heading", lang), 1, identifier="reader-heading"),
        ft.Text(t("reader.ui.explain", lang), size=16),
        big_button(t("reader.ui.scan", lang), scan, "reader-scan", icon=ft.Icons.QR_CODE_SCANNER),
        secondary_button(t("reader.ui.photo", lang), pick_photo, "reader-photo", icon=ft.Icons.IMAGE_OUTLINED),
        labelled(pasted, "reader-paste"),
        secondary_button(t("reader.ui.read", lang), read_pasted, "reader-read", icon=ft.Icons.CHECK),
        camera_box,
        busy,
        labelled(results, "reader-results", live=True),
        secondary_button(t("note.ui.write", lang), write_note, "reader-write-note", icon=ft.Icons.EDIT_NOTE),
    ]
    return ft.View(
        route="/reader",
        appbar=app_bar(state, nav, t("reader.ui.title", lang)),
        controls=[page_column(body)],
        scroll=ft.ScrollMode.AUTO,
        padding=16,
    )
