"""Settings: where the patient lives (region and municipality), kept on this device.

flet.toml's region is the deployment's default; the patient's own answer here wins on this device
(infocards.preferences). Home asks once; this screen changes the answer at any time.
"""

from __future__ import annotations

import flet as ft

from infocards.i18n import t
from infocards.preferences import MAX_MUNICIPALITY, clean_municipality
from infocards.ui.widgets import app_bar, big_button, heading, labelled, page_column

__all__ = ["view"]

_NONE = "none"


def view(state, nav) -> ft.View:
    lang = state.lang
    current = state.region()
    region = ft.Dropdown(
        label=t("settings.region", lang),
        value=current.id if current else _NONE,
        options=[ft.DropdownOption(key=r.id, text=r.name(lang)) for r in state.regions_to_choose()]
        + [ft.DropdownOption(key=_NONE, text=t("settings.region_none", lang))],
        text_size=17,
        expand=True,
    )
    municipality = ft.TextField(
        label=t("settings.municipality", lang),
        value=state.municipality(),
        max_length=MAX_MUNICIPALITY,
        text_size=17,
    )
    message = ft.Text("", size=16)

    async def save(_event) -> None:
        try:
            chosen_municipality = clean_municipality(municipality.value or "")
            state.set_home("" if region.value in (None, _NONE) else region.value, chosen_municipality)
        except ValueError:
            message.value = t("settings.municipality_bad", lang)
            message.update()
            return
        await nav.go("/")

    body = [
        heading(t("where.ask", lang), 1, identifier="settings-heading"),
        ft.Text(t("where.why", lang), size=16),
        labelled(ft.Row([region]), "settings-region", t("settings.region", lang)),
        labelled(municipality, "settings-municipality"),
        labelled(message, "settings-message", live=True),
        big_button(t("settings.save", lang), save, "settings-save", icon=ft.Icons.CHECK),
    ]
    return ft.View(
        route="/settings",
        appbar=app_bar(state, nav, t("settings.title", lang)),
        controls=[page_column(body)],
        scroll=ft.ScrollMode.AUTO,
        padding=16,
    )
