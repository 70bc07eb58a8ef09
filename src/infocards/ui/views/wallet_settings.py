"""Wallet settings and recovery: change passphrase (asking the current one), a new recovery code,
auto-lock, an encrypted copy or an unencrypted export (after a warning), wipe; recover with the
recovery code."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import flet as ft

from infocards.atomicfile import write_private
from infocards.errors import InfocardsError
from infocards.i18n import t
from infocards.ui.views.record_form import locked_view, wallet_view
from infocards.ui.views.wallet import busy_row, error_text, password_field, run_guarded
from infocards.ui.widgets import big_button, heading, labelled, secondary_button

__all__ = ["recover_view", "settings_view"]

AUTO_LOCK_CHOICES = (1, 5, 15, 30)


def _minutes(n: int, lang: str) -> str:
    return t("wallet.ui.minute", lang) if n == 1 else t("wallet.ui.minutes", lang, n=n)


def settings_view(state, nav) -> ft.View:
    route = "/wallet/settings"
    locked = locked_view(state, nav, route)
    if locked:
        return locked
    lang = state.lang
    session = state.wallet
    current, current_box = password_field(t("wallet.ui.current_passphrase", lang), "current-passphrase", lang)
    new, new_box = password_field(t("wallet.ui.new_passphrase", lang), "new-passphrase", lang)
    again, again_box = password_field(t("wallet.ui.passphrase_again", lang), "new-passphrase-again", lang)
    message, saved = ft.Text("", size=16), ft.Text("", size=16)
    error, busy = error_text(), busy_row(lang)

    def change() -> None:
        session.change_passphrase(current.value or "", new.value or "", again.value or "")

    async def on_change(_event) -> None:
        if await run_guarded(change, error, busy, lang):
            if session.recovery_code:  # an old wallet's code was replaced too: show it once
                await nav.go("/wallet")
                return
            message.value = t("wallet.ui.passphrase_changed_new_key", lang)
            current.value = new.value = again.value = ""
            for control in (message, current, new, again):
                control.update()

    code_error, code_busy = error_text(), busy_row(lang)

    def confirm_new_code(_event) -> None:
        async def make(_e) -> None:
            nav.page.pop_dialog()
            if await run_guarded(session.new_recovery_code, code_error, code_busy, lang):
                await nav.go("/wallet")  # the code screen: shown once, no auto-lock meanwhile

        _confirm(nav, "wallet.ui.new_code_title", "wallet.ui.new_code_confirm", "wallet.ui.new_code_yes",
                 "new-code", make, lang)

    minutes = round(session.auto_lock_seconds / 60)
    lock_choice = ft.Dropdown(
        label=t("wallet.ui.auto_lock", lang),
        value=str(minutes),
        options=[ft.DropdownOption(key=str(m), text=_minutes(m, lang)) for m in sorted({*AUTO_LOCK_CHOICES, minutes})],
    )

    def on_lock_choice(_event) -> None:
        state.set_auto_lock(float(lock_choice.value))  # remembered on the device

    lock_choice.on_select = on_lock_choice

    async def save_as(file_name: str, make_bytes) -> None:
        """On the web a download; on a phone, the system's save dialog writes the bytes; on a
        desktop we write them ourselves, private and atomically, where the dialog points."""
        desktop = not nav.page.web and not nav.page.platform.is_mobile()
        try:
            data = make_bytes()
            saved_to = await ft.FilePicker().save_file(dialog_title=t("wallet.ui.export", lang),
                                                       file_name=file_name, src_bytes=None if desktop else data)
            if desktop and saved_to:
                await asyncio.to_thread(write_private, Path(saved_to), data)
        except InfocardsError as exc:
            saved.value = exc.message(lang)
        except OSError:
            saved.value = t("wallet.ui.not_saved", lang)
        else:
            if nav.page.web:
                saved.value = t("wallet.ui.download_started", lang, path=file_name)
            elif saved_to:
                saved.value = t("wallet.ui.exported", lang, path=saved_to)
            else:
                saved.value = t("wallet.ui.not_saved", lang)  # the dialog was cancelled
        saved.update()

    async def backup(_event) -> None:
        await save_as(f"infocards-{date.today().isoformat()}.icw", session.backup_bytes)

    def confirm_export(_event) -> None:
        async def export_json(_e) -> None:
            nav.page.pop_dialog()
            await save_as(f"infocards-export-{date.today().isoformat()}.json", session.export_bytes)

        _confirm(nav, "wallet.ui.export_title", "wallet.ui.export_confirm", "wallet.ui.export_yes",
                 "export", export_json, lang)

    count = len(session.require().records())
    shares = len(session.require().share_log())

    def confirm_wipe(_event) -> None:
        async def wipe(_e) -> None:
            nav.page.pop_dialog()
            try:
                session.wipe()
            except InfocardsError as exc:
                saved.value = exc.message(lang)
                saved.update()
                return
            await nav.go("/wallet")

        def cancel(_e) -> None:
            nav.page.pop_dialog()

        dialog = ft.AlertDialog(
            modal=True,
            title=ft.Text(t("wallet.ui.wipe_title", lang)),
            content=ft.Text(t("wallet.ui.wipe_confirm", lang, count=count, shares=shares), size=16),
            actions=[
                labelled(ft.TextButton(content=t("wallet.ui.cancel", lang), on_click=cancel, height=48), "wipe-cancel"),
                labelled(ft.FilledButton(content=t("wallet.ui.wipe_yes", lang), on_click=wipe,
                                         bgcolor=ft.Colors.ERROR, height=48), "wipe-yes"),
            ],
        )
        nav.page.show_dialog(dialog)

    body = [
        heading(t("wallet.ui.settings", lang), 1, identifier="settings-heading"),
        heading(t("wallet.ui.change_passphrase", lang), 2),
        current_box, new_box, again_box, labelled(error, "wallet-error", live=True), busy,
        big_button(t("wallet.ui.change_passphrase", lang), on_change, "change-passphrase"),
        labelled(message, "settings-message", live=True),
        heading(t("wallet.ui.new_code_title", lang), 2),
        ft.Text(t("wallet.ui.new_code_explain", lang), size=15),
        labelled(code_error, "new-code-error", live=True), code_busy,
        secondary_button(t("wallet.ui.new_code", lang), confirm_new_code, "new-recovery-code", icon=ft.Icons.KEY),
        heading(t("wallet.ui.auto_lock", lang), 2),
        labelled(lock_choice, "auto-lock", label=t("wallet.ui.auto_lock", lang)),
        ft.Text(t("wallet.ui.auto_lock_visit", lang), size=14),
        heading(t("wallet.ui.export", lang), 2),
        ft.Text(t("wallet.ui.backup_explain", lang), size=15),
        secondary_button(t("wallet.ui.backup", lang), backup, "export-backup", icon=ft.Icons.DOWNLOAD),
        ft.Text(t("wallet.ui.export_explain", lang), size=15),
        secondary_button(t("wallet.ui.export_json", lang), confirm_export, "export-json", icon=ft.Icons.DATA_OBJECT),
        labelled(saved, "export-message", live=True),
        heading(t("wallet.ui.wipe_title", lang), 2),
        secondary_button(t("wallet.ui.wipe", lang), confirm_wipe, "wipe", icon=ft.Icons.DELETE_FOREVER),
    ]
    return wallet_view(state, nav, route, body)


def _confirm(nav, title_key: str, text_key: str, yes_key: str, identifier: str, on_yes, lang: str) -> None:
    """A modal question: what the step means, "Fortryd" and a named yes (ids IDENTIFIER-yes/-cancel)."""

    def cancel(_e) -> None:
        nav.page.pop_dialog()

    nav.page.show_dialog(ft.AlertDialog(
        modal=True,
        title=ft.Text(t(title_key, lang)),
        content=labelled(ft.Text(t(text_key, lang), size=16), f"{identifier}-confirm"),
        actions=[
            labelled(ft.TextButton(content=t("wallet.ui.cancel", lang), on_click=cancel, height=48),
                     f"{identifier}-cancel"),
            labelled(ft.FilledButton(content=t(yes_key, lang), on_click=on_yes, height=48), f"{identifier}-yes"),
        ],
    ))


def recover_view(state, nav) -> ft.View:
    lang = state.lang
    code = ft.TextField(label=t("wallet.ui.recovery_code", lang), text_size=18,
                        capitalization=ft.TextCapitalization.CHARACTERS)
    new, new_box = password_field(t("wallet.ui.new_passphrase", lang), "recover-passphrase", lang)
    again, again_box = password_field(t("wallet.ui.passphrase_again", lang), "recover-passphrase-again", lang)
    error, busy = error_text(), busy_row(lang)

    async def recover(_event) -> None:
        action = lambda: state.wallet.recover(code.value or "", new.value or "", again.value or "")  # noqa: E731
        if await run_guarded(action, error, busy, lang):
            await nav.go("/wallet")

    body = [
        heading(t("wallet.ui.recover_heading", lang), 1),
        ft.Text(t("wallet.ui.recover_explain", lang), size=16),
        labelled(code, "recovery-code-input"), new_box, again_box,
        labelled(error, "wallet-error", live=True), busy,
        big_button(t("wallet.ui.recover", lang), recover, "wallet-recover"),
    ]
    return wallet_view(state, nav, "/wallet/recover", body)
