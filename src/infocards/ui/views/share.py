"""Show my summary: choose sections and who it is for, then a full-screen QR code with a countdown."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from datetime import UTC, datetime, timedelta

import flet as ft
from flet.controls.base_control import skip_field

from infocards import vocab
from infocards.codes import SECTION_KEYS
from infocards.errors import InfocardsError
from infocards.i18n import t
from infocards.reader.readable import readable_date
from infocards.share import issue_share
from infocards.ui.forms import parse_user_date
from infocards.ui.views.wallet_common import error_text, keeps_awake, locked_view, wallet_view
from infocards.ui.widgets import TOUCH_HEIGHT, big_button, heading, labelled, secondary_button

__all__ = ["Countdown", "view"]

PROFILE_FROM_SHARE = "/wallet/profile?from=/share"
QR_SIDE = 380  # fills a 412-wide phone with the code's quiet zone around it


def _countdown(seconds: float) -> str:
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


async def _keep_screen_on(on: bool) -> None:
    """Keep the screen awake and bright while the code shows, where the platform allows it."""
    try:
        if on:
            await ft.Wakelock().enable()
            await ft.ScreenBrightness().set_application_screen_brightness(1.0)
        else:
            await ft.Wakelock().disable()
            await ft.ScreenBrightness().reset_application_screen_brightness()
    except Exception:  # noqa: BLE001 (a browser has neither; the on-screen advice covers it)
        return


@ft.control
class Countdown(ft.Text):
    """The "hides in 1:58" line. It ticks once a second while it is on the page and then calls
    `on_done`; it stops the moment it leaves the page (Hide, Back, a language switch, auto-lock),
    so nothing ever updates it once it is gone."""

    seconds: float = skip_field()
    lang: str = skip_field()
    on_done: Callable[[], Awaitable[None]] | None = skip_field()  # the time is up
    on_leave: Callable[[], Awaitable[None]] | None = skip_field()  # gone from the page before that
    _ticking: Future | None = skip_field()
    _page: ft.Page | None = skip_field()
    _mounted: bool = skip_field()

    def did_mount(self) -> None:
        super().did_mount()
        self._mounted = True
        self._page = self.page
        self._ticking = self._page.run_task(self._tick)

    def will_unmount(self) -> None:
        # Set first, and checked after every sleep: a removal from a worker thread (a sync event
        # handler) can race the cancellation by one tick.
        self._mounted = False
        if self._ticking is not None and self.on_leave is not None and self._page is not None:
            self._page.run_task(self.on_leave)
        self.stop()
        super().will_unmount()

    def stop(self) -> None:
        if self._ticking is not None:
            self._ticking.cancel()
            self._ticking = None

    def _line(self, left: float) -> str:
        return t("share.ui.hides_in", self.lang, time=_countdown(left))

    async def _tick(self) -> None:
        loop = asyncio.get_running_loop()
        until = loop.time() + self.seconds
        while (left := until - loop.time()) > 0:
            if not self._mounted:
                return
            self.value = self._line(left)
            self.update()
            await asyncio.sleep(min(1.0, left))
        if not self._mounted:
            return
        self._ticking = None  # done: what follows may take this line off the page
        if self.on_done is not None:
            await self.on_done()


def _for_and_holds(share, sections: list[str], lang: str) -> list[ft.Control]:
    """Under the code, for both to see: whom it is for and what it holds (as chosen on the form)."""
    lines = []
    if share.summary.to_role:
        role = t(f"vocab.role.{share.summary.to_role}", lang)
        lines.append(labelled(ft.Text(t("share.ui.shown_for", lang, role=role), size=17, weight=ft.FontWeight.W_600),
                              "share-qr-for"))
    held = ", ".join(t(f"share.section.{key}", lang) for key in sections)
    lines.append(labelled(ft.Text(t("share.ui.shown_holds", lang, sections=held), size=16), "share-qr-holds"))
    return lines


def _showing(state, nav, share, sections: list[str], show_form) -> list[ft.Control]:
    """The QR code, big, with what the professional needs to know about it."""
    lang = state.lang
    settings = state.settings
    local_expiry = share.expires_at.astimezone().strftime("%H.%M" if lang == "da" else "%H:%M")

    async def hide(_event=None) -> None:
        countdown.stop()
        await _keep_screen_on(False)
        show_form()

    countdown = Countdown(t("share.ui.hides_in", lang, time=_countdown(settings.share_display_seconds)), size=16)
    countdown.seconds = settings.share_display_seconds
    countdown.lang = lang
    countdown.on_done = hide

    async def screen_back_to_normal() -> None:
        await _keep_screen_on(False)

    countdown.on_leave = screen_back_to_normal
    controls: list[ft.Control] = [
        labelled(ft.Image(src=share.png(box_size=8), fit=ft.BoxFit.CONTAIN, width=QR_SIDE, height=QR_SIDE,
                          filter_quality=ft.FilterQuality.NONE, semantics_label=t("share.ui.qr_label", lang)),
                 "share-qr", label=t("share.ui.qr_label", lang)),
        *_for_and_holds(share, sections, lang),
        ft.Text(t("share.ui.valid_until", lang, time=local_expiry), size=18, weight=ft.FontWeight.BOLD),
        labelled(countdown, "share-countdown"),
        ft.Text(t("share.ui.brightness", lang), size=15),
    ]
    if share.summary.period[0]:
        since = t("share.ui.period_from", lang, date=readable_date(share.summary.period[0], lang))
        controls.insert(len(controls) - 2, labelled(ft.Text(since, size=16), "share-period"))
    if not share.summary.name:
        controls.insert(1, labelled(ft.Text(t("share.ui.no_name", lang), size=15, color=ft.Colors.ERROR),
                                    "share-qr-no-name"))
    note = share.omitted_note(lang)
    if note:
        controls.append(labelled(ft.Text(note, size=15, color=ft.Colors.ON_TERTIARY_CONTAINER), "share-omitted"))
    controls.append(big_button(t("share.ui.hide", lang), hide, "share-hide", icon=ft.Icons.VISIBILITY_OFF))
    nav.page.run_task(_keep_screen_on, True)
    return controls


def _form(state, nav, column: ft.Column, to_top: Callable[[], Awaitable[None]]) -> list[ft.Control]:
    lang = state.lang
    # No width or height on a labelled Checkbox: Flet 1.0 then wraps it in a FittedBox(fill) that
    # stretches box and label to that size. The Container around it gives the touch height instead,
    # and the checkbox's own row (box, then label) fills it without being scaled.
    checks = {key: ft.Checkbox(label=t(f"share.section.{key}", lang), value=True,
                               label_style=ft.TextStyle(size=17)) for key in SECTION_KEYS}
    role = ft.Dropdown(
        label=t("share.ui.to_whom", lang),
        options=[ft.DropdownOption(key=r, text=t(f"vocab.role.{r}", lang)) for r in vocab.ROLES],
        text_size=17,
        expand=True,
    )
    since = ft.TextField(label=t("share.ui.since", lang), hint_text=t("wallet.ui.date_hint", lang), text_size=17,
                         helper=t("share.ui.since_help", lang), helper_max_lines=3, helper_style=ft.TextStyle(size=14),
                         on_change=keeps_awake(state))
    error = error_text()

    def show_form() -> None:
        column.controls = _form(state, nav, column, to_top)
        column.update()

    async def show(_event) -> None:
        chosen = [key for key, box in checks.items() if box.value]
        if not chosen:
            error.value = t("share.ui.choose_something", lang)
            error.update()
            return
        start = (since.value or "").strip()
        period_start = parse_user_date(start) if start else None
        if start and period_start is None:
            error.value = t("share.ui.bad_date", lang)
            error.update()
            return
        wallet = state.wallet.require()
        try:
            # Fitting a long course into one code takes a moment: keep the screen responsive.
            share = await asyncio.to_thread(
                issue_share,
                wallet,
                chosen,
                to_role=role.value or None,
                lifetime=timedelta(minutes=state.settings.share_expiry_minutes),
                period=(period_start, None),
                now=datetime.now(UTC),
                reader_url=state.settings.reader_url,
            )
        except InfocardsError as exc:
            error.value = exc.message(lang)
            error.update()
            return
        column.controls = _showing(state, nav, share, chosen, show_form)
        column.update()
        await to_top()  # the button was at the bottom of a long form: the code starts at the top

    async def to_profile(_event) -> None:
        await nav.go(PROFILE_FROM_SHARE)  # Back there leads here again

    missing_name = [] if state.wallet.require().profile.get("name") else [
        labelled(ft.Text(t("share.ui.no_name", lang), size=15, color=ft.Colors.ERROR), "share-no-name"),
        secondary_button(t("profile.ui.heading", lang), to_profile, "share-to-profile", icon=ft.Icons.PERSON_OUTLINE),
    ]
    return [
        heading(t("share.ui.heading", lang), 1, identifier="share-heading"),
        ft.Text(t("share.ui.explain", lang), size=16),
        *missing_name,
        labelled(ft.Row([role]), "share-role", label=t("share.ui.to_whom", lang)),
        heading(t("share.ui.what", lang), 2),
        ft.Column([labelled(ft.Container(box, height=TOUCH_HEIGHT), f"share-section-{key}")
                   for key, box in checks.items()], spacing=0, horizontal_alignment=ft.CrossAxisAlignment.STRETCH),
        labelled(since, "share-since"),
        labelled(error, "share-error", live=True),
        big_button(t("share.ui.show", lang), show, "share-show", icon=ft.Icons.QR_CODE_2),
    ]


def view(state, nav) -> ft.View:
    locked = locked_view(state, nav, "/share")
    if locked:
        return locked
    column = ft.Column(spacing=14, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)

    async def to_top() -> None:
        await screen.scroll_to(offset=0)

    column.controls = _form(state, nav, column, to_top)
    screen = wallet_view(state, nav, "/share", [column])
    return screen
