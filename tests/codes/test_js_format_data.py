"""The JavaScript reader's format data is generated from the Python sources and kept in step."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import unicodedata
from pathlib import Path

from infocards import vocab
from infocards.codes.dictionary import PRESET_DICTIONARY
from infocards.names import is_good_name

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "make-js-format-data.py"


def _script():
    spec = importlib.util.spec_from_file_location("make_js_format_data", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_data_module_is_what_the_script_writes():
    script = _script()
    committed = script.OUT.read_text("utf-8")
    version = re.search(r'NAME_UNICODE_VERSION = Object.freeze\("([0-9.]+)"\)', committed).group(1)
    assert version == unicodedata.unidata_version, (
        f"format-data.mjs holds the name rule's table of Unicode {version}, this Python's is "
        f"{unicodedata.unidata_version}: the two readers would refuse different names (FORMAT.md 5.3)"
    )
    assert committed == script.render(), "run scripts/make-js-format-data.py"


def test_the_data_module_holds_the_dictionary_and_the_vocabularies():
    text = _script().OUT.read_text("utf-8")
    dictionary = json.loads(re.search(r"export const PRESET_DICTIONARY_TEXT = (\".*\");", text).group(1))
    assert dictionary.encode("utf-8") == PRESET_DICTIONARY
    assert hashlib.sha256(PRESET_DICTIONARY).hexdigest() in text
    roles = json.loads(re.search(r"export const VOCAB = Object.freeze\((\{.*\})\);", text).group(1))["ROLES"]
    assert roles == list(vocab.ROLES)


def test_the_name_table_is_the_python_rule_on_every_code_point():
    text = _script().OUT.read_text("utf-8")
    ranges = json.loads(re.search(r"export const NAME_FORBIDDEN_RANGES = Object.freeze\((\[.*\])\);", text).group(1))
    forbidden = {code for first, last in ranges for code in range(first, last + 1)}
    assert 0x20 not in forbidden and {0x0A, 0xA0, 0x200B, 0x202E, 0x2028, 0xFEFF, 0xD800} <= forbidden
    for code in range(0x110000):
        assert (code in forbidden) == (code != 0x20 and not is_good_name(chr(code))), hex(code)


def test_the_digit_table_is_what_python_reads_as_a_digit_in_a_prefix():
    text = _script().OUT.read_text("utf-8")
    ranges = json.loads(re.search(r"export const DECIMAL_DIGIT_RANGES = Object.freeze\((\[.*\])\);", text).group(1))
    digits = {code for first, last in ranges for code in range(first, last + 1)}
    digit = re.compile(r"\d")
    for code in range(0x110000):
        assert (code in digits) == (digit.fullmatch(chr(code)) is not None), hex(code)
