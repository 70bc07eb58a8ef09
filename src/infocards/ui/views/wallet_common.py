"""Pieces shared by the wallet's views: passphrase fields, progress while the KDF runs, locking."""

from __future__ import annotations

import asyncio

import flet as ft

from infocards.errors import InfocardsError
from infocards.i18n import t
from infocards.ui.widgets import app_bar, big_button, heading, labelled, page_column

__all__ = [
    "busy_row",
    "error_text",
    "keeps_awake",
    "locked_view",
    "password_field",
    "run_guarded",
    "set_message",
    "wallet_view",
]


def password_field(label: str, identifier: str, lang: str = "da") -> tuple[ft.TextField, ft.Control]:
    """A passphrase field with a named, full-size show/hide button (Flutter's own has no name)."""
    field = ft.TextField(label=label, password=True, text_size=18)

    def icon(shown: bool) -> ft.Icon:
        name = t("wallet.ui.hide_passphrase" if shown else "wallet.ui.show_passphrase", lang)
        return ft.Icon(ft.Icons.VISIBILITY_OFF if shown else ft.Icons.VISIBILITY, semantics_label=name)

    def toggle(_event) -> None:
        field.password = not field.password
        reveal.icon = icon(shown=not field.password)
        reveal.tooltip = reveal.icon.semantics_label
        field.update()
        reveal.update()

    reveal = ft.IconButton(icon=icon(shown=False), tooltip=t("wallet.ui.show_passphrase", lang), on_click=toggle,
                           width=48, height=48)
    field.suffix_icon = reveal
    return field, labelled(field, identifier)


def error_text() -> ft.Text:
    return ft.Text("", color=ft.Colors.ERROR, size=16)


def busy_row(lang: str) -> ft.Control:
    return ft.Row(
        [ft.ProgressRing(width=28, height=28), ft.Text(t("wallet.ui.working", lang), size=16)],
        visible=False,
    )


async def run_guarded(action, error: ft.Text, busy: ft.Control, lang: str) -> bool:
    """Run a slow wallet call (the KDF) off the event loop, with a progress indicator and a
    clear message on failure. Returns True on success."""
    set_message(error, "")
    busy.visible = True
    busy.update()
    try:
        await asyncio.to_thread(action)
    except InfocardsError as exc:
        set_message(error, exc.message(lang))
        return False
    finally:
        busy.visible = False
        busy.update()
    return True


def set_message(text: ft.Text, value: str) -> None:
    """Say `value` in a message line (labelled or not), or clear it. An empty line is hidden, its
    screen-reader wrapper too: Flutter's web semantics drops a text that was emptied and then set
    again, so the next message never reached a screen reader."""
    text.value = value
    shown = text.parent if isinstance(text.parent, ft.Semantics) else text
    shown.visible = bool(value)
    shown.update()


def wallet_view(state, nav, route: str, body: list[ft.Control]) -> ft.View:
    return ft.View(route=route, appbar=app_bar(state, nav, t("wallet.ui.title", state.lang)),
                   controls=[page_column(body)], scroll=ft.ScrollMode.AUTO, padding=16)


def locked_view(state, nav, route: str) -> ft.View | None:
    """Forms need an unlocked wallet; a locked one sends the patient to unlock first."""
    if state.wallet.unlocked:
        return None

    state.after_unlock = route  # come back here once unlocked

    async def to_unlock(_event) -> None:
        await nav.go("/wallet")

    body = [heading(t("wallet.ui.unlock_heading", state.lang), 1, identifier="locked-heading"),
            ft.Text(t("wallet.ui.locked", state.lang), size=16),
            big_button(t("wallet.ui.unlock", state.lang), to_unlock, "goto-unlock")]
    return wallet_view(state, nav, route, body)




def keeps_awake(state):
    """An on_change handler: typing in a wallet form counts as use, so auto-lock waits."""

    def touched(_event) -> None:
        state.wallet.touch()

    return touched
