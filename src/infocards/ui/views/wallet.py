"""The wallet: first run (create, recovery code), unlock, recover, and the timeline of the course."""

from __future__ import annotations

from datetime import date

import flet as ft

from infocards.content.trust import list_label
from infocards.i18n import t
from infocards.i18n.formats import format_date, format_datetime, format_month
from infocards.notes.receive import wallet_standing
from infocards.share.carry import unbound_entries
from infocards.ui.app import card_route
from infocards.ui.clinic_session import clinic_of
from infocards.ui.record_text import record_detail, record_title, signer_words
from infocards.ui.views.wallet_common import busy_row, error_text, password_field, run_guarded
from infocards.ui.widgets import (
    PRIMARY,
    TOUCH_HEIGHT,
    app_bar,
    big_button,
    choice_tile,
    heading,
    labelled,
    page_column,
    secondary_button,
    show_snack_bar,
)

__all__ = ["view"]


def _create(state, nav) -> list[ft.Control]:
    lang = state.lang
    first, first_box = password_field(t("wallet.ui.passphrase", lang), "wallet-passphrase", lang)
    second, second_box = password_field(t("wallet.ui.passphrase_again", lang), "wallet-passphrase-again", lang)
    error, busy = error_text(), busy_row(lang)

    async def create(_event) -> None:
        if await run_guarded(lambda: state.wallet.create(first.value or "", second.value or ""),
                              error, busy, lang):
            nav.refresh()

    return [
        heading(t("wallet.ui.create_heading", lang), 1, identifier="wallet-create-heading"),
        ft.Text(t("wallet.ui.create_explain", lang), size=16),
        ft.Text(t("wallet.ui.passphrase_advice", lang), size=15),
        first_box,
        second_box,
        labelled(error, "wallet-error", live=True),
        busy,
        big_button(t("wallet.ui.create", lang), create, "wallet-create", icon=ft.Icons.LOCK_OUTLINE),
        # A new phone: the wallet comes from a copy instead of being made anew.
        secondary_button(t("restore.offer", lang), _go(nav, "/wallet/restore"), "wallet-restore",
                         icon=ft.Icons.RESTORE),
    ]


def _recovery_code(state, nav) -> list[ft.Control]:
    lang = state.lang
    code = state.wallet.recovery_code or ""
    written = ft.Checkbox(label=t("wallet.ui.code_written", lang), value=False, height=TOUCH_HEIGHT)
    proceed = ft.FilledButton(content=ft.Text(t("wallet.ui.continue", lang), size=18), height=56,
                              disabled=True, expand=True)

    def on_check(_event) -> None:
        proceed.disabled = not written.value
        proceed.update()

    def on_continue(_event) -> None:
        state.wallet.confirm_recovery_code_written()
        nav.refresh()

    written.on_change = on_check
    proceed.on_click = on_continue
    reason = state.wallet.recovery_code_reason
    # What just happened, before what to do now; after a reload, that the code is the same one.
    said = ("wallet.ui.code_kept" if state.wallet.recovery_code_kept
            else None if reason == "created" else f"wallet.ui.code_done.{reason}")
    confirmation = [] if said is None else [
        labelled(ft.Text(t(said, lang), size=17, weight=ft.FontWeight.W_600), "code-confirmation", live=True)]
    return [
        heading(t("wallet.ui.code_heading", lang), 1),
        *confirmation,
        ft.Text(t("wallet.ui.code_explain" if reason == "created" else "wallet.ui.code_explain_new", lang), size=16),
        labelled(ft.Container(ft.Text(code, size=26, weight=ft.FontWeight.BOLD,
                                      font_family="monospace"),
                              padding=16, border=ft.Border.all(2, ft.Colors.PRIMARY), border_radius=12),
                 "recovery-code"),
        labelled(written, "code-written"),
        labelled(ft.Row([proceed]), "code-continue"),
    ]


def _saved_note(state, nav) -> None:
    """A short note at the bottom: when the wallet was last saved, and whether it is an older copy."""
    wallet = state.wallet.wallet
    if wallet is None or wallet.last_saved is None or wallet.used_backup:
        return

    def make(lang: str) -> ft.SnackBar:
        text = t("wallet.last_saved", lang, time=format_datetime(wallet.last_saved, lang))
        if wallet.older_than:
            text += " " + t("wallet.ui.older", lang, device_time=format_datetime(wallet.older_than, lang))
        return ft.SnackBar(content=labelled(ft.Text(text, size=16), "unlock-last-saved", live=True),
                           duration=ft.Duration(seconds=12 if wallet.older_than else 6))

    show_snack_bar(state, nav.page, make)


def _unlock(state, nav) -> list[ft.Control]:
    lang = state.lang
    field, box = password_field(t("wallet.ui.passphrase", lang), "unlock-passphrase", lang)
    error, busy = error_text(), busy_row(lang)

    async def unlock(_event) -> None:
        if await run_guarded(lambda: state.wallet.unlock(field.value or ""), error, busy, lang):
            back_to = state.take_after_unlock()
            if back_to:  # the timeline says when it was saved; on the way back to a form, a note does
                _saved_note(state, nav)
                await nav.go(back_to)
            else:
                nav.refresh()

    async def forgot(_event) -> None:
        await nav.go("/wallet/recover")

    field.on_submit = unlock
    return [
        heading(t("wallet.ui.unlock_heading", lang), 1, identifier="unlock-heading"),
        ft.Text(t("wallet.ui.unlock_explain", lang), size=16),
        box,
        labelled(error, "wallet-error", live=True),
        busy,
        big_button(t("wallet.ui.unlock", lang), unlock, "wallet-unlock", icon=ft.Icons.LOCK_OPEN),
        secondary_button(t("wallet.ui.forgot", lang), forgot, "wallet-forgot"),
    ]


MY_CARDS_SHOWN = 3  # the rest behind "Vis alle"; the timeline stays near the top
FIRST_STEPS_CARD = "typical-course"


def _go(nav, route: str):
    async def go(_event) -> None:
        await nav.go(route)

    return go


def _notice(state) -> list[ft.Control]:
    """The confirmation of what was just saved or deleted, read out once, with what to do next."""
    text = state.take_notice()
    if not text:
        return []
    lang = state.lang
    box = ft.Container(
        ft.Row([ft.Icon(ft.Icons.CHECK_CIRCLE_OUTLINE, color=PRIMARY, size=28),
                ft.Column([ft.Text(text, size=17, weight=ft.FontWeight.W_600),
                           ft.Text(t("saved.next", lang), size=15)], spacing=2, expand=True)]),
        padding=12, border=ft.Border.all(2, PRIMARY), border_radius=12,
    )
    return [labelled(box, "saved-notice", live=True)]


def _empty(state, nav) -> list[ft.Control]:
    lang = state.lang
    controls = [labelled(ft.Text(t("wallet.ui.empty", lang), size=16), "timeline-empty"),
                big_button(t("timeline.first_visit", lang), _go(nav, "/wallet/add/encounter"), "wallet-first-visit",
                           icon=ft.Icons.EVENT_OUTLINED, filled=False)]
    if state.card(FIRST_STEPS_CARD) is not None:
        read = _go(nav, card_route(FIRST_STEPS_CARD, back_to="/wallet"))
        controls.append(secondary_button(t("timeline.read_course", lang), read, "wallet-read-course",
                                         icon=ft.Icons.ROUTE_OUTLINED))
    return controls


def _source_line(record: dict, standing: dict, edited: dict, lang: str, trust=None, unbound=frozenset()) -> str:
    """Who wrote a received entry, as the signed note says (never the record's own, unsigned
    `signer` field), while the signature holds it, whether a list holds the key, and whether the
    note named no patient; once the patient edited it, who wrote it and "changed by you"; '' for
    the patient's own entries."""
    key = str(record.get("id"))
    if key in edited:
        if edited[key] is None:
            return t("timeline.source.changed", lang)
        return t("timeline.source.changed_from", lang, who=signer_words(edited[key], lang))
    if key not in standing or standing[key] is None:
        return ""
    signer = standing[key]
    listed = trust.lookup(signer.fingerprint) if trust is not None else None
    lines = [t("timeline.source.signed", lang, who=signer_words(signer, lang)),
             t("timeline.source.listed", lang, pack=list_label(listed, lang)) if listed
             else t("timeline.source.not_listed", lang)]
    if key in unbound:
        lines.append(t("signed.unbound", lang))
    return "\n".join(lines)


def _records(state, nav, months) -> list[ft.Control]:
    lang = state.lang
    wallet = state.wallet.require()
    controls: list[ft.Control] = []
    standing, edited = wallet_standing(wallet)  # one check of the signatures for both
    unbound = unbound_entries(wallet.records())
    trust = clinic_of(state).trust()
    for month, records in months:
        controls.append(heading(format_month(month, lang), 2))
        for record in records:
            when = format_date(date.fromisoformat(record["date"]), lang)
            card = state.finding_card(record) if record.get("type") == "finding" else None
            detail = record_detail(record, lang, card_title=card.title if card else None)
            source = _source_line(record, standing, edited, lang, trust, unbound)
            subtitle = f"{when} · {detail}" + (f"\n{source}" if source else "")
            tile = ft.ListTile(
                title=ft.Text(record_title(record, lang), size=17, weight=ft.FontWeight.W_600),
                subtitle=ft.Text(subtitle, size=15),
                trailing=ft.Icon(ft.Icons.EDIT_OUTLINED),
                on_click=_go(nav, f"/wallet/edit/{record['id']}"),
            )
            controls.append(labelled(ft.Card(content=tile), f"record-{record['id']}"))
    return controls


def _my_cards(state, nav) -> list[ft.Control]:
    """Kort til dit forløb: the cards chosen from the records, each with why."""
    lang = state.lang
    chosen = state.cards_for_course()
    header = [heading(t("mycards.heading", lang), 2, identifier="mycards-heading")]
    if not chosen:
        return [*header, labelled(ft.Text(t("mycards.empty", lang), size=15), "mycards-empty")]
    # Back from a card leads to the wallet again.
    tiles = [choice_tile(m.card.title, m.why(lang), _go(nav, card_route(m.card.id, back_to="/wallet")),
                         f"mycard-{m.card.id}") for m in chosen]
    shown = ft.Column(tiles[:MY_CARDS_SHOWN], spacing=8, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
    controls = [*header, ft.Text(t("mycards.explain", lang), size=15), labelled(shown, "mycards")]
    if len(tiles) > MY_CARDS_SHOWN:
        more_text = ft.Text(t("mycards.more", lang, count=len(tiles)), size=18)

        def toggle(_event) -> None:
            everything = len(shown.controls) < len(tiles)
            shown.controls = tiles if everything else tiles[:MY_CARDS_SHOWN]
            more_text.value = t("mycards.fewer", lang) if everything else t("mycards.more", lang, count=len(tiles))
            shown.update()
            more_text.update()

        more = ft.OutlinedButton(content=more_text, icon=ft.Icons.EXPAND_MORE, on_click=toggle,
                                 height=TOUCH_HEIGHT, expand=True)
        controls.append(labelled(ft.Row([more]), "mycards-more"))
    return controls


def _timeline(state, nav) -> list[ft.Control]:
    lang = state.lang
    wallet = state.wallet.require()

    def lock(_event) -> None:
        state.wallet.lock()
        nav.refresh()

    controls: list[ft.Control] = [heading(t("wallet.ui.timeline_heading", lang), 1, identifier="timeline-heading")]
    if wallet.last_saved and not wallet.used_backup:
        saved = t("wallet.last_saved", lang, time=format_datetime(wallet.last_saved, lang))
        controls.append(labelled(ft.Text(saved, size=15), "wallet-last-saved"))
    if wallet.older_than:
        older = t("wallet.ui.older", lang, device_time=format_datetime(wallet.older_than, lang))
        controls.append(labelled(ft.Text(older, size=16, color=ft.Colors.ERROR), "wallet-older"))
    if wallet.used_backup:
        copy_time = format_datetime(wallet.used_backup, lang)
        key = "wallet.ui.used_backup_missing" if wallet.main_missing else "wallet.ui.used_backup"
        controls.append(labelled(ft.Text(t(key, lang, time=copy_time), size=16, color=ft.Colors.ERROR),
                                 "wallet-used-backup"))
    controls += _notice(state)
    controls += [
        big_button(t("wallet.ui.add", lang), _go(nav, "/wallet/add"), "wallet-add", icon=ft.Icons.ADD),
        big_button(t("share.ui.open", lang), _go(nav, "/share"), "wallet-share", icon=ft.Icons.QR_CODE_2),
        # hand-back: ui/views/note_receive.py
        secondary_button(t("note.ui.receive", lang), _go(nav, "/wallet/receive"), "wallet-receive",
                         icon=ft.Icons.QR_CODE_SCANNER),
    ]
    months = wallet.timeline()
    controls += _records(state, nav, months) if months else _empty(state, nav)
    side = [
        *_my_cards(state, nav),
        heading(t("timeline.more_heading", lang), 2),
        secondary_button(t("profile.ui.heading", lang), _go(nav, "/wallet/profile"), "wallet-profile",
                         icon=ft.Icons.PERSON_OUTLINE),
        secondary_button(t("timeline.share_log", lang), _go(nav, "/wallet/log"), "wallet-share-log",
                         icon=ft.Icons.HISTORY),
        secondary_button(t("wallet.ui.settings", lang), _go(nav, "/wallet/settings"), "wallet-settings",
                         icon=ft.Icons.SETTINGS),
        secondary_button(t("wallet.ui.lock", lang), lock, "wallet-lock", icon=ft.Icons.LOCK),
    ]
    return controls, side


def _two_columns(main: list[ft.Control], side: list[ft.Control]) -> ft.Control:
    """The course on the left and the cards and buttons beside it on a wide screen; on a phone
    the side column follows the course."""

    def column(controls, col):
        return ft.Column(controls, spacing=14, horizontal_alignment=ft.CrossAxisAlignment.STRETCH, col=col)

    return ft.ResponsiveRow(
        [column(main, {"xs": 12, "lg": 7, "xl": 6}), column(side, {"xs": 12, "lg": 5, "xl": 4})],
        spacing=32,
        vertical_alignment=ft.CrossAxisAlignment.START,
        alignment=ft.MainAxisAlignment.CENTER,
    )


def view(state, nav) -> ft.View:
    lang = state.lang
    session = state.wallet
    if session.recovery_code:
        body = _recovery_code(state, nav)
    elif session.unlocked:
        body = _two_columns(*_timeline(state, nav))
    elif session.exists():
        body = _unlock(state, nav)
    else:
        body = _create(state, nav)
    return ft.View(
        route="/wallet",
        appbar=app_bar(state, nav, t("wallet.ui.title", lang)),
        controls=[body if isinstance(body, ft.Control) else page_column(body)],
        scroll=ft.ScrollMode.AUTO,
        padding=16,
    )
