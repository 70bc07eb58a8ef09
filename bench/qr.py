"""QR size and decode speed of share codes, against plain JSON and a SMART-Health-Cards-style code.

Run from a checkout: `python bench/qr.py`. Everything is measured in this one run, on the same
summary: the reference course (tests/fixtures/wallets/reference-course.json), all sections.
All three codes are sized at error correction M, the level our one-code budget uses. The
SMART-style code follows the SMART Health Cards recipe (DEFLATE, compact JWS with ES256, numeric
"shc:/" digits) on our JSON content; a real card would carry a larger FHIR bundle.
"""

from __future__ import annotations

import base64
import io
import json
import os
import random
import statistics
import sys
import time
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import qrcode
import qrcode.exceptions
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from PIL import Image, ImageDraw, ImageFilter
from qrcode.constants import ERROR_CORRECT_M
from qrcode.util import MODE_8BIT_BYTE, MODE_NUMBER, QRData

from infocards.share.base45 import b45decode
from infocards.share.codec import PREFIX, compress, encode_body, make_code
from infocards.share.fit import fit_code
from infocards.share.issue import issue_from_records
from infocards.share.qr_in import available_backends, decode_image
from infocards.share.qr_out import png_bytes, qr_modules, qr_version
from infocards.share.reader import read_image
from infocards.share.signing import SigningKey
from infocards.share.summary import build_summary

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the degraded set lives with the tests
from tests.share.degraded import bench_set

COURSE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "wallets" / "reference-course.json"
RUNS = 15
FIT_RECORDS = 1000


def _version_of(*segments: QRData) -> int | None:
    """The QR version at error correction M, or None when even version 40 is too small."""
    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M)
    for segment in segments:
        qr.add_data(segment)
    try:
        qr.make(fit=True)
    except (ValueError, qrcode.exceptions.DataOverflowError):
        return None
    return qr.version


def _content(share) -> dict:
    """The same content as our code, as a JSON document with field names (what a naive app sends)."""
    summary = share.summary
    return {
        "name": summary.name,
        "birth_date": summary.birth_date,
        "issued": int(share.issued_at.timestamp()),
        "expires": int(share.expires_at.timestamp()),
        "sections": {key: list(summary.entries[key]) for key in summary.sections},
    }


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def smart_style(content: dict) -> str:
    """SMART Health Cards' recipe: raw DEFLATE, compact ES256 JWS (P-256), then "shc:/" + digits."""
    key = ec.generate_private_key(ec.SECP256R1())
    header = {"alg": "ES256", "zip": "DEF", "kid": _b64url(os.urandom(32))}  # kid: a key thumbprint
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    payload = packer.compress(json.dumps(content, separators=(",", ":")).encode()) + packer.flush()
    signing_input = _b64url(json.dumps(header, separators=(",", ":")).encode()) + "." + _b64url(payload)
    r, s = decode_dss_signature(key.sign(signing_input.encode(), ec.ECDSA(hashes.SHA256())))
    jws = signing_input + "." + _b64url(r.to_bytes(32, "big") + s.to_bytes(32, "big"))
    return "shc:/" + "".join(f"{ord(char) - 45:02d}" for char in jws)


def photo(png: bytes, size=(1920, 1080), angle=17.0, blur=1.2, seed=1) -> Image.Image:
    """A 1080p photo-like picture: the code scaled, rotated, blurred, on a cluttered background."""
    rnd = random.Random(seed)
    code = Image.open(io.BytesIO(png)).convert("L")
    code = code.resize((int(code.width * 1.3), int(code.height * 1.3)), Image.Resampling.BILINEAR)
    background = Image.new("L", size, 0)
    draw = ImageDraw.Draw(background)
    for y in range(size[1]):
        draw.line([(0, y), (size[0], y)], fill=90 + int(80 * y / size[1]))
    for _ in range(40):
        x, y, r = rnd.randrange(size[0]), rnd.randrange(size[1]), rnd.randrange(10, 120)
        draw.ellipse([x, y, x + r, y + r], fill=rnd.randrange(40, 220))
    turned = code.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    mask = Image.new("L", code.size, 255).rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=0)
    background.paste(turned, ((size[0] - turned.width) // 2 + 96, (size[1] - turned.height) // 2), mask)
    return background.filter(ImageFilter.GaussianBlur(blur)).convert("RGB")


def _median_ms(action, runs: int = RUNS) -> float:
    action()  # warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _row(label: str, chars: int, version: int | None) -> None:
    if version is None:
        print(f"  {label:<38} {chars:>6} chars  does not fit one QR code (over version 40)")
        return
    side = qr_modules(version)
    print(f"  {label:<38} {chars:>6} chars  version {version:>2}  {side}x{side} = {side * side:>6} modules")


def _many_findings(course: dict, count: int = FIT_RECORDS) -> list[dict]:
    """`count` findings, one a day, their texts those of the reference course's findings, numbered."""
    texts = [r["text"] for r in course["records"] if r["type"] == "finding"]
    start = datetime(2020, 1, 1)
    return [
        {
            "id": f"f{n}",
            "type": "finding",
            "date": (start + timedelta(days=n)).date().isoformat(),
            "source": "patient",
            "role": "physiotherapist",
            "kind": "examination",
            "text": f"{n}: {texts[n % len(texts)]}",
        }
        for n in range(count)
    ]


def fit_figures(course: dict, now: datetime) -> None:
    """How long fitting a course far too large for one code takes, against making one code."""
    summary = build_summary(course["profile"], _many_findings(course))
    key, expires = SigningKey(os.urandom(32)), now + timedelta(minutes=30)
    fitted = fit_code(summary, key, now, expires)
    fit_ms = _median_ms(lambda: fit_code(summary, key, now, expires), runs=5)
    one_ms = _median_ms(lambda: make_code(fitted.summary, key, now, expires))
    kept = fitted.summary.count()
    print(f"Fit time, {FIT_RECORDS} findings into one code, median of 5 runs")
    print(f"  baseline: making one code of what fits ({kept} kept): {one_ms:7.1f} ms")
    print(
        f"  fitting (left out {sum(fitted.summary.omitted.values())}, {fitted.attempts} codes made): "
        f"{fit_ms:7.1f} ms  ({fit_ms / one_ms:.1f}x the baseline)"
    )


def robustness_figures() -> None:
    """Per decoder backend: how many of the degraded pictures it reads, misreads and how fast."""
    samples = bench_set()
    backends = available_backends()
    print(f"Decoder robustness: {len(samples)} degraded pictures of the version-20 code (tests/share/degraded.py)")
    read_by: dict[str, set[str]] = {}
    for backend in backends:
        read, misread, times = set(), 0, []
        for sample in samples:
            start = time.perf_counter()
            texts = decode_image(sample.image, backend=backend)
            times.append(time.perf_counter() - start)
            if sample.truth in texts:
                read.add(sample.name)
            elif texts:
                misread += 1
        read_by[backend] = read
        print(
            f"  {backend:<10} read {len(read):>3} / {len(samples)}  misreads {misread}  "
            f"median {statistics.median(times) * 1000:6.1f} ms  (max {max(times) * 1000:6.0f} ms)"
        )
    if {"zxing-cpp", "opencv"} <= set(read_by):
        both = read_by["opencv"] & read_by["zxing-cpp"]
        print(
            f"  ratio fallback / zxing-cpp: {len(read_by['opencv']) / len(read_by['zxing-cpp']):.2f} in count, "
            f"{len(both) / len(read_by['zxing-cpp']):.2f} of the pictures zxing-cpp reads (target >= 0.85)"
        )


def main() -> int:
    course = json.loads(COURSE.read_text(encoding="utf-8"))
    now = datetime.now(UTC)
    share = issue_from_records(
        course["profile"], course["records"], os.urandom(32), now=now, lifetime=timedelta(minutes=30)
    )
    if share.omitted:
        print("warning: the reference course did not fit whole:", dict(share.omitted))
    content = _content(share)
    plain = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    shc = smart_style(content)
    ours_version = qr_version(share.text)
    plain_version = _version_of(QRData(plain.encode("utf-8"), mode=MODE_8BIT_BYTE))
    shc_version = _version_of(QRData(b"shc:/", mode=MODE_8BIT_BYTE), QRData(shc[5:], mode=MODE_NUMBER))

    body = encode_body(share.summary, share.issued_at.date().toordinal())
    plain_deflate = zlib.compressobj(9, zlib.DEFLATED, -15, 9)
    without_dict = len(plain_deflate.compress(body) + plain_deflate.flush())
    code_bytes = len(b45decode(share.text[len(PREFIX) :])) - len(compress(body)) + without_dict
    no_dict_chars = len(PREFIX) + code_bytes // 2 * 3 + code_bytes % 2 * 2

    print(f"QR size, reference course, all sections ({len(course['records'])} records), error correction M")
    _row("infocards IC1 (base45, alphanumeric)", len(share.text), ours_version)
    _row("same, without the preset dictionary", no_dict_chars, qr_version("A" * no_dict_chars))
    _row("plain JSON, same content (byte)", len(plain), plain_version)
    _row("SMART-style shc:/ (ES256, numeric)", len(shc), shc_version)
    ours, smart = qr_modules(ours_version) ** 2, qr_modules(shc_version) ** 2
    print(f"  ratio infocards / SMART-style in modules: {ours / smart:.2f} (target <= 0.6)")
    if plain_version is not None:
        print(f"  ratio infocards / plain JSON in modules:  {ours / qr_modules(plain_version) ** 2:.2f}")

    clean = Image.open(io.BytesIO(png_bytes(share.text, box_size=4)))
    picture = photo(png_bytes(share.text, box_size=4))
    if read_image(picture).status != "valid" or read_image(clean).status != "valid":
        print("error: a test image did not read as valid", file=sys.stderr)
        return 1
    photo_ms = _median_ms(lambda: decode_image(picture))
    clean_ms = _median_ms(lambda: decode_image(clean))
    full_ms = _median_ms(lambda: read_image(picture))
    print(f"Decode time, median of {RUNS} runs")
    print(f"  baseline: clean tight PNG {clean.width}x{clean.height}:  {clean_ms:7.1f} ms")
    print(
        f"  1080p photo-like image (rotated, blurred):  {photo_ms:7.1f} ms  ({photo_ms / clean_ms:.1f}x the baseline;"
        f" target <= 100 ms)"
    )
    print(f"  1080p photo, decode + verify + unpack:      {full_ms:7.1f} ms")
    fit_figures(course, now)
    robustness_figures()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
