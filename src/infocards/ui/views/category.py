"""A category: its cards, each with its title and one-line summary."""

from __future__ import annotations

import flet as ft

from infocards.i18n import t
from infocards.ui.app import card_route
from infocards.ui.widgets import app_bar, card_tile, heading, labelled, page_column

__all__ = ["view"]


def view(state, nav, category: str) -> ft.View:
    lang = state.lang
    route = f"/category/{category}"
    if category not in state.categories():
        body = [labelled(ft.Text(t("category.unknown", lang), size=16), "category-unknown")]
        title = t("app.title", lang)
    else:
        title = t(f"category.{category}", lang)
        body = [heading(title, 1, identifier="category-heading")]
        for card in state.cards_in(category):

            async def open_card(_event, card_id=card.id) -> None:
                await nav.go(card_route(card_id, back_to=route))

            body.append(card_tile(card, open_card, f"card-link-{card.id}"))
    return ft.View(
        route=route,
        appbar=app_bar(state, nav, title),
        controls=[page_column(body)],
        scroll=ft.ScrollMode.AUTO,
        padding=16,
    )
