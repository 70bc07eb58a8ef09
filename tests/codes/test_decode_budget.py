"""One decode has a time budget across the preparation ladder, a full house says "busy, try
again" instead of queueing without end, and one client has one decode at a time (issue 17,
item 7). Time is injected (a clock that moves when asked) or zero: nothing here races the wall
clock. bench/decode_budget.py measures the spoiled picture before and after."""

from __future__ import annotations

import io

import numpy as np
import pytest
import qrcode
from PIL import Image, ImageDraw

from infocards.codes import qr_in, qr_opencv
from infocards.codes.qr_in import decode_image
from infocards.errors import DecoderBusy, DecodeTimedOut
from infocards.reader.read import read_image

BACKENDS = qr_in.available_backends()


def _clean_code() -> Image.Image:
    qr = qrcode.QRCode(box_size=6, border=4)
    qr.add_data("https://example.org/a-plain-code")
    return qr.make_image().get_image().convert("L")


def spoiled_picture() -> Image.Image:
    """The review's picture: 49 copies of a small QR code, a black square over each one's data,
    on 1000 x 1000 pixels (a 6 KB PNG that runs the whole ladder)."""
    qr = qrcode.QRCode(box_size=4, border=2)
    qr.add_data("IC1:spoiled")
    tile = qr.make_image().get_image().convert("L")
    side = tile.width
    ImageDraw.Draw(tile).rectangle((side * 0.4, side * 0.4, side * 0.75, side * 0.75), fill=0)
    page = Image.new("L", (1000, 1000), 255)
    for row in range(7):
        for column in range(7):
            page.paste(tile, (column * 142 + 5, row * 142 + 5))
    buffer = io.BytesIO()
    page.save(buffer, "PNG")
    return Image.open(io.BytesIO(buffer.getvalue()))


class SteppingClock:
    """A clock that moves one second each time it is read."""

    def __init__(self) -> None:
        self.reads = 0

    def __call__(self) -> float:
        self.reads += 1
        return float(self.reads)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_budget_of_zero_reads_nothing_and_says_so(backend):
    picture = _clean_code()
    assert decode_image(picture, backend=backend) == ["https://example.org/a-plain-code"]
    with pytest.raises(DecodeTimedOut) as out:
        decode_image(picture, backend=backend, budget=0)
    assert "Der kunne ikke læses en kode" in out.value.message("da")
    assert "Could not read a code" in out.value.message("en")


def test_the_opencv_ladder_asks_the_clock_before_every_try():
    asked = []

    def two_tries() -> bool:
        asked.append(len(asked))
        return len(asked) <= 2

    pixels = Image.fromarray(np.full((300, 300), 255, dtype=np.uint8))
    assert qr_opencv.decode(pixels, True, two_tries) == []
    assert len(asked) == 3  # two tries allowed, the third refused: the ladder (nine tries) stopped


def test_the_spoiled_picture_stops_at_the_budget_by_an_injected_clock():
    clock = SteppingClock()
    with pytest.raises(DecodeTimedOut):
        # The deadline is the first reading (1) + 1.5: the check at 2 allows one try, the one at
        # 3 ends the ladder (without a budget it runs nine tries: 17.7 s in the review).
        decode_image(spoiled_picture(), backend="opencv", budget=1.5, clock=clock)
    assert clock.reads == 4  # the deadline, one try allowed, the next refused, the last look


def test_the_reader_answers_could_not_read_a_code_when_the_budget_runs_out(monkeypatch):
    # read_image takes decode_image's default budget: make it zero for this test.
    monkeypatch.setattr(qr_in.decode_image, "__kwdefaults__",
                        {**qr_in.decode_image.__kwdefaults__, "budget": 0.0})
    result = read_image(spoiled_picture())
    assert result.status == "not_infocards" and isinstance(result.error, DecodeTimedOut)


def test_a_full_house_says_busy_instead_of_queueing():
    held = [qr_in._decode_slots.acquire(timeout=5) for _ in range(qr_in.MAX_CONCURRENT_DECODES)]
    try:
        assert all(held)
        with pytest.raises(DecoderBusy) as busy:
            decode_image(_clean_code(), busy_wait=0)
        assert "travlt" in busy.value.message("da") and "busy" in busy.value.message("en")
    finally:
        for _ in held:
            qr_in._decode_slots.release()
    assert decode_image(_clean_code(), busy_wait=0) == ["https://example.org/a-plain-code"]


def test_one_client_has_one_decode_at_a_time():
    qr_in._client_enter("203.0.113.5")  # this visitor's first picture is being decoded
    try:
        with pytest.raises(DecoderBusy):
            decode_image(_clean_code(), client="203.0.113.5")
        result = read_image(_clean_code(), client="203.0.113.5")
        assert result.status == "not_infocards" and isinstance(result.error, DecoderBusy)
        assert decode_image(_clean_code(), client="198.51.100.7") == ["https://example.org/a-plain-code"]
    finally:
        qr_in._client_leave("203.0.113.5")
    assert decode_image(_clean_code(), client="203.0.113.5") == ["https://example.org/a-plain-code"]
    assert qr_in._per_client == {}
