"""Small, accessible building blocks shared by the views: big touch targets and screen-reader labels."""

from __future__ import annotations

import re
from collections.abc import Callable

import flet as ft

from infocards.i18n import t

__all__ = [
    "PRIMARY",
    "TOUCH_HEIGHT",
    "app_bar",
    "big_button",
    "call_button",
    "card_tile",
    "choice_tile",
    "heading",
    "labelled",
    "page_column",
    "secondary_button",
    "show_snack_bar",
]

TOUCH_HEIGHT = 56  # above the 48 dp minimum: patients in pain, on a phone
PRIMARY = "#00695C"  # teal 800: white text on it, and it as text on white, pass WCAG AA (6.6:1)
EMERGENCY = "#B71C1C"  # red 900: white text on it passes WCAG AA (6.6:1)
_TEL_TARGET = re.compile(r"\+?[0-9]+")


def labelled(control: ft.Control, identifier: str, label: str | None = None, live: bool = False) -> ft.Semantics:
    """Wrap a control with a stable test identifier and, where given, a screen-reader label.

    `live` makes screen readers announce changes (error messages, read results)."""
    return ft.Semantics(content=control, identifier=identifier, label=label, live_region=live or None)


def heading(text: str, level: int = 1, identifier: str | None = None) -> ft.Control:
    sizes = {1: 28, 2: 22, 3: 18}
    control = ft.Text(text, size=sizes.get(level, 18), weight=ft.FontWeight.BOLD)
    return ft.Semantics(content=control, header=True, heading_level=level, identifier=identifier)


def big_button(
    label: str,
    on_click: Callable,
    identifier: str,
    icon: ft.IconData | None = None,
    filled: bool = True,
) -> ft.Control:
    """A full-width button at least TOUCH_HEIGHT high, its label read out by screen readers."""
    kind = ft.FilledButton if filled else ft.OutlinedButton
    button = kind(
        content=ft.Text(label, size=18),
        icon=icon,
        on_click=on_click,
        height=TOUCH_HEIGHT,
        expand=True,
    )
    return labelled(ft.Row([button]), identifier)


def call_button(label: str, number: str, identifier: str, emergency: bool = False,
                filled: bool = True) -> ft.Control:
    """A big labelled button that opens `tel:NUMBER` (the phone's dialler; on a computer, whatever
    handles tel: links). The client opens the link itself, so it works even while the connection
    to the app is slow. `number` is digits with an optional leading + (spaces are dropped)."""
    digits = number.replace(" ", "")
    if not _TEL_TARGET.fullmatch(digits):
        raise ValueError("a call button needs a number of digits")
    colour = EMERGENCY if emergency else PRIMARY
    text = ft.Text(label, size=19 if filled else 16, weight=ft.FontWeight.W_600, text_align=ft.TextAlign.CENTER)
    if filled:
        button = ft.FilledButton(content=text, icon=ft.Icons.PHONE, url=f"tel:{digits}", height=TOUCH_HEIGHT,
                                 expand=True, bgcolor=colour, color=ft.Colors.WHITE, icon_color=ft.Colors.WHITE)
    else:
        button = ft.OutlinedButton(content=text, icon=ft.Icons.PHONE, url=f"tel:{digits}", height=TOUCH_HEIGHT,
                                   expand=True, style=ft.ButtonStyle(color=colour, icon_color=colour))
    return labelled(ft.Row([button]), identifier)


def secondary_button(label: str, on_click: Callable, identifier: str, icon=None) -> ft.Control:
    return big_button(label, on_click, identifier, icon=icon, filled=False)


def page_column(controls: list[ft.Control]) -> ft.Control:
    """The body of a view: full width on a phone, a centred reading column on a desktop."""
    return ft.ResponsiveRow(
        [
            ft.Column(
                controls,
                spacing=14,
                horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
                col={"xs": 12, "md": 10, "lg": 8, "xl": 6},
            )
        ],
        alignment=ft.MainAxisAlignment.CENTER,
    )


def show_snack_bar(state, page: ft.Page, make: Callable[[str], ft.SnackBar]) -> None:
    """Show a short note at the bottom, `make(lang)`; while it shows, a language switch (app_bar)
    shows it again in the new language."""
    bar = make(state.lang)

    def dismissed(_event) -> None:
        if state.snack_bar is not None and state.snack_bar[0] is bar:
            state.snack_bar = None

    bar.on_dismiss = dismissed
    state.snack_bar = (bar, make)
    page.show_dialog(bar)


def app_bar(state, nav, title: str) -> ft.AppBar:
    """The top bar of every view: its title and the language switch (Danish first)."""
    other = state.other_language()

    def switch_language(_event) -> None:
        state.set_language(other)
        shown, state.snack_bar = state.snack_bar, None
        nav.refresh()
        if shown is not None:  # a note at the bottom says it again in the new language
            bar, make = shown
            bar.open = False
            bar.update()
            show_snack_bar(state, nav.page, make)

    # One button, named by its tooltip: a labelled wrapper around it would be a second, empty stop.
    switch = ft.Semantics(
        identifier="language-switch",
        content=ft.TextButton(
            content=ft.Text(t(f"lang.name.{other}", state.lang), size=16),
            icon=ft.Icons.LANGUAGE,
            tooltip=t("lang.switch_label", state.lang),
            on_click=switch_language,
            height=TOUCH_HEIGHT - 8,
        ),
    )
    return ft.AppBar(
        title=ft.Text(title, size=20, weight=ft.FontWeight.W_600),
        actions=[switch],
        center_title=False,
    )


def card_tile(card, on_open, identifier: str) -> ft.Control:
    """One card in a list: title and one-line summary, the whole tile a touch target."""
    tile = ft.ListTile(
        title=ft.Text(card.title, size=18, weight=ft.FontWeight.W_600),
        subtitle=ft.Text(card.summary, size=15),
        trailing=ft.Icon(ft.Icons.CHEVRON_RIGHT),
        on_click=on_open,
        min_vertical_padding=10,
    )
    return labelled(ft.Card(content=tile), identifier)


def choice_tile(title: str, explanation: str, on_open, identifier: str, icon=None) -> ft.Control:
    """One choice in a list: its name and one line of plain explanation, the whole tile a button."""
    tile = ft.ListTile(
        leading=ft.Icon(icon, size=28) if icon else None,
        title=ft.Text(title, size=18, weight=ft.FontWeight.W_600),
        subtitle=ft.Text(explanation, size=15),
        trailing=ft.Icon(ft.Icons.CHEVRON_RIGHT),
        on_click=on_open,
        min_vertical_padding=10,
    )
    return labelled(ft.Card(content=tile), identifier)
