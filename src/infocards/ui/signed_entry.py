"""How the clinician view marks who an entry is from: a professional's signature stands apart."""

from __future__ import annotations

import flet as ft

from infocards.i18n import t
from infocards.reader.key_memory import KEY_WARNINGS, KeyMemory
from infocards.reader.signed_view import signer_trust, signer_who

__all__ = ["key_warning", "signer_block", "source_line", "trust_kind"]


# How a signature reads at a glance: icon, colour and words differ for a listed key, a key on no
# list, and a signature that does not hold (a name alone never decides which).
_TRUST_LOOK = {
    "listed": (ft.Icons.VERIFIED, ft.Colors.GREEN_800),
    "not_listed": (ft.Icons.KEY_OUTLINED, ft.Colors.BLUE_GREY_700),
    "failed": (ft.Icons.GPP_BAD, ft.Colors.RED_700),
}


def trust_kind(signer) -> str:
    if not signer.get("verified"):
        return "failed"
    return "listed" if signer.get("listed") else "not_listed"


def signer_block(signer, lang: str, prefix: str = "signer") -> list[ft.Control]:
    """The lines of a signed note's signer, each built from the signer's own fields: who, what the
    signature and the lists say (icon and words), a note for anyone, entries not shared."""
    kind = trust_kind(signer)
    icon, colour = _TRUST_LOOK[kind]
    lines: list[ft.Control] = [
        ft.Text(signer_who(signer, lang), size=14, weight=ft.FontWeight.W_600),
        ft.Semantics(content=ft.Row([ft.Icon(icon, color=colour, size=20),
                                     ft.Text(signer_trust(signer, lang), size=14, color=colour, expand=True)],
                                    spacing=6),
                     identifier=f"{prefix}-trust-{kind}"),
    ]
    if not signer.get("bound", True):
        lines.append(ft.Semantics(content=ft.Row([ft.Icon(ft.Icons.PERSON_OFF_OUTLINED, color=ft.Colors.ERROR, size=20),
                                                  ft.Text(t("signed.unbound", lang), size=14, expand=True,
                                                          weight=ft.FontWeight.BOLD, color=ft.Colors.ERROR)],
                                                 spacing=6), identifier=f"{prefix}-unbound"))
    if signer.get("withheld"):
        lines.append(ft.Semantics(content=ft.Text(t("signed.withheld", lang, count=signer["withheld"]), size=14,
                                                  italic=True), identifier=f"{prefix}-withheld"))
    return lines


def source_line(entry, lang: str = "da") -> ft.Control:
    """The entry's "who says so" lines: a signed entry's signer apart, in bold; others in italics."""
    if not entry.signer:
        return ft.Text(entry.source_label, size=13, italic=True)
    return ft.Column(signer_block(entry.signer, lang), spacing=2)


def key_warning(state, view) -> ft.Control | None:
    """'New phone, or a different person?' when a known name and birth date arrive with a new key
    (or a look-alike name with another key); 'same key as last time' when this reader has seen
    this key for this person before; nothing for a first meeting."""
    if not view.name or not view.fingerprint or view.status not in ("valid", "expired"):
        return None
    if state.reader_only and getattr(state.clinic, "key", None) is None:
        # An open reader serves anyone who can reach it: without the clinic's own key unlocked in
        # this session, it neither tells nor learns which patients this clinic has seen.
        return None
    seen = KeyMemory().seen(view.name, view.birth_date, view.fingerprint)
    if seen == "known":  # said only when this reader has seen this very key for this person
        text = ft.Text(t("reader.ui.key_known", state.lang), size=16)
        return ft.Semantics(content=text, identifier="reader-key-known")
    if seen not in KEY_WARNINGS:
        return None
    text = ft.Text(t(KEY_WARNINGS[seen], state.lang), size=18, weight=ft.FontWeight.BOLD, color=ft.Colors.ERROR)
    return ft.Semantics(content=text, identifier=f"reader-key-{seen}", live_region=True)
