"""Strings for the static reader page (reader_site) and the copy for the patient record (the journal).

The page reads its words from data/strings.json, which `infocards reader build` writes from this
catalog, so the page, the app and the command line print the same words.
"""

from __future__ import annotations

STRINGS = {
    # -- the static page ----------------------------------------------------------------------
    "site.title": {"da": "Læs patientens resumé · infocards", "en": "Read the patient's summary · infocards"},
    "site.explain": {
        "da": "Koden læses og kontrolleres her i browseren. Intet af indholdet sendes til nogen server.",
        "en": "The code is read and checked here in the browser. Nothing of its content is sent to any server.",
    },
    "site.paste_label": {
        "da": "Indsæt kodens tekst eller link (læses, så snart det er indsat)",
        "en": "Paste the code's text or link (read as soon as it is pasted)",
    },
    "site.read": {"da": "Læs", "en": "Read"},
    "site.camera": {"da": "Scan med kameraet", "en": "Scan with the camera"},
    "site.camera_stop": {"da": "Stop kameraet", "en": "Stop the camera"},
    "site.camera_view": {"da": "Kameraets billede", "en": "The camera's picture"},
    "site.no_camera": {"da": "Kameraet kunne ikke startes.", "en": "The camera could not be started."},
    "site.language": {"da": "English", "en": "Dansk"},
    "site.language_label": {"da": "Switch to English", "en": "Skift til dansk"},
    "site.reading": {"da": "Læser koden …", "en": "Reading the code …"},
    "journal.copy": {"da": "Kopiér til journalen", "en": "Copy for the patient record"},
    "journal.copied": {
        "da": "Kopieret: teksten kan nu indsættes i journalen.",
        "en": "Copied: the text can now be pasted into the patient record.",
    },
    "journal.copy_failed": {
        "da": "Browseren tillod ikke at kopiere. Markér teksten herunder og kopiér den selv.",
        "en": "The browser did not allow copying. Select the text below and copy it yourself.",
    },
    "site.journal_heading": {"da": "Tekst til journalen", "en": "Text for the patient record"},
    "site.result": {"da": "Resultat", "en": "Result"},
    # -- the copy for the journal (reader/journal.py and the page's journal.mjs) ------------------
    "journal.summary": {
        "da": "Patientens eget resumé fra infocards, læst {when}: gyldigt, nøgle {fingerprint}",
        "en": "The patient's own summary from infocards, read {when}: valid, key {fingerprint}",
    },
    "journal.note": {
        "da": "Note fra en fagperson via infocards, læst {when}: gyldig, nøgle {fingerprint}",
        "en": "A professional's note via infocards, read {when}: valid, key {fingerprint}",
    },
    "cli.read.journal": {
        "da": "skriv en tekst til journalen (kun for en gyldig kode)",
        "en": "print a text for the patient record (a valid code only)",
    },
    "cli.read.journal_expired": {
        "da": "En udløbet kode giver ingen tekst til journalen.",
        "en": "An expired code gives no text for the patient record.",
    },
    "cli.reader.help": {"da": "byg den statiske læser til en webserver", "en": "build the static reader"},
    "cli.reader.build": {
        "da": "skriv den statiske læser (html, JavaScript, CSS og data fra pakkerne) i en mappe",
        "en": "write the static reader (html, JavaScript, CSS and data from the packs) into a folder",
    },
    "cli.reader.out": {"da": "mappen der skrives (tom eller ny)", "en": "the folder to write (empty or new)"},
    "cli.reader.packs": {
        "da": "pakker hvis kort og betroede nøgler tages med (standard: dem i flet.toml)",
        "en": "packs whose cards and trusted keys are included (default: those in flet.toml)",
    },
    "cli.reader.written": {
        "da": "Læseren er skrevet i {path}: {files} filer, {kib} KiB i alt.",
        "en": "The reader was written to {path}: {files} files, {kib} KiB in all.",
    },
    "error.reader.out_not_empty": {
        "da": "Mappen {path} er ikke tom; vælg en tom eller ny mappe.",
        "en": "The folder {path} is not empty; choose an empty or new folder.",
    },
    "journal.signed": {"da": "skrevet og underskrevet af {who}", "en": "written and signed by {who}"},
    "journal.note_by": {"da": "Skrevet og underskrevet af {who}", "en": "Written and signed by {who}"},
    "journal.unverified": {
        "da": "{who}, men underskriften passer IKKE: læs det som oplyst af patienten",
        "en": "{who}, but the signature does NOT check: read it as reported by the patient",
    },
}
