"""QR images in: load a picture (file, photo, screenshot) and decode the QR codes in it with zxing-cpp."""

from __future__ import annotations

from pathlib import Path

import zxingcpp
from PIL import Image, ImageFilter, ImageOps, UnidentifiedImageError

from infocards.errors import NotInfocardsCode, UsageError

__all__ = ["decode_image", "load_image"]

# A phone photo is about 12 megapixels; zxing finds a QR code in a much smaller copy, and the
# small copy decodes many times faster.
_WORK_SIDE = 1920
_QUICK_TRIES = 2


def load_image(path: Path) -> Image.Image:
    """Open an image file; UsageError if it is missing or unreadable, NotInfocardsCode if not an image."""
    path = Path(path)
    try:
        image = Image.open(path)
        image.load()
    except FileNotFoundError:
        raise UsageError("error.share.file_not_found", path=str(path)) from None
    except (IsADirectoryError, PermissionError) as exc:
        raise UsageError("error.share.file_unreadable", path=str(path), detail=exc.strerror or "") from None
    except (UnidentifiedImageError, Image.DecompressionBombError, SyntaxError, ValueError, OSError):
        # OSError here is a truncated or broken image file: not a picture we can read
        raise NotInfocardsCode("error.share.not_an_image", path=str(path)) from None
    # Phone photos are often stored sideways with an orientation tag.
    return ImageOps.exif_transpose(image)


def _gray(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "P"):
        # A transparent background would turn black and swallow a black-on-clear code.
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image.convert("RGBA"), mask=image.convert("RGBA").getchannel("A"))
        image = flat
    return image.convert("L")


def _attempts(gray: Image.Image):
    """The image as zxing should try it, cheapest first; later tries only run if earlier ones fail."""
    if max(gray.size) > _WORK_SIDE:
        scaled = gray.copy()
        scaled.thumbnail((_WORK_SIDE, _WORK_SIDE), Image.Resampling.BILINEAR)
        yield scaled, zxingcpp.Binarizer.LocalAverage
    yield gray, zxingcpp.Binarizer.LocalAverage
    yield gray, zxingcpp.Binarizer.GlobalHistogram
    # A blurred photo smears neighbouring modules together; an unsharp mask pulls them apart.
    yield gray.filter(ImageFilter.UnsharpMask(radius=3, percent=300, threshold=0)), zxingcpp.Binarizer.LocalAverage
    if max(gray.size) <= _WORK_SIDE:
        # Small modules and blur: sharpen a doubled copy, so the mask has pixels to work with.
        doubled = gray.resize((gray.width * 2, gray.height * 2), Image.Resampling.BICUBIC)
        yield (
            doubled.filter(ImageFilter.UnsharpMask(radius=4, percent=300, threshold=0)),
            zxingcpp.Binarizer.LocalAverage,
        )


def decode_image(image: Image.Image, thorough: bool = True) -> list[str]:
    """The texts of all QR codes found in `image` (empty if none).

    thorough=False stops after the quick tries: for camera frames, where the next frame comes soon.
    """
    if image.width < 21 or image.height < 21:  # smaller than the smallest QR code
        return []
    gray = _gray(image)
    attempts = _attempts(gray)
    for number, (candidate, binarizer) in enumerate(attempts):
        if not thorough and number >= _QUICK_TRIES:
            break
        found = zxingcpp.read_barcodes(candidate, formats=zxingcpp.BarcodeFormat.QRCode, binarizer=binarizer)
        texts = [barcode.text for barcode in found if barcode.valid]
        if texts:
            return texts
    return []
