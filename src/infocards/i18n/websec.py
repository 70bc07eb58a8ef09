"""Strings for the web mode's launch secret and the wait after wrong passphrases."""

from __future__ import annotations

__all__ = ["STRINGS"]

STRINGS = {
    "error.unlock.wait": {
        "da": "Efter flere forkerte forsøg i træk skal du vente {wait}, før du prøver igen. "
        "Har du glemt adgangskoden, kan du bruge din gendannelseskode.",
        "en": "After several wrong tries in a row, wait {wait} before you try again. "
        "If you have forgotten the passphrase, you can use your recovery code.",
    },
    "error.unlock.wait_clinic": {
        "da": "Efter flere forkerte forsøg i træk skal du vente {wait}, før du prøver igen. "
        "Har du glemt nøglens adgangskode, så spørg den, der har lavet klinikkens nøgle.",
        "en": "After several wrong tries in a row, wait {wait} before you try again. "
        "If you have forgotten the key's passphrase, ask whoever made the clinic's key.",
    },
    "error.clinic.wrong_passphrase_here": {
        "da": "Forkert adgangskode til klinikkens nøgle. Nøglen er ikke låst op.",
        "en": "Wrong passphrase for the clinic's key. The key is not unlocked.",
    },
    "error.clinic.unusable_here": {
        "da": "Klinikkens nøgle kan ikke bruges her lige nu. Bed den, der driver læseren, om at se på nøglen.",
        "en": "The clinic's key cannot be used here right now. Ask whoever runs the reader to look at the key.",
    },
    "wait.seconds.one": {"da": "1 sekund", "en": "1 second"},
    "wait.seconds.many": {"da": "{n} sekunder", "en": "{n} seconds"},
    "wait.minutes.one": {"da": "1 minut", "en": "1 minute"},
    "wait.minutes.many": {"da": "{n} minutter", "en": "{n} minutes"},
    "web.refused.title": {"da": "Siden kan ikke åbnes", "en": "This page cannot be opened"},
    "web.refused.body": {
        "da": "infocards åbner kun fra den adresse, det viste, da det startede (adressen med den lange "
        "kode til sidst). Åbn den adresse igen i samme browser, eller start infocards igen.",
        "en": "infocards opens only from the address it showed when it started (the address with the "
        "long code at the end). Open that address again in the same browser, or start infocards again.",
    },
    "web.refused.reader": {
        "da": "Denne læser svarer kun på sin egen adresse. Åbn den adresse, klinikken har fået oplyst.",
        "en": "This reader answers only at its own address. Open the address the clinic was given.",
    },
    "web.opening": {"da": "Åbner infocards …", "en": "Opening infocards …"},
    "cli.web.secret_note": {
        "da": "Adressen indeholder en hemmelig kode, der kun gælder, så længe infocards kører. Del den ikke.",
        "en": "The address holds a secret code that works only while infocards runs. Do not share it.",
    },
    "cli.web.allowed_host": {
        "da": "Endnu et værtsnavn, læseren svarer på (--reader), fx navnet på en proxy foran den. Kan gentages.",
        "en": "Another host name the reader answers (--reader), such as a proxy's in front of it. Repeatable.",
    },
    "cli.web.reader_without_zxing": {
        "da": "Bemærk: zxing-cpp er ikke installeret, så læseren afkoder fotos med OpenCV, der læser færre "
        "og langsommere. Tilføj den med: pip install zxing-cpp (eller pip install '.[reader]' i infocards' mappe).",
        "en": "Note: zxing-cpp is not installed, so the reader decodes photos with OpenCV, which reads fewer "
        "and slower. Add it with: pip install zxing-cpp (or pip install '.[reader]' in infocards' folder).",
    },
    "cli.web.no_browser": {
        "da": "Åbn ikke browseren; vis kun adressen.",
        "en": "Do not open a browser; only print the address.",
    },
}
