"""Codes as links through the real commands: `[share] reader_url` / INFOCARDS_READER_URL checked,
`share` and `note` write links, and `read`, `wallet receive` and `note --for` read them."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from infocards.codes.link import link_to_code
from infocards.codes.qr_in import decode_image
from infocards.config import check_reader_url, load_settings
from infocards.errors import ReaderUrlError
from tests.qr_segments import read_segments
from tests.share.notes import NOTE_RECORDS

PASSPHRASE = "correct horse battery staple"
READER = "https://Laes.Example.DK/Rygkort/"
WRITTEN = "https://laes.example.dk/Rygkort/#"  # scheme and host lowercased, the path as given


LINKS = {"INFOCARDS_READER_URL": READER}


def _no_traceback(result):
    assert "Traceback" not in result.stderr + result.stdout


def _config(tmp_path, line: str):
    path = tmp_path / "flet.toml"
    path.write_text(f'[content]\npacks = ["national"]\n[share]\n{line}\n', encoding="utf-8")
    return path


# -- the setting ---------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["https://laes.example.dk/", "https://rygkort.dk/laes", "HTTPS://X.DK:8443/a/b",
                                 "http://localhost:8000/reader/", "http://127.0.0.1/r", "https://a.dk/" + "b" * 87])
def test_good_reader_addresses(url):
    assert check_reader_url(url)


@pytest.mark.parametrize("url", ["http://laes.example.dk/", "https://laes.example.dk", "ftp://x.dk/",
                                 "https://user@x.dk/", "https://x.dk/?a=1", "https://x.dk/#", "https://x.dk/a b",
                                 "https://x.dk/æ", "https://x.dk:0/", "https://x.dk:70000/", "https://x..dk/",
                                 "https://-x.dk/", "http://localhost.evil.dk/", "https://a.dk/" + "b" * 88,
                                 "https://x.dk/\n", " https://x.dk/", "javascript:alert(1)//", 42])
def test_bad_reader_addresses(url):
    assert not check_reader_url(url)


def test_flet_toml_and_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("INFOCARDS_READER_URL", raising=False)
    assert load_settings(_config(tmp_path, 'expiry_minutes = 30')).reader_url == ""
    assert load_settings(_config(tmp_path, 'reader_url = "https://x.dk/l"')).reader_url == "https://x.dk/l"
    with pytest.raises(ReaderUrlError) as caught:
        load_settings(_config(tmp_path, 'reader_url = "http://x.dk/l"'))
    assert caught.value.exit_code == 2
    assert "[share] reader_url" in caught.value.message("en") and "https://" in caught.value.message("da")
    monkeypatch.setenv("INFOCARDS_READER_URL", "https://y.dk/")
    assert load_settings(_config(tmp_path, 'reader_url = "http://x.dk/l"')).reader_url == "https://y.dk/"
    monkeypatch.setenv("INFOCARDS_READER_URL", "")  # set and empty: no links, whatever the file says
    assert load_settings(_config(tmp_path, 'reader_url = "https://x.dk/l"')).reader_url == ""
    monkeypatch.setenv("INFOCARDS_READER_URL", "https://y.dk/?q")
    with pytest.raises(ReaderUrlError) as caught:
        load_settings(_config(tmp_path, ""))
    assert "INFOCARDS_READER_URL" in caught.value.message("da")


def test_share_and_note_refuse_a_bad_reader_address_with_2_before_anything_else(cli, share_wallet, tmp_path):
    wallet = share_wallet()
    before = wallet.read_bytes()
    bad = {"INFOCARDS_READER_URL": "http://example.dk/laes/"}
    share = cli("share", wallet, "--out", tmp_path / "s.png", env=bad)
    assert share.returncode == 2 and "INFOCARDS_READER_URL" in share.stderr and "https://" in share.stderr
    assert not (tmp_path / "s.png").exists() and wallet.read_bytes() == before
    note = cli("note", tmp_path / "no.key", tmp_path / "no.json", "--out", tmp_path / "n.png", env=bad)
    assert note.returncode == 2 and "INFOCARDS_READER_URL" in note.stderr
    danish = cli("share", wallet, "--out", tmp_path / "s.png", env={**bad, "INFOCARDS_LANG": "da"})
    assert danish.returncode == 2 and "Læserens adresse" in danish.stderr
    for result in (share, note, danish):
        _no_traceback(result)


# -- writing and reading links -------------------------------------------------------------------

@pytest.fixture
def linked(cli, share_wallet, tmp_path):
    """A wallet with the reference course shared as a link: (wallet, png, the link printed by --text)."""
    wallet = share_wallet()
    png = tmp_path / "link.png"
    result = cli("share", wallet, "--out", png, "--text", env=LINKS)
    assert result.returncode == 0, result.stderr
    return wallet, png, result.stdout.strip()


def test_share_writes_the_link_and_its_qr(linked, share_course):
    _, png, link = linked
    assert link.startswith(WRITTEN + "101") or link.startswith(WRITTEN + "102")
    assert decode_image(Image.open(png)) == [link]
    digits = link.partition("#")[2]
    assert read_segments(png.read_bytes()) == [("byte", WRITTEN), ("numeric", digits)]
    assert link_to_code(link).startswith("IC")


def test_read_takes_the_link_as_picture_text_and_stdin(linked, cli, share_course):
    _, png, link = linked
    for args, stdin in (([png], ""), ([link], ""), (["-"], link + "\n")):
        read = cli("read", *args, "--json", input=stdin)
        assert read.returncode == 0, read.stderr
        data = json.loads(read.stdout)
        assert data["status"] == "valid" and data["patient"]["name"] == share_course["profile"]["name"]
    # without a reader address of its own: any reader reads any infocards link
    assert cli("read", link, "--json", env={"INFOCARDS_READER_URL": ""}).returncode == 0


def test_read_refuses_changed_and_foreign_links(linked, cli):
    _, _, link = linked
    position = len(link) - 40
    changed = link[:position] + str((int(link[position]) + 1) % 10) + link[position + 1 :]
    read = cli("read", changed, "--json")
    assert read.returncode == 4 and json.loads(read.stdout)["status"] == "invalid" and "sections" not in read.stdout
    short = cli("read", link[:-1], "--json")  # one digit short: a length no byte string has
    assert short.returncode == 4 and json.loads(short.stdout)["reason"] == "digits length"
    for foreign in ("https://example.com/page#section", "https://example.com/#abc", link.partition("#")[0] + "#",
                    "https://example.com/" + link[link.index("#"):].replace("#1", "#3", 1)):
        read = cli("read", foreign, "--json")
        assert read.returncode == 5 and json.loads(read.stdout)["status"] == "not_infocards", foreign
    plain = cli("read", "https://example.com/#abc", env={"INFOCARDS_LANG": "da"})
    assert plain.returncode == 5 and "Linket fører ikke til en infocards-kode" in plain.stderr
    _no_traceback(plain)


@pytest.fixture
def clinic(cli, tmp_path):
    path = tmp_path / "clinic.key"
    made = cli("clinic", "init", path, "--name", "Mette Hansen", "--role", "physiotherapist", "--place", "Fysio")
    assert made.returncode == 0, made.stderr
    notes = tmp_path / "note.json"
    notes.write_text(json.dumps({"records": NOTE_RECORDS}), encoding="utf-8")
    return path, notes


@pytest.mark.parametrize("source", ["png", "text"])
def test_note_for_a_linked_summary_writes_a_linked_note_that_receive_saves(linked, cli, clinic, tmp_path, source):
    wallet, png, link = linked
    key, notes = clinic
    out = tmp_path / "note.png"
    made = cli("note", key, notes, "--out", out, "--for", png if source == "png" else link, "--text", env=LINKS)
    assert made.returncode == 0, made.stderr
    note_link = made.stdout.strip()
    assert note_link.startswith(WRITTEN + "201")
    assert decode_image(Image.open(out)) == [note_link]
    assert [mode for mode, _ in read_segments(out.read_bytes())] == ["byte", "numeric"]
    read = json.loads(cli("read", note_link, "--json").stdout)
    assert read["kind"] == "note" and read["written_for"]
    received = cli("wallet", "receive", wallet, out if source == "png" else note_link, "--json")
    assert received.returncode == 0, received.stderr
    assert len(json.loads(received.stdout)["ids"]) == len(NOTE_RECORDS)
    again = cli("wallet", "receive", wallet, "-", "--json", input=note_link + "\n")
    assert again.returncode == 0 and json.loads(again.stdout)["new"] == []


def test_receive_and_note_for_refuse_a_foreign_link_with_5(linked, cli, clinic, tmp_path):
    wallet, _, _ = linked
    before = wallet.read_bytes()
    receive = cli("wallet", "receive", wallet, "https://example.com/#201abc")
    assert receive.returncode == 5 and wallet.read_bytes() == before
    key, notes = clinic
    note = cli("note", key, notes, "--out", tmp_path / "n.png", "--for", "https://example.com/x#frag")
    assert note.returncode == 5 and not (tmp_path / "n.png").exists()
    _no_traceback(receive)
    _no_traceback(note)


def test_without_a_reader_address_codes_stay_text(cli, share_wallet, tmp_path):
    png = tmp_path / "plain.png"
    result = cli("share", share_wallet(), "--out", png, "--text", env={"INFOCARDS_READER_URL": ""})
    assert result.returncode == 0 and result.stdout.startswith("IC")
    assert [mode for mode, _ in read_segments(png.read_bytes())] == ["alphanumeric"]
    assert decode_image(Image.open(io.BytesIO(png.read_bytes()))) == [result.stdout.strip()]
