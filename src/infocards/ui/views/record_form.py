"""Add or edit one record of the course: a form per record type, with role and diagnosis pickers
linked to their cards."""

from __future__ import annotations

from datetime import date

import flet as ft

from infocards import vocab
from infocards.errors import InfocardsError
from infocards.i18n import t
from infocards.i18n.formats import format_date
from infocards.notes.receive import wallet_standing
from infocards.ui.app import card_route
from infocards.ui.forms import FORMS, Field, check_form, field_label, input_value
from infocards.ui.record_text import signer_words
from infocards.ui.views.wallet_common import locked_view, wallet_view
from infocards.ui.widgets import big_button, choice_tile, heading, labelled, secondary_button

__all__ = ["choose_view", "edit_view", "new_view"]


def choose_view(state, nav) -> ft.View:
    lang = state.lang
    locked = locked_view(state, nav, "/wallet/add")
    if locked:
        return locked
    body: list[ft.Control] = [heading(t("wallet.ui.choose_type", lang), 1)]
    for record_type in vocab.RECORD_TYPES:

        async def choose(_event, kind=record_type) -> None:
            await nav.go(f"/wallet/add/{kind}")

        body.append(choice_tile(t(f"vocab.type.{record_type}", lang), t(f"chooser.{record_type}", lang),
                                choose, f"add-{record_type}", icon=TYPE_ICONS.get(record_type)))
    return wallet_view(state, nav, "/wallet/add", body)


TYPE_ICONS = {
    "encounter": ft.Icons.EVENT_OUTLINED,
    "finding": ft.Icons.SEARCH,
    "referral": ft.Icons.FORWARD_TO_INBOX_OUTLINED,
    "treatment": ft.Icons.HEALING_OUTLINED,
    "medication": ft.Icons.MEDICATION_OUTLINED,
    "goal": ft.Icons.FLAG_OUTLINED,
    "work": ft.Icons.WORK_OUTLINE,
    "note": ft.Icons.NOTES,
}


def _named_dropdown(control: ft.Dropdown, identifier: str, label: str, on_change):
    """A dropdown named by its label and its choice ("Fagperson: Kiropraktor"): the wrapper's name
    hides the shown value from screen readers, so the name carries it and follows each choice."""

    def name() -> str:
        shown = next((o.text for o in control.options if o.key == control.value), "")
        return f"{label}: {shown}" if shown else label

    wrapper = labelled(control, identifier, label=name())

    def chosen(event) -> None:
        wrapper.label = name()
        wrapper.update()
        on_change(event)

    return wrapper, chosen


def _input(state, nav, route: str, spec: Field, value, inputs: dict, on_change) -> list[ft.Control]:
    lang = state.lang
    label = field_label(spec, FORMS.get(route.rsplit("/", 1)[-1], ()), lang)
    label += "" if spec.required else " " + t("wallet.ui.optional", lang)
    identifier = f"field-{spec.name}"
    if spec.kind in ("role", "choice"):
        control = ft.Dropdown(
            label=label,
            value=value,
            options=[ft.DropdownOption(key=c, text=t(f"vocab.{spec.group}.{c}", lang)) for c in spec.choices],
            text_size=17,
            expand=True,
        )
        inputs[spec.name] = control
        wrapper, on_change = _named_dropdown(control, identifier, label, on_change)
        control.on_select = on_change
        controls = [wrapper]
        if spec.kind == "role":

            async def about_role(_event) -> None:
                card = state.role_card(control.value) if control.value else None
                if card:
                    if callable(state.keep_draft):
                        state.keep_draft()  # what was typed waits for the patient's return
                    await nav.go(card_route(card.id, back_to=route))

            about = ft.TextButton(content=t("wallet.ui.about_role", lang), icon=ft.Icons.INFO_OUTLINE,
                                  on_click=about_role, disabled=not control.value, height=48)

            def role_chosen(event) -> None:
                on_change(event)
                about.disabled = not control.value
                about.update()

            control.on_select = role_chosen
            controls.append(labelled(about, f"about-{spec.name}"))
        return controls
    if spec.kind == "diagnosis":
        cards = state.diagnosis_choices(current=value)
        control = ft.Dropdown(label=label, value=value, text_size=17, expand=True,
                              options=[ft.DropdownOption(key=c.id, text=c.title) for c in cards])
        inputs[spec.name] = control
        wrapper, on_change = _named_dropdown(control, identifier, label, on_change)

        def picked(event) -> None:
            card = state.card(control.value) if control.value else None
            code_field = inputs.get("code")
            if card and card.codes and code_field is not None:
                code_field.value = card.codes[0]
                code_field.update()
            on_change(event)

        control.on_select = picked
        return [wrapper]
    control = ft.TextField(
        label=label,
        value=value or "",
        multiline=spec.kind == "long_text",
        min_lines=3 if spec.kind == "long_text" else None,
        keyboard_type=ft.KeyboardType.NUMBER if spec.kind == "number" else None,
        hint_text=t("wallet.ui.date_hint", lang) if spec.kind == "date" else None,
        text_size=17,
        on_change=on_change,
        error_max_lines=3,
    )
    inputs[spec.name] = control
    return [labelled(control, identifier)]


def _error_of(control) -> str | None:
    # TextField names its error text `error`, Dropdown `error_text` (Flet 1.0).
    return control.error_text if isinstance(control, ft.Dropdown) else control.error


def _mark(control, text: str | None) -> None:
    if isinstance(control, ft.Dropdown):
        control.error_text = text
    else:
        control.error = text


def _wallet_problem(exc: InfocardsError, specs: tuple[Field, ...], lang: str) -> tuple[str | None, str]:
    """The wallet's validation names a field; say which one, by the label the patient sees."""
    field = exc.params.get("field")
    for spec in specs:
        if spec.name == field:
            return spec.name, t("wallet.ui.check_field", lang, field=field_label(spec, specs, lang))
    return None, exc.message(lang)


def _provenance(state, existing: dict | None, lang: str) -> str:
    """Before the patient edits a professional's signed entry: who wrote it, and that the change
    will show (the edit keeps the signature beside it; see wallet.recordstore._keep_provenance)."""
    if not existing or "proof" not in existing:
        return ""
    wallet = state.wallet.require()
    key = str(existing["id"])
    standing, edited = wallet_standing(wallet)
    signer = standing.get(key)
    if signer is not None:
        return t("form.signed_warning", lang, who=signer_words(signer, lang))
    before = edited.get(key)
    return t("form.edited_before", lang, who=signer_words(before, lang)) if before is not None else ""


def _form(state, nav, route: str, record_type: str, existing: dict | None) -> ft.View:
    lang = state.lang
    specs = FORMS[record_type]
    inputs: dict = {}
    stored = existing or {"date": date.today().isoformat()}
    stored_shown = {spec.name: input_value(spec, stored.get(spec.name), lang) for spec in specs}
    shown = {**stored_shown, **state.drafts.pop(route, {})}  # a draft holds the text as it was typed
    error = ft.Text("", color=ft.Colors.ERROR, size=16)

    def raw_values() -> dict:
        return {name: control.value for name, control in inputs.items()}

    def on_change(_event) -> None:
        # Typing counts as use (auto-lock waits); a field marked wrong is cleared once it is right.
        state.wallet.touch()
        marked = [name for name, control in inputs.items() if _error_of(control)]
        if not marked:
            return
        _record, problems = check_form(specs, raw_values(), lang)
        for name in marked:
            if problems.get(name) != _error_of(inputs[name]):
                _mark(inputs[name], problems.get(name))
                inputs[name].update()
        if not any(_error_of(control) for control in inputs.values()) and error.value:
            error.value = ""
            error.update()

    body: list[ft.Control] = [heading(t(f"vocab.type.{record_type}", lang), 1, identifier="form-heading")]
    provenance = _provenance(state, existing, lang)
    if provenance:
        body.append(labelled(ft.Text(provenance, size=16, weight=ft.FontWeight.W_600), "form-provenance"))
    for spec in specs:
        body += _input(state, nav, route, spec, shown.get(spec.name), inputs, on_change)

    def keep_draft() -> None:
        state.drafts[route] = raw_values()

    def unsaved_changes() -> bool:
        return any(str(value or "") != str(stored_shown.get(name) or "") for name, value in raw_values().items())

    state.keep_draft = keep_draft
    state.unsaved_changes = unsaved_changes

    def show_problems(problems: dict[str, str], summary: str) -> None:
        for name, control in inputs.items():
            _mark(control, problems.get(name))
            control.update()
        error.value = summary
        error.update()

    async def save(_event) -> None:
        record, problems = check_form(specs, raw_values(), lang)
        if problems:
            first = next(iter(problems.values()))
            show_problems(problems, first if len(problems) == 1 else t("form.check_marked", lang))
            return
        record.update(type=record_type, source=(existing or {}).get("source", "patient"))
        try:
            wallet = state.wallet.require()
            if existing:
                record["id"] = existing["id"]
                wallet.put(record)
            else:
                wallet.add(record)
        except InfocardsError as exc:
            field, message = _wallet_problem(exc, specs, lang)
            show_problems({field: message} if field else {}, message)
            return
        what = t(f"vocab.type.{record_type}", lang)
        state.set_notice(t("saved.changed", lang) if existing else t("saved.added", lang, what=what))
        state.unsaved_changes = None  # saved: nothing to lose
        await nav.go("/wallet")

    body += [labelled(error, "form-error", live=True),
             big_button(t("wallet.ui.save", lang), save, "form-save", icon=ft.Icons.CHECK)]
    if existing:

        def delete(_event) -> None:
            async def confirmed(_e) -> None:
                nav.page.pop_dialog()
                try:
                    state.wallet.require().delete(existing["id"])
                except InfocardsError as exc:
                    error.value = exc.message(lang)
                    error.update()
                    return
                state.set_notice(t("saved.deleted", lang))
                state.unsaved_changes = None
                await nav.go("/wallet")

            def cancel(_e) -> None:
                nav.page.pop_dialog()

            what = t(f"vocab.type.{record_type}", lang)
            when = format_date(date.fromisoformat(existing["date"]), lang)
            nav.page.show_dialog(ft.AlertDialog(
                modal=True,
                title=ft.Text(t("wallet.ui.delete_title", lang)),
                content=ft.Text(t("wallet.ui.delete_confirm", lang, what=what, date=when), size=16),
                actions=[
                    labelled(ft.TextButton(content=t("wallet.ui.cancel", lang), on_click=cancel, height=48),
                             "delete-cancel"),
                    labelled(ft.FilledButton(content=t("wallet.ui.delete_yes", lang), on_click=confirmed,
                                             bgcolor=ft.Colors.ERROR, height=48), "delete-yes"),
                ],
            ))

        body.append(secondary_button(t("wallet.ui.delete", lang), delete, "form-delete",
                                     icon=ft.Icons.DELETE_OUTLINE))
    return wallet_view(state, nav, route, body)


def new_view(state, nav, record_type: str) -> ft.View:
    route = f"/wallet/add/{record_type}"
    locked = locked_view(state, nav, route)
    if locked:
        return locked
    if record_type not in FORMS:
        return choose_view(state, nav)
    return _form(state, nav, route, record_type, None)


def edit_view(state, nav, record_id: str) -> ft.View:
    route = f"/wallet/edit/{record_id}"
    locked = locked_view(state, nav, route)
    if locked:
        return locked
    try:
        record = state.wallet.require().get(record_id)
    except InfocardsError as exc:
        return wallet_view(state, nav, route, [ft.Text(exc.message(state.lang), size=16)])
    return _form(state, nav, route, record["type"], record)
