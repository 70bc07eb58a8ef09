"""The JavaScript reader's format data is generated from the Python sources and kept in step."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from pathlib import Path

from infocards import vocab
from infocards.codes.dictionary import PRESET_DICTIONARY

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "make-js-format-data.py"


def _script():
    spec = importlib.util.spec_from_file_location("make_js_format_data", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_data_module_is_what_the_script_writes():
    script = _script()
    assert script.OUT.read_text("utf-8") == script.render(), "run scripts/make-js-format-data.py"


def test_the_data_module_holds_the_dictionary_and_the_vocabularies():
    text = _script().OUT.read_text("utf-8")
    dictionary = json.loads(re.search(r"export const PRESET_DICTIONARY_TEXT = (\".*\");", text).group(1))
    assert dictionary.encode("utf-8") == PRESET_DICTIONARY
    assert hashlib.sha256(PRESET_DICTIONARY).hexdigest() in text
    roles = json.loads(re.search(r"export const VOCAB = Object.freeze\((\{.*\})\);", text).group(1))["ROLES"]
    assert roles == list(vocab.ROLES)
