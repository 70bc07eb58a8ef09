"""The reader's key memory is never written over when it cannot be read: it is moved aside, the
reader says so, and the memory's growth is bounded (issue 17, item 14)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from infocards.codes import SECTION_KEYS
from infocards.reader.key_memory import MAX_FILE_BYTES, MAX_PEOPLE, KeyMemory
from infocards.share import issue_from_records

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "wallets" / "reference-course.json"


def _asides(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".unreadable-*"))


def _big_memory(path: Path, name: str, fingerprint: str) -> bytes:
    """A real memory holding `name` with `fingerprint`, padded with other people past MAX_FILE_BYTES
    (what a reader without a bound on growth ended up with)."""
    memory = KeyMemory(path)
    assert memory.seen(name, "1980-01-01", fingerprint) == "first"
    data = json.loads(path.read_text())
    for number in range(MAX_FILE_BYTES // 350 + 10):
        data["people"][f"{number:032x}"] = [f"AAAA-BBBB-CCCC-{number % 10000:04d}"] * 16
    raw = json.dumps(data).encode()
    assert len(raw) > MAX_FILE_BYTES
    path.write_bytes(raw)
    return raw


def test_a_memory_over_the_size_limit_is_moved_aside_never_written_over(tmp_path):
    path = tmp_path / "reader-keys.json"
    original = _big_memory(path, "Anna Jensen", "AAAA-AAAA-AAAA-AAAA")
    memory = KeyMemory(path)
    memory.seen("Anna Jensen", "1980-01-01", "BBBB-BBBB-BBBB-BBBB")
    [aside] = _asides(path)
    assert memory.set_aside == aside
    assert aside.read_bytes() == original  # every byte of the old memory kept
    assert len(path.read_bytes()) < 1000  # a new memory beside it


def test_a_damaged_memory_is_moved_aside_and_the_cli_says_so(tmp_path, wallet_cli):
    path = tmp_path / "reader-keys.json"
    path.write_bytes(b'{"salt": "not base64", "people": {')
    course = json.loads(FIXTURE.read_text(encoding="utf-8"))
    code = issue_from_records(course["profile"], course["records"], bytes(range(32)), SECTION_KEYS,
                              lifetime=timedelta(minutes=30)).text
    read = wallet_cli("read", "--json", code, env={"INFOCARDS_READER_KEYS": str(path)})
    assert read.returncode == 0 and json.loads(read.stdout)["key_seen"] == "first"
    [aside] = _asides(path)
    assert aside.read_bytes() == b'{"salt": "not base64", "people": {'
    assert "could not be read" in read.stderr and str(aside) in read.stderr
    again = wallet_cli("read", "--json", code, env={"INFOCARDS_READER_KEYS": str(path)})
    assert json.loads(again.stdout)["key_seen"] == "known" and "could not be read" not in again.stderr
    assert len(_asides(path)) == 1


def test_the_memory_keeps_at_most_max_people_and_forgets_the_least_recently_seen(tmp_path):
    path = tmp_path / "reader-keys.json"
    memory = KeyMemory(path)
    memory.seen("First Person", None, "AAAA-AAAA-AAAA-0001")
    memory.seen("Second Person", None, "AAAA-AAAA-AAAA-0002")
    data = json.loads(path.read_text())
    for number in range(MAX_PEOPLE - 2):  # the worst case: both tables full, full lists
        data["people"][f"{number:032x}"] = ["CCCC-CCCC-CCCC-CCCC"] * 16
        data["skeletons"][f"{number:032x}"] = ["CCCC-CCCC-CCCC-CCCC"] * 16
    path.write_text(json.dumps(data))
    memory = KeyMemory(path)
    assert memory.seen("First Person", None, "AAAA-AAAA-AAAA-0001") == "known"  # seen again: kept
    memory.seen("Third Person", None, "AAAA-AAAA-AAAA-0003")  # one over the limit
    saved = path.read_bytes()
    assert len(json.loads(saved)["people"]) == MAX_PEOPLE and len(saved) < MAX_FILE_BYTES
    assert len(json.loads(saved)["skeletons"]) == MAX_PEOPLE
    memory = KeyMemory(path)
    assert memory.seen("Second Person", None, "AAAA-AAAA-AAAA-0002") == "first"  # the one forgotten
    assert memory.seen("First Person", None, "AAAA-AAAA-AAAA-0001") == "known"
    assert memory.seen("Third Person", None, "AAAA-AAAA-AAAA-0003") == "known"
    assert _asides(path) == []
