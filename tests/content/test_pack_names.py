"""No pack can pass for another (issue 17, item 10): names, kinds and listed keys checked across
packs, and a list named by its pack's kind, region and publisher, never by the pack's name."""

from __future__ import annotations

from pathlib import Path

from infocards.content import trust

from .test_cli import run

KEY = "K7QF-2MXA-5RTB-WZ4C"


def _pack(tmp_path: Path, folder: str, name: str, kind: str, *, region: str = "", publisher: str = "tests",
          keys: str = "", card_id: str | None = None) -> Path:
    root = tmp_path / folder
    (root / "da").mkdir(parents=True)
    (root / "pack.yaml").write_text(
        f'name: "{name}"\nkind: {kind}\nregion: "{region}"\npublisher: "{publisher}"\ncontact: x\n{keys}',
        encoding="utf-8",
    )
    card_id = card_id or f"{folder}-card"
    for lang in ("da", "en"):
        (root / lang).mkdir(exist_ok=True)
        (root / lang / f"{card_id}.md").write_text(
            f"---\nid: {card_id}\ntitle: Kort\ncategory: pathway\nlang: {lang}\nsummary: Et kort.\nsources:\n"
            "  - title: SST\n    url: https://www.sst.dk/\nreviewed: 2026-06-01\n---\nTekst.\n",
            encoding="utf-8",
        )
    return root


def _listed(fingerprint: str, name: str, place: str = "Fysio") -> str:
    return f"trusted_keys:\n  - fingerprint: {fingerprint}\n    name: \"{name}\"\n    role: physiotherapist\n" \
           f"    place: \"{place}\"\n"


def _errors(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if ": error: " in line]


def test_a_municipal_pack_named_like_the_national_pack_is_an_error(tmp_path):
    _pack(tmp_path, "national", "Nationale kort / National cards", "national")
    _pack(tmp_path, "mf", "Ｎationale  KORT", "municipality", region="syddanmark", keys=_listed(KEY, "Mette"))
    result = run("check", "--strict", "national", "mf", cwd=tmp_path)
    assert result.returncode == 1
    assert _errors(result) == [
        "mf/pack.yaml:1: error: the pack 'Ｎationale  KORT' is not the national pack but is named like it "
        "('Nationale kort / National cards') (use the municipality's or region's name)"
    ]
    # What a reader then says: the list of a municipal pack in its region, whatever its name claims.
    listed = trust.load_trust([tmp_path / "national", tmp_path / "mf"]).lookup(KEY)
    assert trust.list_label(listed, "da") == "en kommunepakke i Region Syddanmark, udgivet af tests"
    assert trust.list_label(listed, "en") == "a municipal pack in Region of Southern Denmark, published by tests"


def test_two_packs_by_one_name_and_a_second_national_pack_are_errors(tmp_path):
    _pack(tmp_path, "national", "Nationale kort", "national")
    _pack(tmp_path, "a", "Middelfart", "municipality")
    _pack(tmp_path, "b", "middelfart", "municipality")
    _pack(tmp_path, "c", "Landskort", "national", keys=_listed(KEY, "Mette"))
    result = run("check", "--strict", "national", "a", "b", "c", cwd=tmp_path)
    assert _errors(result) == [
        "b/pack.yaml:1: error: the pack is named 'middelfart', as a is (give each pack a name of its own, such as "
        "the municipality's)",
        "c/pack.yaml:1: error: the pack 'Landskort' says 'kind: national', but only the first pack can be the "
        "national one (write 'kind: municipality')",
    ]
    # Only the first pack of a deployment is national to a reader.
    listed = trust.load_trust([tmp_path / "national", tmp_path / "c"]).lookup(KEY)
    assert listed.list_json() == {"kind": "municipality", "region": "", "publisher": "tests"}
    first = trust.load_trust([tmp_path / "c"]).lookup(KEY)
    assert trust.list_label(first, "en") == "the national pack, published by tests"


def test_line_breaks_and_hidden_characters_in_listed_fields_are_errors(tmp_path):
    keys = (
        "trusted_keys:\n"
        f'  - fingerprint: {KEY}\n    name: "Mette\\nNøgle: AAAA"\n    role: gp\n    place: X\n'
        '  - fingerprint: AAAA-BBBB-CCCC-DDDD\n    name: "Ole\\u202e"\n    role: gp\n    place: X\n'
        '  - fingerprint: AAAA-BBBB-CCCC-EEEE\n    name: Eva\n    role: gp\n    place: "Klinik · på listen"\n'
    )
    _pack(tmp_path, "p", "Pakke", "national", publisher="Udgiver\\u200b", keys=keys)
    result = run("check", "--strict", "p", cwd=tmp_path)
    errors = _errors(result)
    assert [line.split(": error: ")[0] for line in errors] == ["p/pack.yaml:4", "p/pack.yaml:7", "p/pack.yaml:11",
                                                               "p/pack.yaml:15"]
    assert "the field 'publisher' must be one line without hidden characters or '·' (U+200B)" in errors[0]
    assert "'name' must be one line without hidden characters or '·' (U+000A)" in errors[1]
    assert "(U+202E)" in errors[2] and "'place'" in errors[3] and "(·)" in errors[3]
    assert len(trust.load_trust([tmp_path / "p"])) == 0  # none of them is listed for a reader


def test_one_key_listed_by_two_packs_under_different_names_is_an_error_and_listed_by_neither(tmp_path):
    _pack(tmp_path, "national", "Nationale kort", "national", keys=_listed(KEY, "Mette Hansen"))
    _pack(tmp_path, "mf", "Middelfart", "municipality", keys=_listed(KEY, "Anders And"))
    _pack(tmp_path, "fa", "Fåborg", "municipality", keys=_listed(KEY, "mette  hansen", place="Andet sted"))
    result = run("check", "--strict", "national", "mf", "fa", cwd=tmp_path)
    assert _errors(result) == [
        f"mf/pack.yaml:7: error: pack.yaml: trusted_keys: {KEY} is listed here as 'Anders And' but as "
        "'Mette Hansen' in national/pack.yaml (one key belongs to one person; neither list counts for it until "
        "the names agree)"
    ]
    assert trust.load_trust([tmp_path / "national", tmp_path / "mf"]).lookup(KEY) is None
    agreed = trust.load_trust([tmp_path / "national", tmp_path / "fa"]).lookup(KEY)
    assert agreed is not None and agreed.name == "Mette Hansen" and agreed.list_json()["kind"] == "national"


def test_the_shipped_packs_pass(tmp_path):
    root = Path(__file__).resolve().parents[2] / "content"
    packs = (root / "national", root / "municipalities" / "middelfart")
    result = run("check", "--strict", *packs, "--as-of", "2026-12-07", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
