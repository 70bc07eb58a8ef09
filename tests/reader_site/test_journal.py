"""The journal text: `infocards read --journal` and the static page's journal.mjs give the same text.

Every valid and expired vector is read by Python and by the page's own JavaScript (Node) at the
vector's clock, in Danish and English; the texts must be equal, and expired codes give none.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from infocards.reader import journal_text, read_text
from infocards.reader.journal import one_line
from infocards.reader.readable import REASONS
from infocards.reader_site import STATIC, site_strings

VECTORS = Path(__file__).resolve().parents[2] / "docs" / "format" / "vectors"
DRIVER = Path(__file__).with_name("journal_driver.mjs")
NODE = shutil.which("node")
HAS_DECODER = (STATIC / "js" / "codes" / "read.mjs").is_file()
# Presentation fields the JavaScript decoder does not give (spec S3): the page adds its own.
_LABELS = {"status_label", "message", "omitted_note", "key_seen", "title", "details", "source_label", "role_label",
           "role_card", "card_title", "signer_label"}
TZ = "Europe/Copenhagen"


def _vectors() -> list[dict]:
    found = [json.loads(p.read_text("utf-8")) for p in sorted(VECTORS.glob("*.json"))]
    return [v for v in found if v["expected"]["status"] in ("valid", "expired")]


def _strip(value):
    """The read JSON without the reader's presentation fields, as readCode returns it."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in _LABELS and k != "listed"}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _node(cases: list[dict], tmp_path: Path) -> list:
    strings = tmp_path / "strings.json"
    strings.write_text(json.dumps(site_strings({str(r): k for r, k in REASONS.items()})), "utf-8")
    done = subprocess.run([NODE, str(DRIVER), str(STATIC), str(strings)], input=json.dumps(cases), text=True,
                          capture_output=True, timeout=120, env={**os.environ, "TZ": TZ}, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def copenhagen(monkeypatch):
    import time

    monkeypatch.setenv("TZ", TZ)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _python(vector: dict, lang: str) -> str | None:
    now = datetime.fromisoformat(vector["clock"])
    return journal_text(read_text(vector["stages"]["code"], now), lang, now)


def test_there_are_vectors_of_both_kinds():
    kinds = {("note" if v["stages"]["code"].startswith("IN") else "summary", v["expected"]["status"])
             for v in _vectors()}
    assert {("summary", "valid"), ("summary", "expired"), ("note", "valid"), ("note", "expired")} <= kinds


@pytest.mark.skipif(NODE is None, reason="needs Node (scripts/test.sh installs Debian's nodejs)")
@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_page_writes_the_same_journal_as_python(lang, tmp_path, copenhagen):
    vectors = _vectors()
    # From the vector's read result as readCode gives it (labels stripped): the page's own part.
    cases = [{"read": _strip(v["expected"]["read"]), "lang": lang, "moment": v["clock"]} for v in vectors]
    got = _node(cases, tmp_path)
    for vector, text in zip(vectors, got, strict=True):
        assert text == _python(vector, lang), vector["name"]
    valid = [v for v in vectors if v["expected"]["status"] == "valid"]
    assert all(text for v, text in zip(vectors, got, strict=True) if v in valid)
    assert all(text is None for v, text in zip(vectors, got, strict=True) if v not in valid)


@pytest.mark.skipif(NODE is None or not HAS_DECODER, reason="needs Node and the JavaScript decoder (static/js/codes)")
@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_page_reads_and_writes_the_same_journal_as_python(lang, tmp_path, copenhagen):
    # The whole way in the browser's code: readCode over the code's text, then view and journal.
    vectors = _vectors()
    got = _node([{"code": v["stages"]["code"], "lang": lang, "moment": v["clock"]} for v in vectors], tmp_path)
    for vector, text in zip(vectors, got, strict=True):
        assert text == _python(vector, lang), vector["name"]


def test_the_journal_starts_as_the_issue_says_and_holds_no_control_characters(copenhagen):
    vector = json.loads((VECTORS / "carried-one-note.json").read_text("utf-8"))
    text = _python(vector, "da")
    first = text.split("\n")[0]
    assert first == "Patientens eget resumé fra infocards, læst 1.12.2026 kl. 10.10: gyldigt, nøgle F357-OMLO-YPTQ-YQ5Z"
    assert "skrevet og underskrevet af Mette Hansen, Fysioterapeut, FysioMidt" in text
    assert "(oplyst af patienten)" in text
    assert all(one_line(line) == line for line in text.split("\n"))


def test_one_line_drops_controls_format_and_bidi_characters():
    assert one_line("Anna\u202e nesneJ\u200b\r\nx\tY\u0007\u2028z") == "Anna nesneJ x Y z"


@pytest.mark.skipif(NODE is None, reason="needs Node (scripts/test.sh installs Debian's nodejs)")
def test_the_page_strips_the_same_characters_as_python():
    samples = ["Anna\u202e nesneJ\u200b\r\nx\tY\u0007\u2028z", "Mette\u2066 Hansen\u2069\u0085!",
               "a\ufeffb\u00adc\u061cd"]
    script = (f"import({json.dumps((STATIC / 'js' / 'page' / 'text.mjs').as_uri())})"
              f".then(m => process.stdout.write(JSON.stringify({json.dumps(samples)}.map(m.oneLine))))")
    done = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [one_line(text) for text in samples]
    assert json.loads(done.stdout)[0] == "Anna nesneJ x Y z"


def test_an_expired_code_gives_no_journal(copenhagen):
    vector = json.loads((VECTORS / "expired.json").read_text("utf-8"))
    assert vector["expected"]["status"] == "expired"
    assert _python(vector, "da") is None


# The key that signed the carried notes of the vectors, put on a pack's list for the view test.
_LISTED = {"fingerprint": "A5B5-7JMP-YMBN-LFNL", "name": "Mette Hansen (listed)", "role": "physiotherapist",
           "place": "FysioMidt, Middelfart", "pack": "region-syddanmark"}
_CARDS = {"disc-herniation": {"da": "Diskusprolaps", "en": "Disc herniation"},
          "lumbar-radiculopathy": {"da": "Iskias (lumbal radikulopati)"}}


def _python_view(vector: dict, lang: str) -> dict:
    from infocards.content.trust import TrustedKey, TrustList
    from infocards.reader.signed_view import note_json
    from infocards.reader.view import build_view

    now = datetime.fromisoformat(vector["clock"])
    result = read_text(vector["stages"]["code"], now)
    trust = TrustList([TrustedKey(**_LISTED)])
    if result.is_note:
        return note_json(result, lang, trust)

    def titles(card: str) -> str | None:
        known = _CARDS.get(card, {})
        return known.get(lang) or known.get("en" if lang == "da" else "da")

    return build_view(result, lang, titles, trust=trust).to_json()


def _without_page_extras(value):
    """The page's JSON less what only the page adds (empty texts, withheld counts, role label)."""
    if isinstance(value, dict):
        return {k: _without_page_extras(v) for k, v in value.items()
                if k not in ("empty", "notes_withheld", "shown_to_label", "withheld", "key_seen")}
    if isinstance(value, list):
        return [_without_page_extras(v) for v in value]
    return value


@pytest.mark.skipif(NODE is None, reason="needs Node (scripts/test.sh installs Debian's nodejs)")
@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_page_labels_every_entry_as_python_does(lang, tmp_path):
    # Titles, details, card names, who signed and whether the key is listed: the page's view.mjs
    # against reader/view.py and signed_view.py, on every vector that shows data.
    vectors = _vectors()
    from infocards.content.trust import TrustedKey

    listed_key = {**_LISTED, "list": TrustedKey(**_LISTED).list_json()}  # as reader build writes it
    cases = [{"read": _strip(v["expected"]["read"]), "lang": lang, "moment": v["clock"], "view": True,
              "cards": _CARDS, "trust": {"keys": [listed_key]}} for v in vectors]
    got = _node(cases, tmp_path)
    listed = 0
    for vector, page in zip(vectors, got, strict=True):
        python = _without_page_extras(_python_view(vector, lang))
        assert _without_page_extras(page) == python, vector["name"]
        listed += json.dumps(python, ensure_ascii=False).count('"listed": true')
    assert listed, "no vector carries the listed key: the trust part was not tested"
