"""How the clinician view marks who an entry is from: a professional's signature stands apart."""

from __future__ import annotations

import flet as ft

from infocards.i18n import t
from infocards.reader.key_memory import KEY_WARNINGS, KeyMemory

__all__ = ["key_warning", "source_line"]


def source_line(entry) -> ft.Control:
    """The entry's "who says so" line: a signed entry with a seal icon, in bold; others in italics."""
    if not entry.signer:
        return ft.Text(entry.source_label, size=13, italic=True)
    checked = entry.signer.get("verified")
    icon = ft.Icons.VERIFIED if checked else ft.Icons.GPP_BAD
    colour = ft.Colors.GREEN_800 if checked else ft.Colors.RED_700
    return ft.Row(
        [ft.Icon(icon, color=colour, size=20), ft.Text(entry.source_label, size=14, weight=ft.FontWeight.W_600,
                                                       expand=True)],
        spacing=6,
    )


def key_warning(state, view) -> ft.Control | None:
    """'New phone, or a different person?' when a known name and birth date arrive with a new key."""
    if not view.name or not view.fingerprint or view.status not in ("valid", "expired"):
        return None
    if state.reader_only and getattr(state.clinic, "key", None) is None:
        # An open reader serves anyone who can reach it: without the clinic's own key unlocked in
        # this session, it neither tells nor learns which patients this clinic has seen.
        return None
    seen = KeyMemory().seen(view.name, view.birth_date, view.fingerprint)
    if seen not in KEY_WARNINGS:
        return None
    text = ft.Text(t(KEY_WARNINGS[seen], state.lang), size=18, weight=ft.FontWeight.BOLD, color=ft.Colors.ERROR)
    return ft.Semantics(content=text, identifier=f"reader-key-{seen}", live_region=True)
