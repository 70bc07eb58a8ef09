"""QR images in: load a picture (file, photo, screenshot) safely and decode the QR codes in it.

Two decoder backends sit behind `decode_image`: zxing-cpp where it is installed (the `desktop`
extra: computers and the reader server) and OpenCV everywhere else (phones have only OpenCV).
The choice is made at run time, and a backend is imported only when a picture is decoded, so
the rest of the app starts without either. INFOCARDS_QR_DECODER=opencv|zxing-cpp forces one.

Pictures are guarded before any pixel is decoded: a PNG of 13,000 x 13,000 pixels is a few
hundred kilobytes on disk and gigabytes in memory. Pillow reads only the header when it opens a
file, so the pixel count is checked first (MAX_PIXELS) and a larger picture is refused as "not
a picture we can read"; allowed pictures are cut down to WORK_SIDE before the decoder sees them
(JPEGs decoded at a reduced scale straight away), and at most MAX_CONCURRENT_DECODES decodes run
at once in a process, so a reader server's visitors cannot add their pictures up to gigabytes.

Time is bounded too. One decode has DECODE_BUDGET_SECONDS across the backend's ladder of
prepared copies: the ladder looks at the clock before each try and gives up with DecodeTimedOut
("could not read a code") once the budget is spent, so a try that starts within the budget is
the most it can run over. A decode that finds both slots taken waits at most BUSY_WAIT_SECONDS,
then DecoderBusy ("busy, try again") instead of joining an unbounded queue; and one client (a
reader server's visitor) has at most MAX_DECODES_PER_CLIENT decodes running at a time.
"""

from __future__ import annotations

import importlib
import os
import re
import threading
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from PIL import Image, ImageOps, UnidentifiedImageError

from infocards.errors import DecoderBusy, DecodeTimedOut, ImageTooLarge, NotInfocardsCode, ShareError, UsageError

__all__ = [
    "BACKENDS",
    "BUSY_WAIT_SECONDS",
    "DECODER_ENV",
    "DECODE_BUDGET_SECONDS",
    "MAX_CONCURRENT_DECODES",
    "MAX_DECODES_PER_CLIENT",
    "MAX_PIXELS",
    "WORK_SIDE",
    "available_backends",
    "check_pixels",
    "chosen_backend",
    "decode_image",
    "load_image",
    "peak_concurrent_decodes",
]

# A 48-megapixel phone's default photo is 12 Mpx; a 40 Mpx ceiling keeps every real photo and
# screenshot while one allowed RGB picture stays near 120 MB.
MAX_PIXELS = 40_000_000
# Pillow's own guard, for every Image.open in the process: it warns above this many pixels and
# refuses twice as many outright, even where a caller forgets check_pixels.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
# The longest side a decoder is given. A version-22 code needs about 105 modules across; 3,000
# pixels leave room for a code that fills a tenth of a photo's width at more than 2 px a module.
WORK_SIDE = 3000
MAX_CONCURRENT_DECODES = 2  # the cores of a small server; more decodes only queue for CPU
# A readable photo decodes in well under a second (bench/qr.py); a picture made to run the whole
# ladder took 17.7 s before this budget (bench/decode_budget.py).
DECODE_BUDGET_SECONDS = 3.0
BUSY_WAIT_SECONDS = 1.0  # how long a decode waits for a slot before "busy, try again"
MAX_DECODES_PER_CLIENT = 1

DECODER_ENV = "INFOCARDS_QR_DECODER"
# Backend name -> module, in order of preference.
BACKENDS = {"zxing-cpp": "infocards.codes.qr_zxing", "opencv": "infocards.codes.qr_opencv"}

_decode_slots = threading.BoundedSemaphore(MAX_CONCURRENT_DECODES)
_active_lock = threading.Lock()
_active = 0
_peak = 0
_per_client: dict[str, int] = {}  # guarded by _active_lock


def check_pixels(image: Image.Image, path: str = "") -> None:
    """ImageTooLarge when the picture has more than MAX_PIXELS (read from its header; nothing decoded)."""
    pixels = image.width * image.height
    if pixels > MAX_PIXELS:
        raise ImageTooLarge(path=path, megapixels=round(pixels / 1_000_000), limit=MAX_PIXELS // 1_000_000)


def load_image(path: Path) -> Image.Image:
    """Open an image file lazily and check its size.

    UsageError if it is missing or unreadable, NotInfocardsCode if it is not an image,
    ImageTooLarge (a NotInfocardsCode) if it has too many pixels. The pixels are decoded later,
    by decode_image, inside its bound on concurrent decodes.
    """
    path = Path(path)
    try:
        with warnings.catch_warnings():
            # Between MAX_PIXELS and Pillow's hard limit Pillow only warns; check_pixels refuses.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(path)
    except FileNotFoundError:
        raise UsageError("error.share.file_not_found", path=str(path)) from None
    except (IsADirectoryError, PermissionError) as exc:
        raise UsageError("error.share.file_unreadable", path=str(path), detail=exc.strerror or "") from None
    except Image.DecompressionBombError as exc:
        # Pillow refused it at twice MAX_PIXELS; its message holds the count ("Image size (N pixels)").
        counted = re.search(r"\((\d+) pixels\)", str(exc))
        pixels = int(counted.group(1)) if counted else 2 * MAX_PIXELS
        raise ImageTooLarge(path=str(path), megapixels=round(pixels / 1e6), limit=MAX_PIXELS // 1_000_000) from None
    except (UnidentifiedImageError, SyntaxError, ValueError, OSError):
        raise NotInfocardsCode("error.share.not_an_image", path=str(path)) from None
    check_pixels(image, str(path))
    return image


def available_backends() -> list[str]:
    """The decoder backends that can be imported here, in order of preference."""
    found = []
    for name, module in BACKENDS.items():
        try:
            importlib.import_module(module)
        except ImportError:
            continue
        found.append(name)
    return found


def chosen_backend() -> str:
    """The backend decode_image uses: INFOCARDS_QR_DECODER if set, else the first available."""
    forced = os.environ.get(DECODER_ENV, "").strip().lower()
    if forced:
        if forced not in BACKENDS:
            raise UsageError("error.share.unknown_decoder", name=forced, known=", ".join(BACKENDS))
        return forced
    found = available_backends()
    if not found:
        raise ShareError("error.share.no_decoder")
    return found[0]


def _backend(name: str | None) -> ModuleType:
    name = name or chosen_backend()
    try:
        return importlib.import_module(BACKENDS[name])
    except (ImportError, KeyError):
        raise ShareError("error.share.no_decoder") from None


def _prepare(image: Image.Image) -> Image.Image:
    """The picture's pixels, upright, flattened on white, gray, at most WORK_SIDE on its longest side."""
    if image.format == "JPEG" and max(image.size) > WORK_SIDE:
        # JPEG decodes at 1/2, 1/4 or 1/8 scale for the asking: a 40 Mpx photo never exists whole.
        image.draft("L", (WORK_SIDE, WORK_SIDE))
    try:
        image.load()
    except (OSError, ValueError, SyntaxError) as exc:  # a truncated or broken file
        raise NotInfocardsCode("error.share.not_an_image", path=getattr(image, "filename", "") or "") from exc
    # Phone photos are often stored sideways with an orientation tag.
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P", "PA"):
        # A transparent background would turn black and swallow a black-on-clear code.
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", image.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    gray = image.convert("L")
    if max(gray.size) > WORK_SIDE:
        gray.thumbnail((WORK_SIDE, WORK_SIDE), Image.Resampling.BILINEAR)
    return gray


def _enter() -> None:
    global _active, _peak
    with _active_lock:
        _active += 1
        _peak = max(_peak, _active)


def _leave() -> None:
    global _active
    with _active_lock:
        _active -= 1


def peak_concurrent_decodes(reset: bool = False) -> int:
    """The most decodes that ran at the same time in this process (reset=True starts counting again)."""
    global _peak
    with _active_lock:
        peak = _peak
        if reset:
            _peak = _active
    return peak


def _client_enter(client: str | None) -> None:
    if client is None:
        return
    with _active_lock:
        if _per_client.get(client, 0) >= MAX_DECODES_PER_CLIENT:
            raise DecoderBusy()
        _per_client[client] = _per_client.get(client, 0) + 1


def _client_leave(client: str | None) -> None:
    if client is None:
        return
    with _active_lock:
        left = _per_client.get(client, 1) - 1
        if left > 0:
            _per_client[client] = left
        else:
            _per_client.pop(client, None)


def decode_image(image: Image.Image, thorough: bool = True, backend: str | None = None, *,
                 budget: float = DECODE_BUDGET_SECONDS, client: str | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 busy_wait: float | None = BUSY_WAIT_SECONDS) -> list[str]:
    """The texts of all QR codes found in `image` (empty if none).

    thorough=False stops after the quick tries: for camera frames, where the next frame comes
    soon. backend names one of BACKENDS; by default the chosen one. ImageTooLarge, before any
    decoding, for a picture over MAX_PIXELS; DecodeTimedOut when `budget` seconds (by `clock`)
    pass before a code is found (math.inf: no budget); DecoderBusy when no slot frees within
    `busy_wait` seconds (None: wait for one) or `client` already has its decodes running.
    """
    check_pixels(image, getattr(image, "filename", "") or "")
    if image.width < 21 or image.height < 21:  # smaller than the smallest QR code
        return []
    decoder = _backend(backend)
    _client_enter(client)
    try:
        if not _decode_slots.acquire(timeout=None if busy_wait is None else max(0.0, busy_wait)):
            raise DecoderBusy()
        try:
            _enter()
            try:
                deadline = clock() + budget
                in_time = lambda: clock() < deadline  # noqa: E731
                texts = decoder.decode(_prepare(image), thorough, in_time)
                if not texts and not in_time():
                    raise DecodeTimedOut()
                return texts
            finally:
                _leave()
        finally:
            _decode_slots.release()
    finally:
        _client_leave(client)
