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

from infocards.codes.base45 import b45decode
from infocards.codes.qr_in import available_backends, decode_image
from infocards.codes.qr_out import png_bytes, qr_modules, qr_version
from infocards.codes.signing import SigningKey
from infocards.codes.summary_code import PREFIX, compress, encode_body, make_code
from infocards.reader.read import read_image
from infocards.share.fit import fit_code
from infocards.share.issue import issue_from_records
from infocards.share.summary import build_summary

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the degraded set lives with the tests
from bench.links import READER_URLS, links_of
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
    for label, link in links_of(share.text):
        _row(label, len(link), qr_version(link))
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
    hand_back_figures(course, now)
    return 0


# -- hand-back: professionals' notes carried in the summary ------------------------------------

NOTE_ENTRIES = [
    {
        "type": "finding",
        "date": "2026-11-20",
        "role": "physiotherapist",
        "kind": "examination",
        "text": "SLR negative both sides, strength normal, directional preference extension",
    },
    {
        "type": "treatment",
        "date": "2026-11-20",
        "role": "physiotherapist",
        "what": "Supervised exercise twice a week, 6 weeks",
        "effect": "unknown",
    },
    {
        "type": "encounter",
        "date": "2026-11-20",
        "role": "physiotherapist",
        "place": "Fysioterapi Middelfart",
        "summary": "Plan: continue exercise, follow-up in 4 weeks",
    },
]
WALLET_RECORDS = 1000


def _received(course: dict, patient_seed: bytes, now: datetime, entries=NOTE_ENTRIES, index: int = 0) -> list[dict]:
    """The wallet records of one note bound to the course's patient, as `wallet receive` stores them."""
    from infocards.codes.note_code import Binding, make_note
    from infocards.codes.record_codec import normalise_note_record
    from infocards.notes.receive import entry_ids
    from infocards.share.carry import stored_records

    profile = course["profile"]
    binding = Binding.of(profile["name"], profile["birth_date"], SigningKey(patient_seed).public_bytes)
    clean = [normalise_note_record(r, i) for i, r in enumerate(entries, 1)]
    signer = ("Mette Hansen", "physiotherapist", "Fysioterapi Middelfart")
    note = make_note(SigningKey(os.urandom(32)), signer, clean, now + timedelta(seconds=index), binding=binding)
    ids = entry_ids(note)
    return stored_records(note, lambda i: ids[i])


def _code_bytes(text: str) -> float:
    return len(text[4:]) / 1.5  # base45: three characters for two bytes


def hand_back_budget(course: dict, now: datetime) -> None:
    """QR version with 0, 1 and 2 carried 3-entry notes; bytes per carried signature and per withheld entry."""
    seed = os.urandom(32)
    print("Hand-back: the reference course, all sections, with received 3-entry notes")
    for count in (0, 1, 2):
        received = [r for i in range(count) for r in _received(course, seed, now, index=i)]
        share = issue_from_records(
            course["profile"], [*course["records"], *received], seed, now=now, lifetime=timedelta(minutes=30)
        )
        left = dict(share.omitted)
        print(
            f"  {count} note(s): {share.text[:4]} {len(share.text):>5} chars  version {share.version:>2}"
            f"  left out: {left or 'nothing'}"
        )
        for url in READER_URLS:  # fitted as a link: the link is what must fit version 22
            linked = issue_from_records(course["profile"], [*course["records"], *received], seed, now=now,
                                        lifetime=timedelta(minutes=30), reader_url=url)
            print(f"    as a link, {len(url)}-char address: {len(linked.text):>5} chars  version {linked.version:>2}"
                  f"  left out: {dict(linked.omitted) or 'nothing'}")
    wide = dict(now=now, lifetime=timedelta(minutes=30), max_version=30)  # room: nothing left out
    received = _received(course, seed, now)
    as_patient = [{k: v for k, v in r.items() if k not in ("signer", "proof")} for r in received]
    signed = issue_from_records(course["profile"], [*course["records"], *received], seed, **wide)
    plain = issue_from_records(course["profile"], [*course["records"], *as_patient], seed, **wide)
    per_signature = _code_bytes(signed.text) - _code_bytes(plain.text)
    print("  a carried note's signature material (key, signature, salts, signer), beside the same entries")
    print(f"    reported by the patient: {per_signature:6.1f} bytes ({len(signed.text) - len(plain.text)} chars)")
    four = [*NOTE_ENTRIES, {**NOTE_ENTRIES[0], "kind": "imaging", "text": "MRI: no new findings"}]
    without_imaging = [k for k in ("red_flags", "findings", "treatments", "plan_goals")]
    withheld = issue_from_records(
        course["profile"], [*course["records"], *_received(course, seed, now, four)], seed, without_imaging, **wide
    )
    shared = issue_from_records(
        course["profile"], [*course["records"], *_received(course, seed, now)], seed, without_imaging, **wide
    )
    print(
        f"  one withheld entry (its digest only): {_code_bytes(withheld.text) - _code_bytes(shared.text):6.1f} bytes"
        f" ({len(withheld.text) - len(shared.text)} chars)"
    )


def hand_back_speed(course: dict, now: datetime) -> None:
    """Receiving a note into a 1,000-record wallet, and verifying every signed entry of its summary."""
    import tempfile

    from infocards.codes.note_code import make_note_code
    from infocards.notes.receive import checked_note, receive_note
    from infocards.reader.read import read_text
    from infocards.share.carry import split_records
    from infocards.wallet import KdfParams, Wallet

    seed = os.urandom(32)
    findings = _many_findings(course, WALLET_RECORDS // 2)
    signed = [r for i in range(WALLET_RECORDS // 2 // 3 + 1) for r in _received(course, seed, now, index=i)]
    signed = signed[: WALLET_RECORDS - len(findings)]
    records = [*findings, *signed]
    plain = [*findings, *({k: v for k, v in r.items() if k not in ("signer", "proof")} for r in signed)]
    profile = course["profile"]
    print(f"Hand-back speed, a {len(records)}-record wallet ({len(signed)} signed entries), medians")
    split_ms = _median_ms(lambda: split_records(records, profile, SigningKey(seed).public_bytes), runs=5)
    baseline_ms = _median_ms(lambda: split_records(plain, profile, SigningKey(seed).public_bytes), runs=5)
    print(f"  baseline: sorting {len(records)} unsigned records:          {baseline_ms:7.1f} ms")
    print(f"  checking every signed entry (digest + signature): {split_ms:7.1f} ms")
    issue_signed = _median_ms(
        lambda: issue_from_records(profile, records, seed, now=now, lifetime=timedelta(minutes=30)), runs=5
    )
    issue_plain = _median_ms(
        lambda: issue_from_records(profile, plain, seed, now=now, lifetime=timedelta(minutes=30)), runs=5
    )
    print(f"  baseline: the summary of the same records, unsigned: {issue_plain:7.1f} ms")
    print(
        f"  the summary carrying the signed notes:             {issue_signed:7.1f} ms"
        f"  ({issue_signed / issue_plain:.2f}x)"
    )
    code = issue_from_records(profile, records, seed, now=now, lifetime=timedelta(minutes=30)).text
    plain_code = issue_from_records(profile, plain, seed, now=now, lifetime=timedelta(minutes=30)).text
    read_signed = _median_ms(lambda: read_text(code, now=now))
    read_plain = _median_ms(lambda: read_text(plain_code, now=now))
    notes = read_text(code, now=now).summary.notes
    print(f"  baseline: reading the unsigned summary:             {read_plain:7.2f} ms")
    print(
        f"  reading + verifying its {len(notes)} carried note(s):          {read_signed:7.2f} ms"
        f"  ({read_signed / read_plain:.2f}x)"
    )
    with tempfile.TemporaryDirectory() as folder:
        wallet, _ = Wallet.create(
            Path(folder) / "w.icw",
            "bench passphrase",
            profile=profile,
            kdf=KdfParams(memory_kib=64, iterations=1, lanes=1),
        )
        with wallet:
            wallet.put_many(records)
            key = SigningKey(os.urandom(32))
            patient = SigningKey(wallet.signing_seed()).public_bytes
            from infocards.codes.note_code import Binding, make_note
            from infocards.codes.record_codec import normalise_note_record

            clean = [normalise_note_record(r, i) for i, r in enumerate(NOTE_ENTRIES, 1)]
            binding = Binding.of(profile["name"], profile["birth_date"], patient)
            texts = iter(
                make_note_code(
                    make_note(key, ("M", "gp", "K"), clean, now + timedelta(seconds=i), binding=binding), key
                )
                for i in range(RUNS + 1)
            )
            counter = iter(range(10**6))
            add_ms = _median_ms(lambda: wallet.add({**findings[0], "id": f"x{next(counter)}"}))
            receive_ms = _median_ms(lambda: receive_note(wallet, checked_note(read_text(next(texts), now=now))))
    print(f"  baseline: adding one record to the wallet:           {add_ms:7.1f} ms")
    print(f"  receiving a 3-entry note (read, check, save):        {receive_ms:7.1f} ms  ({receive_ms / add_ms:.2f}x)")


def hand_back_figures(course: dict, now: datetime) -> None:
    hand_back_budget(course, now)
    hand_back_speed(course, now)


if __name__ == "__main__":
    raise SystemExit(main())
