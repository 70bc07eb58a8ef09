"""The test oracle for QR versions reads the level and version the symbol itself carries, with or without zxing-cpp."""

from __future__ import annotations

import io
import sys

import pytest
import qrcode

from tests.qr_symbol import read_symbol


def _png(text: str, level: int, box: int) -> tuple[bytes, int]:
    code = qrcode.QRCode(error_correction=level, box_size=box, border=4)
    code.add_data(text)
    code.make(fit=True)
    out = io.BytesIO()
    code.make_image().save(out)
    return out.getvalue(), code.version


LEVELS = [(qrcode.constants.ERROR_CORRECT_L, "L"), (qrcode.constants.ERROR_CORRECT_M, "M"),
          (qrcode.constants.ERROR_CORRECT_Q, "Q"), (qrcode.constants.ERROR_CORRECT_H, "H")]


@pytest.mark.parametrize(("level", "name"), LEVELS)
@pytest.mark.parametrize("text", ["IC1:ABC", "SOME TEXT " * 40])
def test_without_zxing_the_symbol_is_read_back_as_drawn(monkeypatch, level, name, text):
    # As on the phone's package set (no zxing-cpp): the version from the symbol's size and the
    # level from its format information. With zxing-cpp, every version claim in the suite reads it.
    monkeypatch.setitem(sys.modules, "zxingcpp", None)
    data, version = _png(text, level, box=5)
    symbol = read_symbol(data)
    assert (symbol.text, symbol.version, symbol.ec_level) == (text, version, name)
