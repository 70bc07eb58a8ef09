"""Reading codes from text and from images: valid, expired, invalid, not an infocards code."""

import io
from datetime import UTC, datetime, timedelta

import pytest
import qrcode
from PIL import Image, ImageDraw

from infocards.codes.qr_in import decode_image, load_image
from infocards.codes.qr_out import QUIET_ZONE, png_bytes
from infocards.codes.summary_code import PREFIX
from infocards.errors import NoQrFound, NotInfocardsCode, UsageError
from infocards.reader.read import read_image, read_text
from infocards.share.issue import issue_from_records
from tests.qr_symbol import read_symbol

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


@pytest.fixture
def share(share_course, share_seed):
    return issue_from_records(
        share_course["profile"], share_course["records"], share_seed, now=NOW, lifetime=timedelta(hours=24)
    )


def test_valid_until_expiry_then_expired_with_data(share):
    assert read_text(share.text, now=NOW).status == "valid"
    assert read_text(share.text, now=share.expires_at - timedelta(seconds=1)).status == "valid"
    expired = read_text(share.text, now=share.expires_at)
    assert expired.status == "expired"
    assert expired.exit_code == 3
    assert expired.summary == share.summary  # data shown, marked expired


def test_expired_and_tampered_is_invalid_not_expired(share):
    middle = len(PREFIX) + len(share.text) // 2
    swapped = "1" if share.text[middle] != "1" else "2"
    tampered = share.text[:middle] + swapped + share.text[middle + 1 :]
    result = read_text(tampered, now=share.expires_at + timedelta(days=1))
    assert result.status == "invalid"
    assert result.exit_code == 4
    assert result.summary is None


def test_leading_space_and_line_end_are_ignored_but_a_space_inside_counts(share):
    assert read_text("  " + share.text + "\r\n", now=NOW).status == "valid"
    position = next(i for i in range(len(PREFIX) + 10, len(share.text)) if share.text[i] != " ")
    assert read_text(share.text[:position] + " " + share.text[position + 1 :], now=NOW).status == "invalid"


def test_png_has_quiet_zone_and_at_least_four_pixels_a_module(share):
    image = Image.open(io.BytesIO(share.png())).convert("L")
    symbol = read_symbol(share.png())  # the version as a scanner reads it, not as we computed it
    assert symbol.text == share.text and symbol.version == share.version and symbol.ec_level == "M"
    side = 17 + 4 * symbol.version + 2 * QUIET_ZONE  # modules along a side, ISO/IEC 18004
    assert image.width == image.height and image.width % side == 0
    box = image.width // side
    assert box >= 4
    border = QUIET_ZONE * box
    strips = [
        (0, 0, image.width, border),
        (0, 0, border, image.height),
        (0, image.height - border, image.width, image.height),
        (image.width - border, 0, image.width, image.height),
    ]
    for strip in strips:
        assert image.crop(strip).getextrema() == (255, 255)


def test_clean_png_reads(share):
    result = read_image(Image.open(io.BytesIO(share.png())), now=NOW)
    assert result.status == "valid"
    assert result.summary == share.summary


@pytest.mark.parametrize(("angle", "blur"), [(17, 1.2), (-35, 0.8), (90, 1.0), (183, 1.5), (17, 2.5)])
def test_photo_like_image_reads(share, share_photo_of, angle, blur):
    photo = share_photo_of(share.png(box_size=4), angle=angle, blur=blur)
    assert photo.size == (1920, 1080)
    result = read_image(photo, now=NOW)
    assert result.status == "valid"
    assert result.summary == share.summary


def test_large_phone_photo_reads(share, share_photo_of):
    photo = share_photo_of(share.png(box_size=4), size=(4032, 3024), scale=3, blur=2.5, angle=10)
    assert read_image(photo, now=NOW).status == "valid"


def test_quick_mode_reads_a_clean_frame_and_gives_up_sooner(share):
    clean = Image.open(io.BytesIO(share.png(box_size=4)))
    assert read_image(clean, now=NOW, thorough=False).status == "valid"
    assert read_image(Image.new("L", (640, 480), 128), now=NOW, thorough=False).status == "not_infocards"


def test_photo_file_from_disk_reads(share, share_photo_of, tmp_path):
    path = tmp_path / "photo.jpg"
    share_photo_of(share.png(box_size=4)).save(path, quality=85)
    assert read_image(load_image(path), now=NOW).status == "valid"


def test_image_without_a_qr_code_is_not_infocards():
    image = Image.new("RGB", (800, 600), "white")
    ImageDraw.Draw(image).rectangle([100, 100, 400, 300], fill="black")
    result = read_image(image, now=NOW)
    assert result.status == "not_infocards"
    assert isinstance(result.error, NoQrFound)
    assert result.exit_code == 5


@pytest.mark.parametrize("foreign", ["https://example.com/leaflet", "HC1:NCFOXN%TS3DH3ZSUZK+.V0ET"])
def test_foreign_qr_code_is_not_infocards(foreign):
    image = qrcode.make(foreign).convert("RGB")
    assert decode_image(image) == [foreign]
    result = read_image(image, now=NOW)
    assert result.status == "not_infocards"
    assert isinstance(result.error, NotInfocardsCode) and not isinstance(result.error, NoQrFound)


def test_infocards_code_wins_beside_a_foreign_one(share):
    ours = Image.open(io.BytesIO(share.png(box_size=4))).convert("RGB")
    theirs = qrcode.make("https://example.com").convert("RGB")
    both = Image.new("RGB", (ours.width + theirs.width + 40, max(ours.height, theirs.height)), "white")
    both.paste(theirs, (0, 0))
    both.paste(ours, (theirs.width + 40, 0))
    assert read_image(both, now=NOW).status == "valid"


def test_missing_and_non_image_files(tmp_path):
    with pytest.raises(UsageError):
        load_image(tmp_path / "missing.png")
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"\x89PNG not really")
    with pytest.raises(NotInfocardsCode):
        load_image(junk)
    with pytest.raises(UsageError):
        load_image(tmp_path)


def test_tiny_image_has_no_code():
    assert decode_image(Image.new("L", (5, 5), 255)) == []


def test_empty_text_is_not_infocards():
    assert read_text("", now=NOW).status == "not_infocards"
    assert read_text("\n", now=NOW).status == "not_infocards"


def test_png_needs_four_pixels_a_module(share):
    with pytest.raises(ValueError, match="4 pixels"):
        png_bytes(share.text, box_size=3)
