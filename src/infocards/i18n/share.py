"""Strings for the share area."""

STRINGS: dict[str, dict[str, str]] = {}
