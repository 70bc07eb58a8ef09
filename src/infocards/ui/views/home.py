"""Home: when to call now (first), the wallet, search, the four categories and the language switch."""

from __future__ import annotations

import flet as ft

from infocards.i18n import t
from infocards.regions import EMERGENCY_NUMBER
from infocards.ui.widgets import (
    EMERGENCY,
    app_bar,
    big_button,
    call_button,
    card_tile,
    heading,
    labelled,
    page_column,
    secondary_button,
)

__all__ = ["view"]

CATEGORY_ICONS = {
    "diagnosis": ft.Icons.MEDICAL_INFORMATION_OUTLINED,
    "legislation": ft.Icons.GAVEL_OUTLINED,
    "role": ft.Icons.GROUPS_OUTLINED,
    "pathway": ft.Icons.ROUTE_OUTLINED,
}


def _category_tile(state, nav, category: str) -> ft.Control:
    lang = state.lang
    count = len(state.cards_in(category))

    async def open_category(_event) -> None:
        await nav.go(f"/category/{category}")

    tile = ft.ListTile(
        leading=ft.Icon(CATEGORY_ICONS[category], size=32),
        title=ft.Text(t(f"category.{category}", lang), size=20, weight=ft.FontWeight.W_600),
        subtitle=ft.Text(t(f"category.{category}.about", lang, count=count), size=15),
        trailing=ft.Icon(ft.Icons.CHEVRON_RIGHT),
        on_click=open_category,
        min_vertical_padding=14,
    )
    return labelled(ft.Card(content=tile), f"category-{category}")


RED_FLAGS_CARD = "red-flags"


def _unbroken(number: str) -> str:
    return number.replace(" ", "\u00a0")


def _urgent(state, nav) -> ft.Control:
    """112 always; the own GP; the out-of-hours number of the region in flet.toml, or of each
    region when none is set; and the way to the red-flags card."""
    lang = state.lang
    regions = state.out_of_hours_regions()
    chosen = state.region()
    controls: list[ft.Control] = [
        heading(t("urgent.heading", lang), 2, identifier="urgent-heading"),
        ft.Text(t("urgent.explain", lang), size=16),
        call_button(t("urgent.call_112", lang), EMERGENCY_NUMBER, "call-112", emergency=True),
        ft.Text(t("urgent.own_gp", lang), size=16),
    ]
    if len(regions) == 1 and chosen is not None and regions[0].id == chosen.id:
        region = regions[0]
        controls += [
            ft.Text(t("urgent.out_of_hours", lang, region=region.name(lang)), size=16),
            call_button(t("urgent.call_number", lang, number=_unbroken(region.out_of_hours)), region.tel(),
                        f"call-{region.id}"),
        ]
        if region.call_first:
            controls.append(ft.Text(t("urgent.call_first", lang), size=15))
    else:
        controls.append(ft.Text(t("urgent.out_of_hours_any", lang), size=16))
        # A number never breaks over two lines (no-break spaces); the region's name may.
        buttons = [call_button(t("urgent.call_region", lang, region=r.name(lang), number=_unbroken(r.out_of_hours)),
                               r.tel(), f"call-{r.id}", filled=False) for r in regions]
        for button in buttons:
            button.col = {"xs": 12, "sm": 6}  # two a row where there is room
        controls.append(ft.ResponsiveRow(buttons, spacing=10, run_spacing=10))
    if state.card(RED_FLAGS_CARD) is not None:

        async def open_red_flags(_event) -> None:
            await nav.go(f"/card/{RED_FLAGS_CARD}")

        controls.append(secondary_button(t("urgent.signs", lang), open_red_flags, "urgent-red-flags",
                                         icon=ft.Icons.WARNING_AMBER_ROUNDED))
    box = ft.Container(
        ft.Column(controls, spacing=10, horizontal_alignment=ft.CrossAxisAlignment.STRETCH),
        padding=14,
        border=ft.Border.all(2, EMERGENCY),
        border_radius=12,
    )
    return labelled(box, "urgent")


def _where(state, nav) -> list[ft.Control]:
    """Ask once where the patient lives (their region's number then shows in the box above);
    afterwards one line naming the region, with the way to change it."""
    lang = state.lang

    async def open_settings(_event) -> None:
        await nav.go("/settings")

    if state.home_question_due():

        def skip(_event) -> None:
            state.skip_home_question()
            nav.refresh()

        box = ft.Container(
            ft.Column(
                [
                    heading(t("where.ask", lang), 2, identifier="where-heading"),
                    ft.Text(t("where.why", lang), size=16),
                    big_button(t("where.choose", lang), open_settings, "where-choose", icon=ft.Icons.PLACE_OUTLINED),
                    secondary_button(t("where.skip", lang), skip, "where-skip"),
                ],
                spacing=10,
                horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
            ),
            padding=14,
            border=ft.Border.all(1, ft.Colors.OUTLINE),
            border_radius=12,
        )
        return [labelled(box, "where")]
    region = state.region()
    if region is None:
        return [secondary_button(t("where.choose", lang), open_settings, "where-change", icon=ft.Icons.PLACE_OUTLINED)]
    return [
        ft.Text(t("where.yours", lang, region=region.name(lang)), size=16),
        secondary_button(t("where.change", lang), open_settings, "where-change", icon=ft.Icons.PLACE_OUTLINED),
    ]


def _results(state, nav) -> list[ft.Control]:
    lang = state.lang
    if not state.query:
        return []
    found = state.search_results()
    if not found:
        return [labelled(ft.Text(t("home.no_results", lang), size=16), "search-empty")]
    summary = t("home.result_one", lang) if len(found) == 1 else t("home.results", lang, count=len(found))
    controls: list[ft.Control] = [ft.Text(summary, size=15)]
    for card in found:

        async def open_card(_event, card_id=card.id) -> None:
            await nav.go(f"/card/{card_id}")

        controls.append(card_tile(card, open_card, f"result-{card.id}"))
    return controls


def view(state, nav) -> ft.View:
    lang = state.lang
    results = ft.Column(_results(state, nav), spacing=8)

    def on_search(event) -> None:
        state.set_query(event.control.value or "")
        results.controls = _results(state, nav)
        results.update()

    search = labelled(
        ft.TextField(
            label=t("home.search_label", lang),
            hint_text=t("home.search_hint", lang),
            value=state.query,
            prefix_icon=ft.Icons.SEARCH,
            on_change=on_search,
            on_submit=on_search,
            text_size=18,
        ),
        "search",
    )
    async def go_wallet(_event) -> None:
        await nav.go("/wallet")

    async def go_reader(_event) -> None:
        await nav.go("/reader")

    body = [
        _urgent(state, nav),
        big_button(t("home.wallet", lang), go_wallet, "home-wallet", icon=ft.Icons.FOLDER_SHARED_OUTLINED),
        *_where(state, nav),
        heading(t("home.heading", lang), 1, identifier="home-heading"),
        ft.Text(t("home.intro", lang), size=16),
        search,
        labelled(results, "search-results", live=True),
        heading(t("home.categories", lang), 2),
        *[_category_tile(state, nav, c) for c in state.categories()],
        secondary_button(t("home.reader", lang), go_reader, "home-reader", icon=ft.Icons.QR_CODE_SCANNER),
    ]
    return ft.View(
        route="/",
        appbar=app_bar(state, nav, t("app.title", lang)),
        controls=[page_column(body)],
        scroll=ft.ScrollMode.AUTO,
        padding=16,
    )
