"""The `share` and `read` commands, run as real subprocesses, exactly as the contract is written."""

import io
import json
from datetime import datetime, timedelta

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from infocards.codes.qr_out import QUIET_ZONE
from infocards.wallet import Wallet
from tests.qr_symbol import read_symbol

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def shared(cli, share_wallet, tmp_path):
    """A wallet with the reference course, shared once with --text: (wallet path, png path, result)."""
    path = share_wallet()
    png = tmp_path / "code.png"
    result = cli("share", path, "--out", png, "--to", "physiotherapist", "--text")
    assert result.returncode == 0, result.stderr
    return path, png, result


def _no_traceback(result):
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


def test_share_writes_a_readable_png_with_quiet_zone(shared):
    _, png, result = shared
    code = result.stdout.strip()
    assert code.startswith("IC1:")
    image = Image.open(png).convert("L")
    decoded = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [b.text for b in decoded] == [code]
    symbol = read_symbol(png)  # version and level as a scanner reads them from the written PNG
    assert symbol.text == code and symbol.version <= 20 and symbol.ec_level == "M"
    side = 17 + 4 * symbol.version + 2 * QUIET_ZONE  # modules along a side, ISO/IEC 18004
    assert image.width % side == 0 and image.width // side >= 4
    border = QUIET_ZONE * (image.width // side)
    assert image.crop((0, 0, image.width, border)).getextrema() == (255, 255)
    assert image.crop((0, 0, border, image.height)).getextrema() == (255, 255)
    assert "written to" in result.stderr
    assert "Left out" not in result.stderr


def test_share_is_logged_in_the_wallet(shared, cli, tmp_path):
    path, _, _ = shared
    result = cli("share", path, "--out", tmp_path / "b.png", "--sections", "red_flags,work", "--expires", "24h")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""  # no --text: the code is only in the PNG
    with Wallet.open(path, PASSPHRASE) as wallet:
        log = wallet.share_log()
    assert [(e["role"], e["sections"]) for e in log] == [
        (
            "physiotherapist",
            [
                "red_flags",
                "findings",
                "imaging",
                "treatments",
                "medication",
                "referrals",
                "plan_goals",
                "work",
                "involved",
            ],
        ),
        ("other", ["red_flags", "work"]),
    ]
    issued, expires = (datetime.fromisoformat(log[1][k]) for k in ("date", "expires"))
    assert expires - issued == timedelta(hours=24)


def test_default_expiry_comes_from_flet_toml(cli, share_wallet, tmp_path):
    config = tmp_path / "flet.toml"
    config.write_text("[content]\npacks = []\n[share]\nexpiry_minutes = 7\n", encoding="utf-8")
    path = share_wallet()
    result = cli("share", path, "--out", tmp_path / "c.png", env={"INFOCARDS_CONFIG": str(config)})
    assert result.returncode == 0, result.stderr
    with Wallet.open(path, PASSPHRASE) as wallet:
        entry = wallet.share_log()[-1]
    assert datetime.fromisoformat(entry["expires"]) - datetime.fromisoformat(entry["date"]) == timedelta(minutes=7)


def test_share_says_what_was_left_out(cli, share_wallet, share_course, tmp_path):
    records = [
        {
            **r,
            "id": f"{r['id']}-{n}",
            "date": (datetime.fromisoformat(r["date"]) - timedelta(days=30 * n)).date().isoformat(),
        }
        for n in range(10)
        for r in share_course["records"]
    ]
    path = share_wallet(records=records)
    png = tmp_path / "d.png"
    result = cli("share", path, "--out", png, "--text")
    assert result.returncode == 0, result.stderr
    assert "Left out to fit one QR code" in result.stderr
    symbol = read_symbol(png)
    assert symbol.text == result.stdout.strip() and symbol.version <= 22 and symbol.ec_level == "M"
    read = cli("read", png)
    assert read.returncode == 0
    assert "Left out to fit one QR code" in read.stdout


def test_share_usage_errors(cli, share_wallet, tmp_path):
    path = share_wallet()
    for args in (
        ["--sections", "red_flags,nonsense"],
        ["--to", "wizard"],
        ["--expires", "soon"],
        ["--expires", "0s"],
    ):
        result = cli("share", path, "--out", tmp_path / "x.png", *args)
        assert result.returncode == 2, (args, result.stderr)
        _no_traceback(result)
    assert cli("share", path).returncode == 2  # --out is required
    assert not (tmp_path / "x.png").exists()


def test_share_wrong_passphrase_and_missing_wallet(cli, share_wallet, tmp_path):
    path = share_wallet()
    wrong = cli("share", path, "--out", tmp_path / "x.png", passphrase="not the passphrase at all")
    assert wrong.returncode == 1 and "wrong passphrase" in wrong.stderr.lower()
    missing = cli("share", tmp_path / "none.icw", "--out", tmp_path / "x.png")
    assert missing.returncode != 0
    for result in (wrong, missing):
        _no_traceback(result)
    assert not (tmp_path / "x.png").exists()


def test_share_without_passphrase_and_no_terminal_is_a_clear_error(cli, share_wallet, tmp_path):
    result = cli("share", share_wallet(), "--out", tmp_path / "x.png", passphrase=None)
    assert result.returncode == 1
    assert "No passphrase" in result.stderr and "INFOCARDS_PASSPHRASE" in result.stderr
    _no_traceback(result)


def test_read_image_text_and_stdin(shared, cli, share_course):
    _, png, result = shared
    code = result.stdout.strip()
    for args, stdin in (([png], None), ([code], None), (["-"], code + "\n")):
        read = cli("read", *args, input=stdin)
        assert read.returncode == 0, read.stderr
        assert share_course["profile"]["name"] in read.stdout
        assert "RED FLAGS" in read.stdout and "reported by the patient" in read.stdout


def test_read_json(shared, cli, share_course):
    _, png, _ = shared
    read = cli("read", png, "--json")
    assert read.returncode == 0
    data = json.loads(read.stdout)
    assert data["status"] == "valid"
    assert data["patient"]["name"] == share_course["profile"]["name"]
    assert data["sections"]["diagnoses"][0]["card"]
    assert data["shown_to"] == "physiotherapist"


def test_read_expired_gives_3_with_data(cli, share_wallet, tmp_path):
    import time

    png = tmp_path / "e.png"
    assert cli("share", share_wallet(), "--out", png, "--expires", "1s").returncode == 0
    time.sleep(1.5)
    read = cli("read", png, "--json")
    assert read.returncode == 3
    data = json.loads(read.stdout)
    assert data["status"] == "expired" and data["expired"] and data["sections"]


def test_read_tampered_gives_4_and_shows_nothing(shared, cli, share_course):
    code = shared[2].stdout.strip()
    position = len(code) // 2
    tampered = code[:position] + ("A" if code[position] != "A" else "B") + code[position + 1 :]
    read = cli("read", tampered, "--json")
    assert read.returncode == 4
    data = json.loads(read.stdout)
    assert data["status"] == "invalid" and "sections" not in data
    assert share_course["profile"]["name"] not in read.stdout
    plain = cli("read", tampered)
    assert plain.returncode == 4 and plain.stdout == "" and "tampered" in plain.stderr


@pytest.mark.parametrize("foreign", ["https://example.com/page", "just some text", "HC1:NCFOXN%TS3DH3ZSUZK+.V0ETMMQ2"])
def test_read_foreign_text_gives_5(cli, foreign):
    read = cli("read", foreign, "--json")
    assert read.returncode == 5
    assert json.loads(read.stdout)["status"] == "not_infocards"


def test_read_images_without_our_code_give_5(cli, tmp_path):
    import qrcode

    blank = tmp_path / "blank.png"
    image = Image.new("RGB", (640, 480), "white")
    ImageDraw.Draw(image).ellipse([100, 100, 300, 300], fill="black")
    image.save(blank)
    foreign = tmp_path / "foreign.png"
    qrcode.make("https://example.com").save(foreign)
    for path, words in ((blank, "No QR code"), (foreign, "not an infocards code")):
        read = cli("read", path)
        assert read.returncode == 5, read.stderr
        assert words in read.stderr
        _no_traceback(read)


def test_read_bad_sources(cli, tmp_path):
    missing = cli("read", tmp_path / "missing.png")
    assert missing.returncode == 2 and "not found" in missing.stderr
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 4)
    not_image = cli("read", junk)
    assert not_image.returncode == 5 and "neither an image" in not_image.stderr
    empty = cli("read", "-", input="")
    assert empty.returncode == 5 and "empty" in empty.stderr
    folder = cli("read", tmp_path)
    assert folder.returncode == 2
    assert cli("read").returncode == 2
    for result in (missing, not_image, empty, folder):
        _no_traceback(result)


def test_read_a_text_file_holding_a_code(shared, cli, tmp_path):
    text_file = tmp_path / "code.txt"
    text_file.write_text(shared[2].stdout, encoding="utf-8")
    assert cli("read", text_file).returncode == 0


def test_read_a_photo_of_the_code(shared, cli, share_photo_of, tmp_path):
    _, png, _ = shared
    buffer = io.BytesIO()
    Image.open(png).save(buffer, format="PNG")
    photo = tmp_path / "photo.jpg"
    share_photo_of(buffer.getvalue(), scale=0.7, angle=-20).save(photo, quality=80)
    read = cli("read", photo)
    assert read.returncode == 0, read.stderr


def test_help_documents_exit_codes_and_options(cli):
    read = cli("read", "--help")
    assert read.returncode == 0
    for words in ("0 valid", "3 expired", "4 invalid", "5 no infocards code", "2 usage"):
        assert words in read.stdout
    share = cli("share", "--help")
    for option in ("--out", "--to", "--sections", "--expires", "--text", "INFOCARDS_PASSPHRASE"):
        assert option in share.stdout


def test_danish_messages(cli, tmp_path):
    read = cli("read", tmp_path / "mangler.png", env={"INFOCARDS_LANG": "da"})
    assert read.returncode == 2 and "Filen findes ikke" in read.stderr


def test_share_to_an_unwritable_place_fails_clearly_and_logs_nothing(cli, share_wallet, tmp_path):
    path = share_wallet()
    result = cli("share", path, "--out", tmp_path / "no" / "such" / "folder" / "x.png")
    assert result.returncode == 1
    assert "Cannot write the QR image" in result.stderr
    _no_traceback(result)
    with Wallet.open(path, PASSPHRASE) as wallet:
        assert wallet.share_log() == []
