"""Strings for the ui area."""

STRINGS: dict[str, dict[str, str]] = {}
