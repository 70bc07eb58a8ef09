"""Strings for optional, desktop-only pieces and for pictures refused before decoding."""

from __future__ import annotations

STRINGS = {
    "error.missing_extra.deck": {
        "da": "Det trykbare kortsæt kræver en tilføjelse, som ikke er installeret. "
        "Installér den med: pip install 'infocards[deck]'",
        "en": "The printable deck needs an add-on that is not installed. "
        "Install it with: pip install 'infocards[deck]'",
    },
    "error.share.image_too_large": {
        "da": "Det er ikke et billede, vi kan læse: det har {megapixels} megapixel, og vi læser højst {limit}. "
        "Tag et foto eller et skærmbillede af koden.",
        "en": "This is not a picture we can read: it has {megapixels} megapixels, and we read at most {limit}. "
        "Take a photo or a screenshot of the code.",
    },
    "error.share.no_decoder": {
        "da": "Ingen QR-læser er installeret (OpenCV mangler). Installér infocards igen.",
        "en": "No QR decoder is installed (OpenCV is missing). Reinstall infocards.",
    },
    "error.share.unknown_decoder": {
        "da": "Ukendt QR-læser i INFOCARDS_QR_DECODER: {name}. Mulige: {known}",
        "en": "Unknown QR decoder in INFOCARDS_QR_DECODER: {name}. Known: {known}",
    },
}
