"""My details (name, birth date, municipality, GP) and the log of who was shown my summary (also a
screen of its own, reached from the wallet's main screen)."""

from __future__ import annotations

from datetime import date, datetime

import flet as ft

from infocards.errors import InfocardsError
from infocards.i18n import t
from infocards.i18n.formats import format_datetime
from infocards.ui.forms import input_date, parse_user_date
from infocards.ui.views.wallet_common import error_text, keeps_awake, locked_view, wallet_view
from infocards.ui.widgets import big_button, heading, labelled

__all__ = ["PROFILE_FIELDS", "birth_date_problem", "log_view", "view"]

PROFILE_FIELDS = ("name", "birth_date", "municipality", "gp")


def _share_log(state) -> list[ft.Control]:
    lang = state.lang
    shares = state.wallet.require().share_log()
    if not shares:
        return [labelled(ft.Text(t("profile.ui.no_shares", lang), size=15), "share-log-empty")]
    rows = []
    for share in reversed(shares):  # newest first
        when = format_datetime(datetime.fromisoformat(share["date"]), lang)
        sections = ", ".join(t(f"share.section.{key}", lang) for key in share.get("sections", ()))
        rows.append(ft.ListTile(
            leading=ft.Icon(ft.Icons.QR_CODE_2),
            title=ft.Text(f"{when} · {t('vocab.role.' + share['role'], lang)}", size=16),
            subtitle=ft.Text(sections, size=14),
        ))
    return [labelled(ft.Column(rows, spacing=0), "share-log")]


def birth_date_problem(text: str, lang: str, today: date | None = None) -> tuple[str, str | None]:
    """The birth date as ISO ('' when left empty) and what is wrong with it, if anything."""
    text = (text or "").strip()
    if not text:
        return "", None
    parsed = parse_user_date(text)
    if parsed is None:
        return "", t("wallet.ui.bad_date_field", lang, field=t("profile.field.birth_date", lang))
    if parsed > (today or date.today()).isoformat():
        return "", t("form.future_birth", lang)
    return parsed, None


def log_view(state, nav) -> ft.View:
    """Who has seen my summary: the share log on a screen of its own."""
    route = "/wallet/log"
    locked = locked_view(state, nav, route)
    if locked:
        return locked
    lang = state.lang
    body = [
        heading(t("profile.ui.log_heading", lang), 1, identifier="share-log-heading"),
        ft.Text(t("profile.ui.log_explain", lang), size=15),
        *_share_log(state),
    ]
    return wallet_view(state, nav, route, body)


def view(state, nav) -> ft.View:
    route = "/wallet/profile"
    locked = locked_view(state, nav, route)
    if locked:
        return locked
    lang = state.lang
    wallet = state.wallet.require()
    stored = {**wallet.profile, "birth_date": input_date(wallet.profile.get("birth_date"))}
    if not stored.get("municipality") and state.municipality():
        stored["municipality"] = state.municipality()
    current = {**stored, **state.drafts.pop(route, {})}
    fields = {}
    message, error = ft.Text("", size=16), error_text()

    def birth_changed(_event) -> None:
        state.wallet.touch()
        field = fields["birth_date"]
        if field.error and birth_date_problem(field.value, lang)[1] is None:
            field.error, error.value = None, ""  # fixed: the mark goes at once
            field.update()
            error.update()

    for name in PROFILE_FIELDS:
        fields[name] = ft.TextField(
            label=t(f"profile.field.{name}", lang),
            value=current.get(name, ""),
            hint_text=t("wallet.ui.date_hint", lang) if name == "birth_date" else None,
            text_size=17,
            on_change=birth_changed if name == "birth_date" else keeps_awake(state),
        )

    def keep_draft() -> None:
        state.drafts[route] = {name: field.value for name, field in fields.items()}

    def unsaved_changes() -> bool:
        return any((field.value or "") != (stored.get(name) or "") for name, field in fields.items())

    state.keep_draft = keep_draft
    state.unsaved_changes = unsaved_changes

    def save(_event) -> None:
        values = {name: (field.value or "").strip() for name, field in fields.items()}
        values["birth_date"], problem = birth_date_problem(values["birth_date"], lang)
        fields["birth_date"].error = problem
        fields["birth_date"].update()
        if problem:
            error.value, message.value = problem, ""
            error.update()
            message.update()
            return
        try:
            wallet.set_profile(values)
        except InfocardsError as exc:
            error.value, message.value = exc.message(lang), ""
        else:
            error.value, message.value = "", t("profile.ui.saved", lang)
            stored.update({name: field.value or "" for name, field in fields.items()})  # nothing unsaved now
        error.update()
        message.update()

    body = [
        heading(t("profile.ui.heading", lang), 1, identifier="profile-heading"),
        ft.Text(t("profile.ui.explain", lang), size=16),
        *[labelled(field, f"profile-{name}") for name, field in fields.items()],
        labelled(error, "profile-error", live=True),
        labelled(message, "profile-message", live=True),
        big_button(t("wallet.ui.save", lang), save, "profile-save", icon=ft.Icons.CHECK),
        heading(t("profile.ui.log_heading", lang), 2),
        ft.Text(t("profile.ui.log_explain", lang), size=15),
        *_share_log(state),
    ]
    return wallet_view(state, nav, route, body)
