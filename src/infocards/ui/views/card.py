"""One card: title, summary, body, codes, related cards, sources and the reviewed date."""

from __future__ import annotations

import re

import flet as ft

from infocards.content.render import markdown_for_app
from infocards.i18n import t
from infocards.i18n.formats import format_date
from infocards.ui.app import card_route
from infocards.ui.widgets import PRIMARY, app_bar, call_button, heading, labelled, page_column, secondary_button

__all__ = ["body_parts", "call_label", "view"]

# A call link of the agreed card format: [Ring 70 11 07 07](tel:70110707), digits and a leading +.
_CALL_LINK = re.compile(r"\[([^\]\n]+)\]\(tel:(\+?[0-9]+)\)")
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
_ONLY_SEPARATORS = re.compile(r"[\s*+\-.,;:–•]*")


def body_parts(markdown: str) -> list[str | tuple[str, str]]:
    """The body as markdown pieces and (label, number) call buttons: each block (paragraph, list)
    that holds call links is shown with the link texts as plain words, followed by one button per
    link; a block of nothing but call links becomes just the buttons."""
    parts: list[str | tuple[str, str]] = []
    pending: list[str] = []
    for block in _BLOCK_BREAK.split(markdown):
        calls = _CALL_LINK.findall(block)
        if not calls:
            pending.append(block)
            continue
        if not _ONLY_SEPARATORS.fullmatch(_CALL_LINK.sub("", block)):
            pending.append(_CALL_LINK.sub(lambda m: m.group(1), block))
        if pending:
            parts.append("\n\n".join(pending))
            pending = []
        parts.extend(calls)
    if pending:
        parts.append("\n\n".join(pending))
    return parts


def call_label(text: str, lang: str) -> str:
    """A link text that is only a number ("112") reads as "Ring 112"; words stay as written."""
    text = " ".join(text.replace("\\", "").split())
    if re.fullmatch(r"[+0-9 ]+", text):
        return t("urgent.call_number", lang, number=text)
    return text


def _facts(card, lang: str) -> list[ft.Control]:
    facts = []
    if card.applies_from:
        facts.append(t("card.applies_from", lang, date=format_date(card.applies_from, lang)))
    if card.region:
        facts.append(t("card.region", lang, region=card.region))
    return [ft.Text(f, size=15, weight=ft.FontWeight.W_500) for f in facts]


def _codes(card, lang: str) -> list[ft.Control]:
    if not card.codes:
        return []
    chips = [ft.Container(ft.Text(code, size=15), padding=8,
                          border=ft.Border.all(1, ft.Colors.OUTLINE), border_radius=8)
             for code in card.codes]
    return [
        heading(t("card.codes", lang), 2),
        labelled(ft.Row(chips, wrap=True, spacing=8, run_spacing=8), "card-codes"),
    ]


def _related(state, nav, card) -> list[ft.Control]:
    lang = state.lang
    buttons = []
    for related_id in card.related:
        related = state.card(related_id)
        if related is None:
            continue

        async def open_related(_event, card_id=related_id) -> None:
            await nav.go(card_route(card_id, back_to=nav.page.route))

        buttons.append(secondary_button(related.title, open_related, f"related-{related_id}",
                                        icon=ft.Icons.ARROW_FORWARD))
    return [heading(t("card.related", lang), 2), *buttons] if buttons else []


def _sources(nav, card, lang: str) -> list[ft.Control]:
    items = []
    for source in card.sources:

        async def open_source(_event, url=source.url) -> None:
            await nav.open_link(url)

        items.append(ft.ListTile(
            leading=ft.Icon(ft.Icons.OPEN_IN_NEW),
            title=ft.Text(source.title, size=15),
            subtitle=ft.Text(source.url, size=13),
            on_click=open_source,
        ))
    return [heading(t("card.sources", lang), 2), labelled(ft.Column(items, spacing=0), "card-sources")]


def _reviewed(card, lang: str) -> ft.Control:
    text = t("card.reviewed", lang, date=format_date(card.reviewed, lang))
    if card.review_by:
        text += " · " + t("card.review_by", lang, date=format_date(card.review_by, lang))
    return labelled(ft.Text(text, size=14, italic=True), "card-reviewed")


def _markdown(text: str, on_link) -> ft.Control:
    return ft.Markdown(
        text,
        extension_set=ft.MarkdownExtensionSet.GITHUB_FLAVORED,
        on_tap_link=on_link,
        md_style_sheet=ft.MarkdownStyleSheet(
            p_text_style=ft.TextStyle(size=17, height=1.4),
            # Links (other cards, web pages) in the app's dark teal and underlined, not pale blue.
            a_text_style=ft.TextStyle(color=PRIMARY, decoration=ft.TextDecoration.UNDERLINE,
                                      weight=ft.FontWeight.W_600),
        ),
    )


def view(state, nav, card_id: str) -> ft.View:
    lang = state.lang
    card = state.card(card_id)
    if card is None:
        body = [labelled(ft.Text(t("card.not_found", lang), size=16), "card-not-found")]
        title = t("app.title", lang)
    else:
        title = t(f"category.{card.category}", lang)

        async def on_link(event) -> None:
            await nav.open_link(str(event.data or ""))

        body_controls: list[ft.Control] = []
        calls = 0
        for part in body_parts(markdown_for_app(card.body)):
            if isinstance(part, tuple):
                label, number = part
                calls += 1
                body_controls.append(call_button(call_label(label, lang), number, f"card-call-{calls}",
                                                 emergency=number.lstrip("+") == "112"))
            elif part.strip():
                body_controls.append(_markdown(part, on_link))
        markdown = ft.Column(body_controls, spacing=10, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        body = [
            heading(card.title, 1, identifier="card-title"),
            labelled(ft.Text(card.summary, size=18, italic=True), "card-summary"),
            *_facts(card, lang),
            labelled(markdown, "card-body"),
            *_codes(card, lang),
            *_related(state, nav, card),
            *_sources(nav, card, lang),
            _reviewed(card, lang),
        ]
    return ft.View(
        route=f"/card/{card_id}",
        appbar=app_bar(state, nav, title),
        controls=[page_column(body)],
        scroll=ft.ScrollMode.AUTO,
        padding=16,
    )
