"""The app shell: one route table, view stacking, language and link handling."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from dataclasses import dataclass

import flet as ft

from infocards.content.links import card_link_target, classify_link
from infocards.i18n import t
from infocards.ui.state import AppState

__all__ = ["Nav", "build", "match_route"]

ViewBuilder = Callable[..., ft.View]
AUTO_LOCK_POLL_SECONDS = 5


@dataclass
class Nav:
    """What views may do to the app besides reading state: go somewhere, redraw, open a link."""

    page: ft.Page
    state: AppState

    async def go(self, route: str) -> None:
        await self.page.push_route(route)

    def refresh(self) -> None:
        render(self.page, self.state)

    async def open_link(self, url: str) -> None:
        """Card links stay in the app; https, mailto and tel open outside; anything else is ignored."""
        kind = classify_link(url)
        if kind == "card":
            target = card_link_target(url)
            if target:
                await self.go(f"/card/{target}")
        elif kind in ("https", "mailto", "tel"):
            await ft.UrlLauncher().launch_url(url)


def _routes() -> list[tuple[re.Pattern[str], ViewBuilder, str | None]]:
    # Imported here so that `infocards --help` does not pay for building every view module.
    from infocards.ui.views import (
        card,
        category,
        home,
        profile,
        reader,
        record_form,
        share,
        wallet,
        wallet_settings,
    )

    return [
        (re.compile(r"^/$"), home.view, None),
        (re.compile(r"^/category/(?P<category>[a-z_]+)$"), category.view, "/"),
        (re.compile(r"^/card/(?P<card_id>[a-z0-9][a-z0-9-]*)$"), card.view, "/"),
        (re.compile(r"^/wallet$"), wallet.view, "/"),
        (re.compile(r"^/wallet/add$"), record_form.choose_view, "/wallet"),
        (re.compile(r"^/wallet/add/(?P<record_type>[a-z_]+)$"), record_form.new_view, "/wallet"),
        (re.compile(r"^/wallet/edit/(?P<record_id>[A-Za-z0-9_.-]+)$"), record_form.edit_view, "/wallet"),
        (re.compile(r"^/wallet/settings$"), wallet_settings.settings_view, "/wallet"),
        (re.compile(r"^/wallet/recover$"), wallet_settings.recover_view, "/wallet"),
        (re.compile(r"^/wallet/profile$"), profile.view, "/wallet"),
        (re.compile(r"^/share$"), share.view, "/wallet"),
        (re.compile(r"^/reader$"), reader.view, "/"),
    ]


_ROUTES: list[tuple[re.Pattern[str], ViewBuilder, str | None]] = []


def match_route(route: str) -> tuple[ViewBuilder, dict[str, str], str | None]:
    """The view for a route, its parameters and its parent route (None at the top); unknown
    routes go home."""
    if not _ROUTES:
        _ROUTES.extend(_routes())
    path = route.split("?", 1)[0] or "/"
    for pattern, builder, parent in _ROUTES:
        found = pattern.match(path)
        if found:
            return builder, found.groupdict(), parent
    return _ROUTES[0][1], {}, None


def render(page: ft.Page, state: AppState) -> None:
    """Rebuild the view stack for the current route, with its parent below it so Back works."""
    nav = Nav(page, state)
    route = page.route or "/"
    if state.reader_only and not route.startswith("/card/"):
        route = "/reader"  # a clinic's reader-only server shows the reader and the cards it links to
    builder, params, parent = match_route(route)
    if state.reader_only:
        parent = "/reader" if route.startswith("/card/") else None
    state.wallet.touch()
    views = []
    if parent is not None:
        parent_builder, parent_params, _ = match_route(parent)
        views.append(parent_builder(state, nav, **parent_params))
    views.append(builder(state, nav, **params))
    page.views.clear()
    page.views.extend(views)
    page.title = t("app.title", state.lang)
    page.update()


def build(page: ft.Page, state: AppState) -> None:
    page.title = t("app.title", state.lang)
    page.theme_mode = ft.ThemeMode.LIGHT
    page.theme = ft.Theme(color_scheme_seed=ft.Colors.TEAL, visual_density=ft.VisualDensity.COMFORTABLE)

    def on_route_change(_event=None) -> None:
        render(page, state)

    async def on_view_pop(event: ft.ViewPopEvent) -> None:
        if len(page.views) > 1:
            page.views.pop()
        await page.push_route(page.views[-1].route or "/")

    async def auto_lock() -> None:
        # Lock the wallet after the inactivity set in flet.toml (or in the settings screen).
        while True:
            await asyncio.sleep(AUTO_LOCK_POLL_SECONDS)
            if state.wallet.idle_too_long():
                state.wallet.lock()
                if (page.route or "/").startswith(("/wallet", "/share")):
                    render(page, state)

    page.on_route_change = on_route_change
    page.on_view_pop = on_view_pop
    render(page, state)
    if not state.reader_only:
        page.run_task(auto_lock)
