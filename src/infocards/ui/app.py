"""The app shell: one route table, view stacking, language and link handling."""

from __future__ import annotations

import asyncio
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, quote

import flet as ft

from infocards.content.links import card_link_target, classify_link
from infocards.i18n import t
from infocards.ui.state import AppState
from infocards.ui.widgets import PRIMARY

__all__ = ["Nav", "build", "card_route", "match_route"]

ViewBuilder = Callable[..., ft.View]
AUTO_LOCK_POLL_SECONDS = 5
TOUCH_TARGET = 48


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
            if target:  # Back on that card leads to the screen the link was on
                await self.go(card_route(target, back_to=self.page.route))
        elif kind in ("https", "mailto", "tel"):
            await ft.UrlLauncher().launch_url(url)


# The route table: the single source of truth for navigation. A view module is imported the first
# time its route is shown, so a deep link to a card does not pay for the camera or the wallet.
ROUTES: tuple[tuple[re.Pattern[str], str, str | None], ...] = (
    (re.compile(r"^/$"), "home:view", None),
    (re.compile(r"^/category/(?P<category>[a-z_]+)$"), "category:view", "/"),
    (re.compile(r"^/card/(?P<card_id>[a-z0-9][a-z0-9-]*)$"), "card:view", "/"),
    (re.compile(r"^/settings$"), "settings:view", "/"),
    (re.compile(r"^/wallet$"), "wallet:view", "/"),
    (re.compile(r"^/wallet/add$"), "record_form:choose_view", "/wallet"),
    (re.compile(r"^/wallet/add/(?P<record_type>[a-z_]+)$"), "record_form:new_view", "/wallet"),
    (re.compile(r"^/wallet/edit/(?P<record_id>[A-Za-z0-9_.-]+)$"), "record_form:edit_view", "/wallet"),
    (re.compile(r"^/wallet/settings$"), "wallet_settings:settings_view", "/wallet"),
    (re.compile(r"^/wallet/recover$"), "wallet_settings:recover_view", "/wallet"),
    (re.compile(r"^/wallet/restore$"), "wallet_restore:view", "/wallet"),
    (re.compile(r"^/wallet/profile$"), "profile:view", "/wallet"),
    (re.compile(r"^/wallet/log$"), "profile:log_view", "/wallet"),
    (re.compile(r"^/share$"), "share:view", "/wallet"),
    (re.compile(r"^/reader$"), "reader:view", "/"),
    (re.compile(r"^/reader/note$"), "note_write:view", "/reader"),
    (re.compile(r"^/reader/note/qr$"), "note_write:qr_view", "/reader/note"),
    (re.compile(r"^/wallet/receive$"), "note_receive:view", "/wallet"),
)


def _builder(target: str) -> ViewBuilder:
    module, function = target.split(":")
    return getattr(importlib.import_module(f"infocards.ui.views.{module}"), function)


def _match(route: str) -> tuple[str, dict[str, str], str | None]:
    path = route.split("?", 1)[0] or "/"
    for pattern, target, parent in ROUTES:
        found = pattern.match(path)
        if found:
            return target, found.groupdict(), parent
    return ROUTES[0][1], {}, None


BACK_STEPS_KEPT = 8  # how many screens a chain of card links remembers for Back
_BACK_TO = ("/wallet", "/category/", "/card/")  # screens a card's Back may lead to


def _may_go_back_to(step: str) -> bool:
    """One of the app's own wallet, category or card screens, without a query of its own."""
    return "?" not in step and step.startswith(_BACK_TO) and _match(step)[0] != "home:view"


def _back_stack(route: str) -> list[str] | None:
    """The screens a card was reached through, oldest first (its `from=` values); None when any of
    them is not one the app may go back to."""
    if "?" not in route:
        return []
    stack = parse_qs(route.split("?", 1)[1]).get("from", [])
    return stack if all(_may_go_back_to(step) for step in stack) else None


def _with_stack(path: str, stack: list[str]) -> str:
    return path + "".join(f"{'&' if i else '?'}from={quote(step, safe='/')}" for i, step in enumerate(stack))


def card_route(card_id: str, back_to: str | None = None) -> str:
    """The route of a card; with `back_to` (a wallet form, a category, another card), Back on the
    card returns there, and from there on to where that screen came from."""
    route = f"/card/{card_id}"
    path = (back_to or "").split("?", 1)[0]
    if not _may_go_back_to(path):
        return route
    return _with_stack(route, [*(_back_stack(back_to) or []), path][-BACK_STEPS_KEPT:])


def _return_route(route: str) -> str | None:
    """Where Back on a card leads: the last of its `from=` screens (a card keeps the ones before
    it), if every one is a screen the app may go back to."""
    stack = _back_stack(route)
    if not stack:
        return None
    last, earlier = stack[-1], stack[:-1]
    return _with_stack(last, earlier) if last.startswith("/card/") else last


def match_route(route: str) -> tuple[ViewBuilder, dict[str, str], str | None]:
    """The view for a route, its parameters and its parent route (None at the top); unknown
    routes go home."""
    target, params, parent = _match(route)
    if target == "card:view":
        parent = _return_route(route) or parent
    elif target == "profile:view" and route.partition("?")[2] == "from=/share":
        parent = "/share"  # My details opened from the share form: Back returns to it
    return _builder(target), params, parent


def preload_views(reader_only: bool = False) -> None:
    """Import the modules of the first views a visitor sees (the others load on first use)."""
    for target in ("reader:view", "card:view") if reader_only else ("home:view", "category:view", "card:view"):
        _builder(target)


def _back_button(nav: Nav, parent: str) -> ft.Control:
    async def back(_event) -> None:
        await nav.go(parent)

    return ft.Semantics(
        identifier="nav-back",
        # The icon's semantics label names the button (a tooltip alone is not read out on the web).
        content=ft.IconButton(icon=ft.Icon(ft.Icons.ARROW_BACK, semantics_label=t("nav.back", nav.state.lang)),
                              tooltip=t("nav.back", nav.state.lang), on_click=back,
                              icon_size=28, width=TOUCH_TARGET, height=TOUCH_TARGET),
    )


def render(page: ft.Page, state: AppState) -> None:
    """Show the view for the current route; its Back button leads to the route's parent."""
    nav = Nav(page, state)
    route = page.route or "/"
    if state.reader_only and not route.startswith(("/card/", "/reader/note")):
        route = "/reader"  # a clinic's reader-only server shows the reader, its note form and the cards
    builder, params, parent = match_route(route)
    if state.reader_only:
        parent = ("/reader/note" if route == "/reader/note/qr"
                  else "/reader" if route.startswith(("/card/", "/reader/note")) else None)
    state.wallet.touch()
    state.keep_draft = None  # the view being built registers its own, if it has a form
    state.unsaved_changes = None
    state.shown_route = page.route or "/"
    if not route.startswith(("/wallet", "/share")):
        state.after_unlock = None  # the patient left the wallet: no stale return after unlocking
    view = builder(state, nav, **params)
    if view.appbar is not None:
        view.appbar.automatically_imply_leading = False
        view.appbar.leading = _back_button(nav, parent) if parent is not None else None
    page.views.clear()
    page.views.append(view)
    page.title = t("app.title", state.lang)
    page.update()


def _would_lose_input(state: AppState, route: str) -> bool:
    """Leaving the shown form for `route` would throw away what was typed (a kept draft is safe)."""
    changed = state.unsaved_changes
    return (callable(changed) and route != state.shown_route and state.shown_route not in state.drafts
            and changed())


def _ask_before_leaving(page: ft.Page, state: AppState) -> None:
    """Back (the app bar's, the browser's, the phone's) from a form with unsaved input: ask first.
    The address already shows where Back leads; staying puts the form's address back."""
    lang, form_route = state.lang, state.shown_route

    async def stay(_event) -> None:
        page.pop_dialog()
        # The form never left the screen (the route change that asked did not draw anything):
        # only the address goes back to it. Drawing the form again while the dialog closed left,
        # now and then, the dialog's two buttons as the whole accessibility tree over the form.
        state.returning_to = form_route
        await page.push_route(form_route)

    def discard(_event) -> None:
        page.pop_dialog()
        state.unsaved_changes = None
        render(page, state)

    page.show_dialog(ft.AlertDialog(
        modal=True,
        title=ft.Text(t("form.leave_title", lang)),
        content=ft.Text(t("form.leave_explain", lang), size=16),
        actions=[
            ft.Semantics(identifier="leave-stay", content=ft.FilledButton(
                content=t("form.leave_stay", lang), on_click=stay, height=TOUCH_TARGET)),
            ft.Semantics(identifier="leave-discard", content=ft.TextButton(
                content=t("form.leave_discard", lang), on_click=discard, height=TOUCH_TARGET)),
        ],
    ))


def parent_of(route: str, state: AppState) -> str:
    """Where Back (the app bar's, or the phone's) leads from `route`."""
    if state.reader_only:
        return "/reader"
    return match_route(route)[2] or "/"


def build(page: ft.Page, state: AppState) -> None:
    page.title = t("app.title", state.lang)
    page.theme_mode = ft.ThemeMode.LIGHT
    # An explicit scheme rather than color_scheme_seed: deriving a scheme from a seed costs the
    # web client about 150 ms before the first frame (measured with bench/startup.py).
    page.theme = ft.Theme(
        color_scheme=ft.ColorScheme(primary=PRIMARY, on_primary=ft.Colors.WHITE, secondary="#4A635F"),
        visual_density=ft.VisualDensity.STANDARD,  # full 48-px touch targets for checkboxes and text buttons
    )

    def on_route_change(_event=None) -> None:
        returning, state.returning_to = state.returning_to, None
        if returning is not None and returning == (page.route or "/") == state.shown_route:
            return  # "Stay in the form": it is still on screen as it was
        if _would_lose_input(state, page.route or "/"):
            _ask_before_leaving(page, state)
            return
        render(page, state)

    async def on_view_pop(_event: ft.ViewPopEvent) -> None:
        await page.push_route(parent_of(page.route or "/", state))

    # One watcher per connection. A reload keeps Flet's session (the client sends its session id
    # back and `main` is not run again): the disconnect stops the watcher and locks the wallet,
    # the reconnect starts a new watcher and redraws, so the lock works again after a reload.
    connection_over = asyncio.Event()

    async def auto_lock(over: asyncio.Event) -> None:
        # Lock the wallet after the inactivity set in flet.toml (or in the settings screen), and
        # an unlocked clinic key after [reader] clinic_key_idle_minutes without use.
        while not over.is_set():
            try:
                await asyncio.wait_for(over.wait(), AUTO_LOCK_POLL_SECONDS)
            except TimeoutError:
                pass
            if over.is_set():
                break
            if not state.reader_only and state.wallet.idle_too_long():
                if callable(state.keep_draft):
                    state.keep_draft()  # the form comes back as it was once the patient unlocks
                state.wallet.lock()
                if (page.route or "/").startswith(("/wallet", "/share")):
                    render(page, state)
            if state.clinic is not None and state.clinic.idle_too_long():
                state.clinic.lock()
                if (page.route or "/").startswith("/reader/note"):
                    render(page, state)

    def end_session(_event=None) -> None:
        # A closed or reloaded tab must not keep the wallet (and its OS lock): lock it now; an
        # unconfirmed recovery code stays for a reload of this tab (Flet keeps its session). Nor
        # the last code read or the clinic key: Flet keeps a session for a while after its tab
        # closes, and a restored tab on a shared clinic computer would get both back.
        state.wallet.lock()
        state.drafts.clear()
        state.last_read = None
        if state.clinic is not None:
            state.clinic.lock()
        connection_over.set()

    def session_closed(_event=None) -> None:
        end_session()
        state.wallet.lock(forget_code=True)  # nobody can come back to this session now

    def reconnected(_event=None) -> None:
        nonlocal connection_over
        connection_over.set()  # never two watchers
        connection_over = asyncio.Event()
        page.run_task(auto_lock, connection_over)
        render(page, state)  # the old screen may be a wallet view: show it locked

    page.on_route_change = on_route_change
    page.on_view_pop = on_view_pop
    page.on_disconnect = end_session
    page.on_connect = reconnected
    page.on_close = session_closed
    render(page, state)
    page.run_task(auto_lock, connection_over)
