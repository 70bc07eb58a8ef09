"""trusted_keys in pack.yaml: checked with file:line, and looked up by the reader."""

from infocards.content.loader import load_packs
from infocards.content.trust import load_trust, normalise_fingerprint

GOOD = "K7QF-2MXA-9RTB-WZ4C".replace("9", "5")  # base32 has no 9


def _pack(content_pack, trusted: str):
    root = content_pack("region")
    with (root / "pack.yaml").open("a", encoding="utf-8") as handle:
        handle.write(trusted)
    return root


def _codes(root):
    loaded = load_packs([root])
    return [(p.code, p.line) for p in loaded.problems.problems if p.code.startswith("trusted")]


def test_a_good_list_passes_and_is_looked_up(content_pack):
    root = _pack(
        content_pack,
        f"trusted_keys:\n  - fingerprint: {GOOD}\n    name: Mette Hansen\n    role: physiotherapist\n"
        "    place: Middelfart Fysioterapi\n",
    )
    assert _codes(root) == []
    trust = load_trust([root])
    listed = trust.lookup(GOOD.lower().replace("-", " "))
    assert listed is not None and listed.name == "Mette Hansen" and listed.pack == "region"
    assert trust.lookup("AAAA-AAAA-AAAA-AAAA") is None  # not on a list


def test_every_problem_is_named_with_its_line(content_pack):
    root = _pack(
        content_pack,
        "trusted_keys:\n"
        f"  - fingerprint: {GOOD}\n    name: A\n    role: gp\n    place: X\n"  # line 7
        f"  - fingerprint: {GOOD}\n    name: B\n    role: gp\n    place: Y\n"  # line 11: duplicate
        "  - fingerprint: K7QF-2MXA\n    name: C\n    role: gp\n    place: Z\n"  # line 15: too short
        "  - fingerprint: AAAA-BBBB-CCCC-DDDD\n    role: physio\n    place: Z\n    phone: 1\n"  # line 19
        "  - just text\n",  # line 23
    )
    codes = _codes(root)
    assert ("trusted-key-duplicate", 11) in codes
    assert ("trusted-key-fingerprint", 15) in codes
    assert ("trusted-key-field", 19) in codes  # no name
    assert ("trusted-key-role", 19) in codes
    assert ("trusted-key-unknown-field", 19) in codes
    assert ("trusted-key-not-mapping", 23) in codes
    assert [k.name for k in load_trust([root])._keys.values()] == ["A"]  # only the good entry counts


def test_a_list_that_is_not_a_list_is_an_error(content_pack):
    root = _pack(content_pack, "trusted_keys: yes\n")
    assert [code for code, _ in _codes(root)] == ["trusted-keys-not-list"]


def test_fingerprints_are_normalised_or_refused():
    assert normalise_fingerprint("k7qf2mxa5rtbwz4c") == "K7QF-2MXA-5RTB-WZ4C"
    assert normalise_fingerprint("K7QF-2MXA") is None
    assert normalise_fingerprint("K7QF-2MXA-5RTB-WZ41") is None  # 1 is not base32
    assert normalise_fingerprint(12) is None
