"""Pasted text is capped before anything is decoded (issue 17, item 8): the CLI stops at 64 KiB,
the app at MAX_PASTED_CHARS; a real code, however it was pasted, still reads."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from infocards.codes import SECTION_KEYS
from infocards.reader.read import MAX_PASTED_CHARS, read_pasted, read_text
from infocards.share import issue_from_records

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "wallets" / "reference-course.json"


def _code() -> str:
    course = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return issue_from_records(course["profile"], course["records"], bytes(range(32)), SECTION_KEYS,
                              lifetime=timedelta(minutes=30)).text


def test_a_code_reads_and_a_paste_over_the_cap_is_refused_before_decoding():
    code = _code()
    assert read_pasted(code).status == "valid"
    padded = code + "A" * (MAX_PASTED_CHARS + 1 - len(code))
    assert "base45" in read_text(padded).error.message("en")  # the decoder would have looked at it ...
    refused = read_pasted(padded)  # ... the app refuses it by its length alone
    assert refused.status == "not_infocards" and refused.summary is None
    assert "for lang til at være en kode" in refused.error.message("da")
    assert "too long to be a code" in refused.error.message("en")
    assert read_pasted(code + "A" * (MAX_PASTED_CHARS - len(code))).error.key != "error.share.paste_too_long"


def test_sixteen_mebibytes_are_refused_by_their_length_alone():
    huge = "IC1:" + "A" * (16 * 1024 * 1024)
    result = read_pasted(huge)
    assert result.status == "not_infocards" and "8 KiB" in result.error.message("en")
