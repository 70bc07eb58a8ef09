"""The da/en catalog is complete: every key the code asks for exists, in both languages, alike in shape."""

import ast
import inspect
import re
import string
from pathlib import Path

import pytest

from infocards import errors, vocab
from infocards.content import CATEGORIES
from infocards.i18n import CATALOG, LANGS

SRC = Path(__file__).resolve().parents[1] / "src" / "infocards"
SOURCES = sorted(SRC.rglob("*.py"))

# The vocabulary tuple behind each `vocab.<group>.<value>` label group.
VOCAB_GROUPS = {
    "ROLES": "role",
    "RECORD_TYPES": "type",
    "FINDING_KINDS": "kind",
    "EFFECTS": "effect",
    "REFERRAL_STATUSES": "referral_status",
    "GOAL_STATUSES": "goal_status",
    "WORK_STATUSES": "work_status",
    "SOURCES": "source",
}

# Keys whose Danish text may equal the English one although it has more than two words.
SAME_IN_BOTH = {
    # Standard output read by scripts: the same words in both languages on purpose (i18n/wallet.py).
    "wallet.init.recovery_code",
}


def _placeholders(text: str) -> set[str]:
    """The names in a format string: "{minutes:g} min" -> {"minutes"}."""
    names = set()
    for _, field, _, _ in string.Formatter().parse(text):
        if field is not None:
            names.add(re.split(r"[.\[]", field, maxsplit=1)[0])
    return names


def _error_classes() -> set[str]:
    return {
        name for name, obj in vars(errors).items() if inspect.isclass(obj) and issubclass(obj, errors.InfocardsError)
    }


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _literal_keys():
    """(where, key) for each string-literal key given to t() or to an error class, in all of src/infocards."""
    error_names = _error_classes()
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _called_name(node)
            where = f"{path.relative_to(SRC)}:{node.lineno}"
            arguments = []
            if name in ("t", *error_names) and node.args:
                arguments.append(node.args[0])
            if name in error_names:
                arguments += [kw.value for kw in node.keywords if kw.arg == "key"]
            for arg in arguments:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    yield where, arg.value


def _fstring_prefixes():
    """(where, prefix) for each f-string key given to t(): f"share.section.{key}" -> "share.section."."""
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called_name(node) == "t" and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
                    yield f"{path.relative_to(SRC)}:{node.lineno}", arg.values[0].value


LITERAL_KEYS = sorted(set(_literal_keys()))


def test_the_scan_finds_keys_in_every_area():
    """A guard on the scanner itself: if it found nothing, every check below would pass for nothing."""
    areas = {key.split(".")[0] for _, key in LITERAL_KEYS}
    assert {"error", "cli", "share", "wallet", "content", "category"} <= areas, areas
    files = {where.split(":")[0].split("/")[0] for where, _ in LITERAL_KEYS}
    assert {"share", "commands", "ui", "content", "wallet"} <= files, files
    raised = {key for where, key in LITERAL_KEYS if where.startswith("commands/share.py") and key.startswith("error.")}
    assert "error.share.unknown_role" in raised  # passed to UsageError, not to t()
    assert any(prefix == "share.section." for _, prefix in _fstring_prefixes())


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_every_key_has_danish_and_english(key):
    for lang in LANGS:
        text = CATALOG[key].get(lang)
        assert isinstance(text, str) and text.strip(), f"{key}: no {lang} text"


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_danish_and_english_use_the_same_placeholders(key):
    assert _placeholders(CATALOG[key]["da"]) == _placeholders(CATALOG[key]["en"]), key


@pytest.mark.parametrize(("where", "key"), LITERAL_KEYS, ids=[f"{w} {k}" for w, k in LITERAL_KEYS])
def test_every_literal_key_in_the_code_is_in_the_catalog(where, key):
    assert key in CATALOG, f"{where}: {key!r} is not in the catalog"


def test_every_f_string_key_has_entries():
    missing = [
        (where, prefix) for where, prefix in _fstring_prefixes() if not any(k.startswith(prefix) for k in CATALOG)
    ]
    assert not missing, missing


@pytest.mark.parametrize("name", sorted(_error_classes()))
def test_every_error_class_key_is_in_the_catalog(name):
    assert getattr(errors, name).key in CATALOG, name


def test_every_vocabulary_tuple_has_a_label_group():
    tuples = {name for name in vocab.__all__ if isinstance(getattr(vocab, name), tuple)}
    assert tuples == set(VOCAB_GROUPS), "map each vocabulary tuple to its vocab.<group> labels"


@pytest.mark.parametrize(("tuple_name", "group"), sorted(VOCAB_GROUPS.items()))
def test_every_vocabulary_value_has_a_label(tuple_name, group):
    missing = [value for value in getattr(vocab, tuple_name) if f"vocab.{group}.{value}" not in CATALOG]
    assert not missing, f"vocab.{group}: no label for {missing}"


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_content_category_has_a_name_and_an_about_text(category):
    assert f"category.{category}" in CATALOG
    assert f"category.{category}.about" in CATALOG


def test_no_english_only_strings():
    """A Danish text that equals the English one (beyond two words) was most likely never translated."""
    same = [
        key
        for key, texts in CATALOG.items()
        if len(texts["en"].split()) > 2 and texts["da"].strip() == texts["en"].strip() and key not in SAME_IN_BOTH
    ]
    assert not same, same


def test_the_exceptions_are_still_needed():
    for key in SAME_IN_BOTH:
        assert key in CATALOG and CATALOG[key]["da"] == CATALOG[key]["en"], key


def test_danish_calls_the_wallet_mappe_everywhere():
    """One word for the wallet on Danish screens and in Danish messages: "mappe" (issue 19, bug 11)."""
    said_tegnebog = sorted(key for key, texts in CATALOG.items() if "tegnebog" in texts["da"].lower())
    assert said_tegnebog == []
    assert "mappe" in CATALOG["note.ui.receive_save"]["da"].lower()
