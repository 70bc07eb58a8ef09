"""Strings for the content area."""

STRINGS: dict[str, dict[str, str]] = {}
