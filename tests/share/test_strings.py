"""Every share string the code asks for exists in Danish and English, and no share module imports flet."""

import ast
import re
from pathlib import Path

import pytest

from infocards import vocab
from infocards.codes.sections import SECTION_KEYS, VIEW_SECTION_KEYS
from infocards.i18n import CATALOG

SRC = Path(__file__).resolve().parents[2] / "src" / "infocards"
MODULES = [*(p for pkg in ("codes", "share", "notes", "reader") for p in sorted((SRC / pkg).glob("*.py"))),
           SRC / "commands" / "share.py"]
KEY = re.compile(r"""["']((?:share|error\.share|cli\.share|cli\.read)\.[a-z_.]+)["']""")


def _labelled():
    yield from (f"share.section.{k}" for k in SECTION_KEYS)
    yield from (f"share.view.{k}" for k in VIEW_SECTION_KEYS)
    # the vocabulary the reader labels (one copy, in i18n/vocab.py)
    yield from (f"vocab.role.{k}" for k in vocab.ROLES)
    yield from (f"vocab.kind.{k}" for k in vocab.FINDING_KINDS)
    yield from (f"vocab.effect.{k}" for k in vocab.EFFECTS)
    yield from (f"vocab.referral_status.{k}" for k in vocab.REFERRAL_STATUSES)
    yield from (f"vocab.goal_status.{k}" for k in vocab.GOAL_STATUSES)
    yield from (f"vocab.work_status.{k}" for k in vocab.WORK_STATUSES)
    yield from (f"vocab.source.{k}" for k in vocab.SOURCES)
    yield from (f"share.status.{k}" for k in ("valid", "expired", "invalid", "not_infocards"))


def _used_keys():
    for path in MODULES:
        for key in KEY.findall(path.read_text(encoding="utf-8")):
            if not key.endswith("."):
                yield key


@pytest.mark.parametrize("key", sorted({*_labelled(), *_used_keys()}))
def test_key_has_danish_and_english(key):
    assert key in CATALOG, key
    assert CATALOG[key].get("da") and CATALOG[key].get("en"), key


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_flet_and_cryptography_only_in_signing(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {
        (node.module if isinstance(node, ast.ImportFrom) else alias.name).split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
        if not isinstance(node, ast.ImportFrom) or node.module
    }
    assert "flet" not in imported
    if path.name != "signing.py" or path.parent.name != "codes":
        assert "cryptography" not in imported
