"""Scan a note from a professional (wallet): read it, show who wrote it and what it holds, save on yes."""

from __future__ import annotations

import asyncio
import io

import flet as ft
from PIL import Image, UnidentifiedImageError

from infocards.codes.signing import SigningKey
from infocards.errors import InfocardsError, NotInfocardsCode
from infocards.i18n import t
from infocards.notes.receive import checked_note, is_for_patient, receive_note
from infocards.reader.read import ReadResult, read_image, read_pasted
from infocards.reader.signed_view import note_json
from infocards.ui.camera import take_picture
from infocards.ui.clinic_session import clinic_of
from infocards.ui.signed_entry import signer_block
from infocards.ui.views.wallet_common import error_text, locked_view, set_message, wallet_view
from infocards.ui.widgets import big_button, heading, labelled, secondary_button

__all__ = ["view"]

ROUTE = "/wallet/receive"


def _preview(state, data: dict) -> list[ft.Control]:
    """Who wrote the note (fingerprint as large as the name) and what it holds."""
    lang = state.lang
    signer = data["signer"]
    controls: list[ft.Control] = [
        heading(t("note.ui.receive_who", lang), 2),
        labelled(ft.Text(signer["name"], size=24, weight=ft.FontWeight.BOLD), "receive-signer-name"),
        ft.Text(", ".join(p for p in (t(f"vocab.role.{signer['role']}", lang), signer["place"]) if p), size=18),
        labelled(ft.Text(signer["fingerprint"], size=24, weight=ft.FontWeight.BOLD, font_family="monospace"),
                 "receive-signer-fingerprint"),
        # What the signature and the lists say, and whether the note names a patient: from the
        # signer's fields (signed_entry.signer_block), never cut out of a label.
        *signer_block(signer, lang, prefix="receive-signer")[1:],
    ]
    if not signer["bound"]:
        # Kept, as a leaflet would be; every reader marks its entries as for no particular patient.
        controls.append(labelled(ft.Text(t("note.ui.receive_unbound", lang), size=15), "receive-unbound-explain"))
    controls.append(heading(t("note.ui.receive_holds", lang), 2))
    for section, entries in data["sections"].items():
        controls.append(ft.Text(t(f"share.view.{section}", lang), size=17, weight=ft.FontWeight.W_600))
        controls += [ft.Text("· " + entry["title"], size=16) for entry in entries]
    return controls


def view(state, nav) -> ft.View:
    locked = locked_view(state, nav, ROUTE)
    if locked is not None:
        return locked
    lang = state.lang
    pasted = ft.TextField(label=t("note.ui.receive_paste", lang), multiline=True, min_lines=2, max_lines=5,
                          text_size=15)
    found = ft.Column(spacing=10)
    message = error_text()

    def say(text: str, ok: bool = False) -> None:
        message.color = ft.Colors.ON_SURFACE if ok else ft.Colors.ERROR
        set_message(message, text)

    def show(result: ReadResult) -> None:
        found.controls = []
        try:
            note = checked_note(result)
            wallet = state.wallet.require()
            if not is_for_patient(note, wallet.profile, SigningKey(wallet.signing_seed()).public_bytes):
                from infocards.errors import NoteForAnotherPatient

                raise NoteForAnotherPatient()
        except InfocardsError as exc:
            found.update()
            say(exc.message(lang))
            return
        say("")
        data = note_json(result, lang, clinic_of(state).trust())

        def save(_event) -> None:
            try:
                received = receive_note(state.wallet.require(), note)
            except InfocardsError as exc:
                say(exc.message(lang))
                return
            # Saved: what was saved, and the way to see it in the course (or to scan another).
            found.controls = [big_button(t("note.ui.receive_to_timeline", lang), to_timeline, "receive-timeline",
                                         icon=ft.Icons.TIMELINE)]
            found.update()
            say(t(received.message_key, lang, new=len(received.new_ids), count=len(received.ids)), ok=True)

        # On a phone: who wrote it and what it holds first, then the save button, all in view; the
        # ways to read a code fold away until the patient wants another.
        inputs.visible, another.visible = False, True
        inputs.update()
        another.update()
        found.controls = [*_preview(state, data),
                          big_button(t("note.ui.receive_save", lang), save, "receive-save", icon=ft.Icons.SAVE)]
        found.update()

    async def to_timeline(_event) -> None:
        await nav.go("/wallet")

    def read_another(_event) -> None:
        found.controls = []
        found.update()
        say("")
        inputs.visible, another.visible = True, False
        inputs.update()
        another.update()

    async def read_paste(_event) -> None:
        state.wallet.touch()
        show(await asyncio.to_thread(read_pasted, pasted.value or ""))  # capped, off the event loop

    async def read_bytes(data: bytes) -> None:
        try:
            image = await asyncio.to_thread(lambda: Image.open(io.BytesIO(data)))
            result = await asyncio.to_thread(read_image, image)
        except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
            result = ReadResult("not_infocards", error=NotInfocardsCode("note.ui.receive_not_image"))
        show(result)

    async def pick_photo(_event) -> None:
        files = await ft.FilePicker().pick_files(
            dialog_title=t("note.ui.receive_photo", lang), file_type=ft.FilePickerFileType.IMAGE, with_data=True
        )
        if files and files[0].bytes:
            await read_bytes(files[0].bytes)

    async def scan(_event) -> None:
        picture = await take_picture(camera_box)
        if picture:
            await read_bytes(picture)
        else:
            say(t("note.ui.receive_no_camera", lang))

    camera_box = ft.Container(visible=False, height=320)
    another = secondary_button(t("note.ui.receive_another", lang), read_another, "receive-another",
                               icon=ft.Icons.QR_CODE_SCANNER)
    another.visible = False  # shown once a note has been read (the ways to read one fold away)
    inputs = ft.Column([
        ft.Text(t("note.ui.receive_explain", lang), size=16),
        big_button(t("note.ui.receive_camera", lang), scan, "receive-scan", icon=ft.Icons.QR_CODE_SCANNER),
        secondary_button(t("note.ui.receive_photo", lang), pick_photo, "receive-photo", icon=ft.Icons.IMAGE_OUTLINED),
        labelled(pasted, "receive-paste"),
        secondary_button(t("note.ui.receive_read", lang), read_paste, "receive-read", icon=ft.Icons.CHECK),
        camera_box,
    ], spacing=10, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
    body = [
        heading(t("note.ui.receive", lang), 1, identifier="receive-heading"),
        inputs,
        labelled(message, "receive-message", live=True),
        labelled(found, "receive-found", live=True),
        another,
    ]
    return wallet_view(state, nav, ROUTE, body)
