"""`infocards reader build`: the folder a host serves, its limits, its data, and `read --journal`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from infocards.config import load_settings
from infocards.errors import UsageError
from infocards.i18n import t
from infocards.reader_site import MAX_SITE_BYTES, STATIC, build_site

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "wallets" / "reference-course.json"
LISTED = "K7QF-2MXA-5RTB-WZ4C"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built") / "site"
    build_site(out, load_settings().packs, {"signature": "signature"})
    return out


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def test_the_site_is_under_400_kib_with_the_default_packs(built):
    size = sum(p.stat().st_size for p in _files(built))
    assert 10_000 < size < MAX_SITE_BYTES == 400 * 1024, size


def test_the_folder_holds_the_page_its_code_and_its_data(built):
    names = {p.relative_to(built).as_posix() for p in _files(built)}
    assert {"index.html", "css/reader.css", "favicon.svg", "js/page/main.mjs", "js/codes/read.mjs",
            "data/strings.json", "data/cards.json", "data/trust.json"} <= names
    # Every page module and every decoder module is shipped, and nothing else of the package.
    shipped = {p.relative_to(STATIC).as_posix() for p in STATIC.rglob("*") if p.suffix in (".mjs", ".html", ".css")}
    assert shipped <= names
    assert not [n for n in names if n.endswith((".py", ".pyc", ".md"))]


def test_the_page_carries_a_strict_csp_and_no_inline_script_or_style(built):
    html = (built / "index.html").read_text("utf-8")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["connect-src"] == "'self'" and directives["img-src"] == "'self'"
    assert "unsafe" not in csp and "frame" not in csp  # frames fall under default-src 'none'
    assert re.findall(r"<script[^>]*>", html) == ['<script type="module" src="js/page/main.mjs">']
    assert "<style" not in html and " style=" not in html and " on" not in re.sub(r"<noscript>.*</noscript>", "", html)


def test_the_page_code_never_writes_markup_stores_or_calls_out():
    page = "\n".join(p.read_text("utf-8") for p in (STATIC / "js").rglob("*.mjs"))
    for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                      "localStorage", "sessionStorage", "document.cookie", "indexedDB", "XMLHttpRequest",
                      "sendBeacon", "WebSocket"):
        assert forbidden not in page, forbidden
    # Its only requests: its own data files, by a relative path.
    assert re.findall(r"fetch\(([^,)]*)", page) == ["`data/${name}.json`"]
    assert not re.findall(r"https?://[a-z0-9]", page)


def test_the_words_come_from_the_catalog_in_both_languages(built):
    strings = json.loads((built / "data" / "strings.json").read_text("utf-8"))
    for lang in ("da", "en"):
        for key in ("journal.copy", "share.status.valid", "vocab.role.gp", "journal.summary", "signed.checked"):
            assert strings[lang][key] == t(key, lang)
    assert strings["reasons"] == {"signature": "signature"}
    assert strings["sections"]["keys"][0] == "red_flags"


def test_card_titles_and_trust_lists_come_from_the_packs(tmp_path, content_pack, content_card):
    pack = content_pack("region", cards={"a.md": content_card(id="disc-herniation", title="Diskusprolaps")})
    with (pack / "pack.yaml").open("a", encoding="utf-8") as handle:
        handle.write(f"trusted_keys:\n  - fingerprint: {LISTED}\n    name: Mette Hansen\n    role: physiotherapist\n"
                     "    place: Middelfart Fysioterapi\n")
    built = build_site(tmp_path / "out", [pack])
    assert (built.cards, built.keys) == (1, 1)
    cards = json.loads((tmp_path / "out" / "data" / "cards.json").read_text("utf-8"))
    assert cards == {"disc-herniation": {"da": "Diskusprolaps"}}
    trust = json.loads((tmp_path / "out" / "data" / "trust.json").read_text("utf-8"))
    assert trust["keys"] == [{"fingerprint": LISTED, "name": "Mette Hansen", "role": "physiotherapist",
                              "place": "Middelfart Fysioterapi", "pack": "region",
                              "list": {"kind": "national", "publisher": "tests", "region": ""}}]
    assert [p["name"] for p in trust["packs"]] == ["region"]


def test_a_folder_that_holds_anything_is_refused(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("mine", "utf-8")
    with pytest.raises(UsageError):
        build_site(tmp_path / "out", [])
    assert (tmp_path / "out" / "keep.txt").read_text("utf-8") == "mine"


def _cli(*args: str, lang: str = "da") -> subprocess.CompletedProcess:
    env = {"INFOCARDS_LANG": lang, "PATH": "/usr/bin:/bin", "TZ": "Europe/Copenhagen"}
    return subprocess.run([sys.executable, "-m", "infocards", *args], capture_output=True, text=True, env=env,
                          timeout=120, check=False)


def test_the_command_builds_and_refuses_a_full_folder(tmp_path):
    done = _cli("reader", "build", "--out", str(tmp_path / "site"))
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith(f"Læseren er skrevet i {tmp_path / 'site'}: ")
    assert (tmp_path / "site" / "index.html").is_file()
    again = _cli("reader", "build", "--out", str(tmp_path / "site"))
    assert again.returncode == 2
    assert "er ikke tom" in again.stderr and "Traceback" not in again.stderr


def _course_code(**kwargs) -> str:
    from infocards.share import issue_from_records

    course = json.loads(FIXTURE.read_text("utf-8"))
    return issue_from_records(course["profile"], course["records"], bytes(range(32)), **kwargs).text


def test_read_journal_prints_the_text_of_a_valid_code():
    done = _cli("read", _course_code(lifetime=timedelta(minutes=30)), "--journal")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.rstrip("\n").split("\n")
    assert re.fullmatch(r"Patientens eget resumé fra infocards, læst \d{1,2}\.\d{1,2}\.\d{4} kl\. \d\d\.\d\d: "
                        r"gyldigt, nøgle [A-Z0-9]{4}(-[A-Z0-9]{4}){3}", lines[0])
    assert lines[1] == "Anna Jensen, født 14.3.1978"
    assert "Diagnoser:" in lines and "Røde flag:" in lines
    english = _cli("read", _course_code(lifetime=timedelta(minutes=30)), "--journal", lang="en")
    assert english.stdout.startswith("The patient's own summary from infocards, read ")


def test_read_journal_prints_nothing_for_an_expired_or_invalid_code():
    old = _course_code(lifetime=timedelta(minutes=30), now=datetime.now(UTC) - timedelta(hours=2))
    expired = _cli("read", old, "--journal")
    assert (expired.returncode, expired.stdout) == (3, "")
    assert "En udløbet kode giver ingen tekst til journalen." in expired.stderr
    invalid = _cli("read", old[:-6] + "AAAAAA", "--journal")
    assert (invalid.returncode, invalid.stdout) == (4, "")
    foreign = _cli("read", "https://example.org/#abc", "--journal")
    assert (foreign.returncode, foreign.stdout) == (5, "")
    both = _cli("read", old, "--journal", "--json")
    assert both.returncode == 2
