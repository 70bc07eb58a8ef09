"""A new phone: "Jeg har en kopi af min mappe". Open an encrypted copy of the wallet (a backup
from Settings, or the file itself) with its passphrase, or its recovery code and a new
passphrase, and keep it as this device's wallet (WalletSession.restore_copy)."""

from __future__ import annotations

import flet as ft

from infocards.i18n import t
from infocards.ui.session import MAX_COPY_BYTES
from infocards.ui.views.wallet_common import busy_row, error_text, password_field, run_guarded, wallet_view
from infocards.ui.widgets import big_button, heading, labelled, secondary_button

__all__ = ["view"]


def view(state, nav) -> ft.View:
    lang = state.lang
    chosen: dict = {}  # "data": the copy's bytes, once picked
    picked = ft.Text(t("restore.none_chosen", lang), size=16)
    passphrase, passphrase_box = password_field(t("wallet.ui.passphrase", lang), "restore-passphrase", lang)
    code = ft.TextField(label=t("wallet.ui.recovery_code", lang), text_size=18,
                        capitalization=ft.TextCapitalization.CHARACTERS)
    new, new_box = password_field(t("wallet.ui.new_passphrase", lang), "restore-new-passphrase", lang)
    again, again_box = password_field(t("wallet.ui.passphrase_again", lang), "restore-new-passphrase-again", lang)
    with_code = ft.Column([labelled(code, "restore-code"), new_box, again_box], visible=False, spacing=10)
    error, busy = error_text(), busy_row(lang)

    async def pick(_event) -> None:
        files = await ft.FilePicker().pick_files(dialog_title=t("restore.choose", lang), with_data=True)
        if not files:
            return
        data = files[0].bytes or b""
        if not data or len(data) > MAX_COPY_BYTES:
            chosen.pop("data", None)
            picked.value = t("restore.not_a_copy", lang)
        else:
            chosen["data"] = data
            picked.value = t("restore.chosen", lang, name=files[0].name)
        picked.update()

    def use_code(_event) -> None:
        with_code.visible = not with_code.visible
        passphrase_box.visible = not with_code.visible
        with_code.update()
        passphrase_box.update()

    async def restore(_event) -> None:
        if "data" not in chosen:
            error.value = t("restore.choose_first", lang)
            error.update()
            return
        data = chosen["data"]
        if with_code.visible:
            action = lambda: state.wallet.restore_copy(  # noqa: E731
                data, code=code.value or "", new=new.value or "", repeated=again.value or "")
        else:
            action = lambda: state.wallet.restore_copy(data, passphrase=passphrase.value or "")  # noqa: E731
        if await run_guarded(action, error, busy, lang):
            state.set_notice(t("restore.done", lang))
            await nav.go("/wallet")

    body = [
        heading(t("restore.heading", lang), 1, identifier="restore-heading"),
        ft.Text(t("restore.explain", lang), size=16),
        secondary_button(t("restore.choose", lang), pick, "restore-choose", icon=ft.Icons.FILE_OPEN_OUTLINED),
        labelled(picked, "restore-chosen", live=True),
        passphrase_box,
        with_code,
        secondary_button(t("restore.use_code", lang), use_code, "restore-use-code", icon=ft.Icons.KEY_OUTLINED),
        labelled(error, "wallet-error", live=True),
        busy,
        big_button(t("restore.open", lang), restore, "restore-open", icon=ft.Icons.LOCK_OPEN),
    ]
    return wallet_view(state, nav, "/wallet/restore", body)
