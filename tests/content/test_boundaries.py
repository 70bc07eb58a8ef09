"""The content core stays flet-free, and its catalog entries are complete in Danish and English."""

from __future__ import annotations

import string
import subprocess
import sys

from infocards.i18n import content as content_strings


def test_the_content_core_and_its_command_never_import_flet():
    code = (
        "import sys\n"
        "import infocards.content, infocards.content.render, infocards.content.check, infocards.commands.content\n"
        "assert not any(name == 'flet' or name.startswith('flet.') for name in sys.modules), 'flet imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_content_string_has_danish_and_english_with_the_same_placeholders():
    for key, texts in content_strings.STRINGS.items():
        assert set(texts) == {"da", "en"}, key
        assert texts["da"].strip() and texts["en"].strip(), key
        assert _fields(texts["da"]) == _fields(texts["en"]), key


def test_category_names_for_the_ui():
    names = {key: texts for key, texts in content_strings.STRINGS.items() if key.startswith("category.")}
    assert names == {
        "category.diagnosis": {"da": "Diagnoser", "en": "Diagnoses"},
        "category.legislation": {"da": "Lovgivning", "en": "Legislation"},
        "category.role": {"da": "Roller (Fagpersoner)", "en": "Roles (Professionals)"},
        "category.pathway": {"da": "Forløb", "en": "Pathway"},
    }
