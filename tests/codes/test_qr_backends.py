"""QR decoding backends: OpenCV reads real degraded pictures and never misreads; backends load lazily;
oversized pictures are refused from their header, in bounded memory; decodes are bounded in number."""

from __future__ import annotations

import importlib.util
import math
import os
import struct
import subprocess
import sys
import threading
import tracemalloc
import zlib
from pathlib import Path

import pytest
from PIL import Image

from infocards.codes import qr_in
from infocards.codes.qr_in import (
    MAX_CONCURRENT_DECODES,
    MAX_PIXELS,
    available_backends,
    chosen_backend,
    decode_image,
    load_image,
    peak_concurrent_decodes,
)
from infocards.errors import ImageTooLarge, UsageError
from infocards.reader.read import read_image
from tests.share.degraded import small_set

HAVE_ZXING = importlib.util.find_spec("zxingcpp") is not None


@pytest.fixture(scope="module")
def degraded():
    return small_set()


def test_opencv_reads_degraded_pictures_and_never_misreads(degraded):
    read, wrong = [], []
    for sample in degraded:
        texts = decode_image(sample.image, backend="opencv", budget=math.inf)  # what the ladder reads, in any time
        if texts:
            (read if texts == [sample.truth] else wrong).append(sample.name)
    assert wrong == []
    # Every picture here is spoiled (blur, moire, noise, JPEG, creases) and tilted 5-30 degrees.
    assert all(not name.startswith("clean") for name in read)
    assert len(read) >= 10, f"OpenCV read only {read} of {len(degraded)}"


def test_opencv_reads_most_of_what_zxing_reads(degraded):
    by_zxing = {s.name for s in degraded if decode_image(s.image, backend="zxing-cpp", budget=math.inf) == [s.truth]}
    by_opencv = {s.name for s in degraded if decode_image(s.image, backend="opencv", budget=math.inf) == [s.truth]}
    assert by_zxing, "zxing-cpp read none of the set: the set is broken"
    assert len(by_opencv & by_zxing) >= 0.85 * len(by_zxing)


def test_the_reader_reads_a_degraded_picture_with_opencv(degraded, monkeypatch):
    monkeypatch.setenv(qr_in.DECODER_ENV, "opencv")
    assert read_image(degraded[0].image).status in ("valid", "expired")  # signed at a fixed time
    assert read_image(Image.new("L", (400, 400), 255)).status == "not_infocards"


def test_backend_choice(monkeypatch):
    found = available_backends()
    assert "opencv" in found
    assert ("zxing-cpp" in found) == HAVE_ZXING
    monkeypatch.delenv(qr_in.DECODER_ENV, raising=False)
    assert chosen_backend() == ("zxing-cpp" if HAVE_ZXING else "opencv")
    monkeypatch.setenv(qr_in.DECODER_ENV, "opencv")
    assert chosen_backend() == "opencv"
    monkeypatch.setenv(qr_in.DECODER_ENV, "quagga")
    with pytest.raises(UsageError):
        chosen_backend()


def test_no_decoder_is_imported_until_a_picture_is_decoded(tmp_path):
    # The wallet and the cards must start without zxing-cpp or OpenCV.
    program = (
        "import sys, infocards.share, infocards.wallet, infocards.content.render, infocards.cli\n"
        "loaded = [m for m in ('zxingcpp', 'cv2', 'nh3') if m in sys.modules]\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == ""


def _bomb_png(path: Path, side: int = 13_000) -> Path:
    """A real, valid 1-bit PNG of side x side white pixels, a few kilobytes on disk."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + b"\xff" * ((side + 7) // 8)
    packer = zlib.compressobj(9)
    body = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b""))
    return path


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    return _bomb_png(tmp_path_factory.mktemp("bomb") / "bomb.png")


def test_the_bomb_is_a_real_picture(bomb, monkeypatch):
    assert bomb.stat().st_size < 200_000
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)  # Pillow's own guard off, to look at it
    with Image.open(bomb) as image:
        assert image.size == (13_000, 13_000)
        assert image.width * image.height > MAX_PIXELS


def test_a_bomb_is_refused_from_its_header_in_bounded_memory(bomb):
    tracemalloc.start()
    try:
        with pytest.raises(ImageTooLarge) as refused:
            load_image(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Decoding it would take 169 MB as gray and 507 MB as RGB; the header is a few hundred bytes.
    assert peak < 5_000_000
    assert refused.value.exit_code == 5
    assert "169" in refused.value.message("en") and "not a picture we can read" in refused.value.message("en")


def test_a_lazily_opened_bomb_is_refused_by_the_reader_too(tmp_path):
    # The app and the reader server open uploaded bytes with Image.open and hand them to read_image;
    # 7,000 x 7,000 is under Pillow's hard limit (twice MAX_PIXELS), so only our check stands.
    smaller = _bomb_png(tmp_path / "49mpx.png", side=7_000)
    tracemalloc.start()
    try:
        with pytest.warns(Image.DecompressionBombWarning), Image.open(smaller) as image:
            result = read_image(image)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.status == "not_infocards"
    assert isinstance(result.error, ImageTooLarge)
    assert peak < 5_000_000


def test_infocards_read_refuses_a_bomb_with_exit_5_in_bounded_memory(bomb, tmp_path):
    exe = Path(sys.executable).with_name("infocards")
    # Measure the CLI's own peak memory: a fresh parent, so no earlier child is counted.
    measure = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.stderr.write(done.stderr)\n"
        "sys.exit(done.returncode)\n"
    )
    env = {**os.environ, "INFOCARDS_LANG": "en", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", measure, str(exe), "read", str(bomb)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 5, done.stderr
    assert "not a picture we can read" in done.stderr
    assert "Traceback" not in done.stderr
    peak_kib = int(done.stdout.strip())
    assert peak_kib < 150 * 1024, f"the CLI peaked at {peak_kib // 1024} MiB"  # a decode would take > 2 GB


def test_a_large_photo_is_cut_down_before_decoding(degraded):
    # 6000 x 3375 (20 Mpx): allowed, and read after it is scaled to the decoder's working size.
    sample = degraded[0]
    big = sample.image.resize((6000, 3375), Image.Resampling.BICUBIC)
    assert decode_image(big, backend="opencv") == [sample.truth]


def test_concurrent_decodes_are_bounded(degraded):
    peak_concurrent_decodes(reset=True)
    results = []

    def work(sample):
        # Queued, not turned away (busy_wait=None), so that six run against the bound of two.
        results.append(decode_image(sample.image, backend="opencv", budget=math.inf, busy_wait=None) == [sample.truth])

    threads = [threading.Thread(target=work, args=(s,)) for s in degraded[:6]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 6
    assert 1 <= peak_concurrent_decodes() <= MAX_CONCURRENT_DECODES
