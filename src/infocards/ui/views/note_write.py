"""Write a note back (clinician view): the clinic key, the professional's entries, the signed QR code."""

from __future__ import annotations

from datetime import UTC, date, datetime

import flet as ft

from infocards import vocab
from infocards.codes.link import code_to_link
from infocards.codes.note_code import Binding, make_note, make_note_code
from infocards.codes.qr_out import excess_characters, png_bytes
from infocards.codes.record_codec import normalise_note_record
from infocards.errors import InfocardsError
from infocards.i18n import t
from infocards.i18n.formats import format_date, format_datetime, numeric_date
from infocards.records import EARLIEST_DATE
from infocards.ui.clinic_session import clinic_of
from infocards.ui.forms import parse_user_date
from infocards.ui.views.wallet_common import busy_row, error_text, password_field, run_guarded
from infocards.ui.widgets import app_bar, big_button, heading, labelled, page_column, secondary_button

__all__ = ["qr_view", "view"]

ROUTE = "/reader/note"
QR_ROUTE = "/reader/note/qr"
QR_SIDE = 380
# The form's fields: name -> (label key, kind, choices); kinds: text, long, choice.
FIELDS = {
    "date": ("note.ui.date", "text", ()),
    "role": ("note.ui.role", "choice", ("role", vocab.ROLES)),
    "finding_kind": ("note.ui.finding_kind", "choice", ("kind", vocab.FINDING_KINDS)),
    "finding_text": ("note.ui.finding_text", "long", ()),
    "finding_code": ("note.ui.finding_code", "text", ()),
    "card": ("note.ui.card", "card", ()),
    "treatment_what": ("note.ui.treatment_what", "long", ()),
    "treatment_effect": ("note.ui.effect", "choice", ("effect", vocab.EFFECTS)),
    "medication_name": ("note.ui.medication_name", "text", ()),
    "medication_dose": ("note.ui.medication_dose", "text", ()),
    "medication_effect": ("note.ui.effect", "choice", ("effect", vocab.EFFECTS)),
    "referral_to": ("note.ui.referral_to", "choice", ("role", vocab.ROLES)),
    "referral_reason": ("note.ui.referral_reason", "long", ()),
    "referral_status": ("note.ui.referral_status", "choice", ("referral_status", vocab.REFERRAL_STATUSES)),
    "plan_text": ("note.ui.plan_text", "long", ()),
}
GROUPS = (
    ("note.ui.finding_heading", ("finding_kind", "finding_text", "finding_code")),
    ("note.ui.card_heading", ("card",)),
    ("note.ui.treatment_heading", ("treatment_what", "treatment_effect")),
    ("note.ui.medication_heading", ("medication_name", "medication_dose", "medication_effect")),
    ("note.ui.referral_heading", ("referral_to", "referral_reason", "referral_status")),
    ("note.ui.plan_heading", ("plan_text",)),
)
DEFAULTS = {"finding_kind": "examination", "treatment_effect": "unknown", "medication_effect": "unknown",
            "referral_status": "sent"}


def draft_records(values: dict, place: str, lang: str) -> tuple[list[dict], str | None]:
    """The records a filled-in form describes, or the first problem in words (flet-free)."""
    day = parse_user_date(values.get("date") or "")
    if day is None:
        return [], t("note.ui.bad_date", lang)
    if day < EARLIEST_DATE.isoformat():  # codes count days from 1900 (docs/FORMAT.md §4.3)
        return [], t("note.ui.date_range", lang)
    role = values.get("role") or "other"
    text = {name: (values.get(name) or "").strip() for name in FIELDS}

    def missing(name: str) -> str:
        return t("note.ui.fill_in", lang, field=t(FIELDS[name][0], lang))

    records: list[dict] = []
    if text["finding_text"]:
        finding = {"type": "finding", "date": day, "role": role, "kind": values.get("finding_kind") or "examination",
                   "text": text["finding_text"], "code": text["finding_code"], "card": values.get("card") or ""}
        records.append(finding)
    if text["treatment_what"]:
        records.append({"type": "treatment", "date": day, "role": role, "what": text["treatment_what"],
                        "effect": values.get("treatment_effect") or "unknown"})
    if text["medication_name"] or text["medication_dose"]:
        if not text["medication_name"] or not text["medication_dose"]:
            return [], missing("medication_dose" if text["medication_name"] else "medication_name")
        records.append({"type": "medication", "date": day, "name": text["medication_name"],
                        "dose": text["medication_dose"], "effect": values.get("medication_effect") or "unknown"})
    if text["referral_reason"] or values.get("referral_to"):
        if not text["referral_reason"] or not values.get("referral_to"):
            return [], missing("referral_reason" if values.get("referral_to") else "referral_to")
        records.append({"type": "referral", "date": day, "from_role": role, "to_role": values["referral_to"],
                        "reason": text["referral_reason"], "status": values.get("referral_status") or "sent"})
    if text["plan_text"]:
        records.append({"type": "encounter", "date": day, "role": role, "place": place or "-",
                        "summary": text["plan_text"]})
    if not records:
        return [], t("note.ui.nothing", lang)
    return records, None


def _binding(state) -> Binding | None:
    result = state.last_read
    if result is None or getattr(result, "summary", None) is None or result.public_key is None:
        return None
    return Binding.of(result.summary.name, result.summary.birth_date, result.public_key)


def _key_section(state, nav) -> list[ft.Control]:
    """Unlock the clinic key, or make one; once unlocked, who signs and the fingerprint, large."""
    lang = state.lang
    clinic = clinic_of(state)
    controls: list[ft.Control] = [heading(t("note.ui.key_heading", lang), 2)]
    if clinic.key is not None:
        controls += [
            ft.Text(t("note.ui.key_ready", lang, name=clinic.key.name), size=18),
            labelled(ft.Text(clinic.key.fingerprint, size=26, weight=ft.FontWeight.BOLD, font_family="monospace"),
                     "note-key-fingerprint"),
            ft.Text(t("note.ui.key_write_down", lang), size=15),
        ]
        return controls
    error, busy = error_text(), busy_row(lang)
    passphrase, passphrase_box = password_field(t("note.ui.key_passphrase", lang), "note-key-passphrase", lang)
    if clinic.exists():

        async def unlock(_event) -> None:
            if await run_guarded(lambda: clinic.unlock(passphrase.value or ""), error, busy, lang):
                nav.refresh()

        passphrase.on_submit = unlock
        return [*controls, ft.Text(t("note.ui.key_unlock", lang), size=16), passphrase_box,
                labelled(error, "note-key-error", live=True), busy,
                big_button(t("note.ui.key_unlock_button", lang), unlock, "note-key-unlock", icon=ft.Icons.KEY)]
    if state.reader_only:
        # A reader-only server may face a network: no visitor may plant the clinic's key there.
        return [*controls, labelled(ft.Text(t("note.ui.key_missing_server", lang), size=16),
                                    "note-key-missing")]
    again, again_box = password_field(t("note.ui.key_passphrase_again", lang), "note-key-passphrase-again", lang)
    name = ft.TextField(label=t("note.ui.key_name", lang), text_size=18)
    place = ft.TextField(label=t("note.ui.key_place", lang), text_size=18)
    role = ft.Dropdown(label=t("note.ui.role", lang), text_size=17, expand=True, value="physiotherapist",
                       options=[ft.DropdownOption(key=r, text=t(f"vocab.role.{r}", lang)) for r in vocab.ROLES])

    async def create(_event) -> None:
        action = lambda: clinic.create(passphrase.value or "", again.value or "", name.value or "",  # noqa: E731
                                       role.value or "other", place.value or "")
        if await run_guarded(action, error, busy, lang):
            nav.refresh()

    return [*controls, ft.Text(t("note.ui.key_missing", lang), size=16),
            labelled(name, "note-key-name"), labelled(role, "note-key-role", label=t("note.ui.role", lang)),
            labelled(place, "note-key-place"), passphrase_box, again_box,
            labelled(error, "note-key-error", live=True), busy,
            big_button(t("note.ui.key_create_button", lang), create, "note-key-create", icon=ft.Icons.KEY)]


def _choose_patient(state, nav, values: dict) -> list[ft.Control]:
    """No summary read in this session: read one, or say that the note is for anyone."""
    lang = state.lang

    async def read_code(_event) -> None:
        await nav.go("/reader")

    def for_anyone(_event) -> None:
        values["for_anyone"] = True
        nav.refresh()

    return [labelled(ft.Text(t("note.ui.needs_summary", lang), size=16, weight=ft.FontWeight.W_600),
                     "note-needs-summary"),
            big_button(t("note.ui.back_to_reader", lang), read_code, "note-read-code", icon=ft.Icons.QR_CODE_SCANNER),
            secondary_button(t("note.ui.for_anyone_button", lang), for_anyone, "note-for-anyone",
                             icon=ft.Icons.PERSON_OFF_OUTLINED)]


def _input(state, name: str, values: dict) -> ft.Control:
    lang = state.lang
    label_key, kind, choices = FIELDS[name]
    label = t(label_key, lang)

    def remember(event) -> None:  # every change is kept: a language switch or Back loses nothing
        values[name] = event.control.value

    if kind == "choice":
        group, options = choices
        control = ft.Dropdown(label=label, value=values.get(name), text_size=17, expand=True, on_select=remember,
                              options=[ft.DropdownOption(key=o, text=t(f"vocab.{group}.{o}", lang)) for o in options])
        return labelled(control, f"note-{name}", label=label)
    if kind == "card":
        cards = state.cards_in("diagnosis") + state.cards_in("pathway")
        control = ft.Dropdown(label=label, value=values.get(name), text_size=17, expand=True, on_select=remember,
                              options=[ft.DropdownOption(key=c.id, text=c.title) for c in cards])
        return labelled(control, f"note-{name}", label=label)
    control = ft.TextField(label=label, value=values.get(name) or "", multiline=kind == "long",
                           min_lines=3 if kind == "long" else None, text_size=17, on_change=remember)
    return labelled(control, f"note-{name}")


def view(state, nav) -> ft.View:
    lang = state.lang
    clinic = clinic_of(state)
    values = state.drafts.setdefault(ROUTE, {})
    if "date" not in values:  # a new draft (the reader may have set only who it is for)
        for name, value in {**DEFAULTS, "date": numeric_date(date.today())}.items():
            values.setdefault(name, value)
    if clinic.key is not None and not values.get("role"):
        values["role"] = clinic.key.role
    binding = None if values.get("for_anyone") else _binding(state)
    if binding is None and not values.get("for_anyone"):
        # A note is bound to the patient whose summary was read in this session; a note for
        # anyone must be chosen by name, or a note could land on any patient (issue 17, item 1).
        return _view(state, nav, [heading(t("note.ui.title", lang), 1, identifier="note-heading"),
                                  *_key_section(state, nav), *_choose_patient(state, nav, values)])
    if binding is None:
        bound_line = t("signed.unbound", lang)
    else:
        birth = format_date(date.fromisoformat(binding.birth_date), lang) if binding.birth_date else "?"
        bound_line = t("note.ui.for_patient", lang, name=binding.name, birth_date=birth)
    body: list[ft.Control] = [
        heading(t("note.ui.title", lang), 1, identifier="note-heading"),
        ft.Text(t("note.ui.explain", lang), size=16),
        labelled(ft.Text(bound_line, size=16, weight=ft.FontWeight.W_600), "note-bound"),
        *_key_section(state, nav),
    ]
    if clinic.key is None:
        return _view(state, nav, body)
    error = error_text()
    body += [_input(state, "role", values), _input(state, "date", values)]
    for title, names in GROUPS:
        body.append(heading(t(title, lang), 2))
        body += [_input(state, name, values) for name in names]

    async def make(_event) -> None:
        if clinic.key is None:  # locked while the form was open (idle lock): unlock first
            nav.refresh()
            return
        clinic.touch()  # signing is use: the idle lock starts again
        records, problem = draft_records(values, clinic.key.place, lang)
        try:
            if problem is None:
                clean = [normalise_note_record(r, i) for i, r in enumerate(records, 1)]
                note = make_note(clinic.key.key, (clinic.key.name, values.get("role") or clinic.key.role,
                                                  clinic.key.place), clean, datetime.now(UTC).replace(microsecond=0),
                                 binding=binding)
                text = make_note_code(note, clinic.key.key)
                if state.settings.reader_url:  # the deployment's codes are links (FORMAT.md §7)
                    text = code_to_link(text, state.settings.reader_url)
                if excess_characters(text):
                    problem = t("error.note.too_large", lang, chars=excess_characters(text) + 10)
        except InfocardsError as exc:
            problem = exc.message(lang)
        except ValueError:  # the note did not read back as written (make_note_code): nothing is shown
            problem = t("error.note.read_back", lang)
        error.value = problem or ""
        error.update()
        if problem:
            return
        # The code on a screen of its own, where the patient's phone sees it whole (below the form
        # it was under the fold); Back returns to the form as it was.
        state.note_shown = (text, note.core.expires_at)
        if callable(state.keep_draft):
            state.keep_draft()
        await nav.go(QR_ROUTE)

    def clear(_event) -> None:
        state.drafts.pop(ROUTE, None)
        nav.refresh()

    body += [labelled(error, "note-error", live=True),
             big_button(t("note.ui.make", lang), make, "note-make", icon=ft.Icons.QR_CODE_2),
             secondary_button(t("note.ui.clear", lang), clear, "note-clear", icon=ft.Icons.CLEAR)]
    return _view(state, nav, body)


def qr_view(state, nav) -> ft.View:
    """The note's QR code alone, as large as the screen allows, with when it expires and its text."""
    lang = state.lang
    if state.note_shown is None:  # nothing made in this session (a reload, an old address)
        body: list[ft.Control] = [labelled(ft.Text(t("note.ui.none_made", lang), size=16), "note-none")]
    else:
        text, expires_at = state.note_shown
        body = [
            heading(t("note.ui.qr_heading", lang), 1, identifier="note-qr-heading"),
            labelled(ft.Image(src=png_bytes(text, box_size=8), fit=ft.BoxFit.CONTAIN, width=QR_SIDE, height=QR_SIDE,
                              filter_quality=ft.FilterQuality.NONE, semantics_label=t("note.ui.qr_label", lang)),
                     "note-qr", label=t("note.ui.qr_label", lang)),
            ft.Text(t("note.ui.shown", lang, time=format_datetime(expires_at, lang)), size=16,
                    weight=ft.FontWeight.W_600),
            labelled(ft.Text(text, size=11, font_family="monospace"), "note-code-text"),
        ]

    async def back_to_form(_event) -> None:
        await nav.go(ROUTE)

    body.append(secondary_button(t("note.ui.back_to_form", lang), back_to_form, "note-back-to-form",
                                 icon=ft.Icons.EDIT_NOTE))
    return ft.View(route=QR_ROUTE, appbar=app_bar(state, nav, t("note.ui.title", lang)),
                   controls=[page_column(body)], scroll=ft.ScrollMode.AUTO, padding=16)


def _view(state, nav, body: list[ft.Control]) -> ft.View:
    return ft.View(route=ROUTE, appbar=app_bar(state, nav, t("note.ui.title", state.lang)),
                   controls=[page_column(body)], scroll=ft.ScrollMode.AUTO, padding=16)
