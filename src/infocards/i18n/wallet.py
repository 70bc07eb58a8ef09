"""Strings for the wallet area."""

STRINGS: dict[str, dict[str, str]] = {}
