"""Strings of the name rule, a note's binding and what a reader says about a signed note (issue 17)."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # why a code was refused (readable.REASONS)
    "share.reason.patient_name": {
        "da": "patientens navn har tegn eller en længde, som et navn ikke kan have",
        "en": "the patient's name holds characters or a length that a name cannot have",
    },
    "share.reason.signer_name": {
        "da": "fagpersonens navn eller sted har tegn eller en længde, som et navn ikke kan have",
        "en": "the professional's name or place holds characters or a length that a name cannot have",
    },
    # a signed note in every reader
    "signed.unbound": {
        "da": "Ikke skrevet til en bestemt patient",
        "en": "Not written for a particular patient",
    },
    "signed.bad_name": {"da": "(navnet vises ikke)", "en": "(name not shown)"},
    "signed.failed_name": {
        "da": "underskriverens navn eller sted overholder ikke reglerne: læs det som oplyst af patienten",
        "en": "the signer's name or place breaks the rules: read it as reported by the patient",
    },
    "share.reader.key_lookalike": {
        "da": "OBS: navnet ligner et kendt navn med en anden nøgle: samme person, eller en anden, der ligner?",
        "en": "Note: the name looks like a known name with another key: the same person, or one made to look alike?",
    },
    "share.reader.referral_to": {"da": "Henvisning til {to_role}", "en": "Referral to {to_role}"},
    # writing a note (CLI)
    "cli.note.unbound": {
        "da": "en note til hvem som helst (ikke bundet til en patient); ellers kræves --for",
        "en": "a note for anyone (not bound to a patient); otherwise --for is required",
    },
    "error.note.needs_patient": {
        "da": "Angiv patientens resumé med --for (billede, - eller teksten), så noten kun gælder den patient. "
        "En note til hvem som helst skrives med --unbound.",
        "en": "Give the patient's summary with --for (image, - or the text), so that the note holds for that "
        "patient only. A note for anyone is written with --unbound.",
    },
    "error.note.for_and_unbound": {
        "da": "Brug enten --for eller --unbound, ikke begge.",
        "en": "Use either --for or --unbound, not both.",
    },
    "error.note.read_back": {
        "da": "Noten kunne ikke læses tilbage, som den blev skrevet, og er ikke gemt.",
        "en": "The note did not read back as it was written and was not saved.",
    },
    "receive.unbound": {
        "da": "OBS: noten er ikke skrevet til en bestemt patient; den gemmes og vises altid sådan.",
        "en": "Note: this note was not written for a particular patient; it is saved and always shown so.",
    },
    # the clinic key (clinic init, the note form)
    "error.clinic.bad_signer_name": {
        "da": "Navnet skal stå på én linje med højst {limit} tegn, uden usynlige tegn og uden '·'.",
        "en": "The name must be one line of at most {limit} characters, with no invisible characters and no '·'.",
    },
    "error.clinic.bad_signer_place": {
        "da": "Stedet skal stå på én linje med højst {limit} tegn, uden usynlige tegn og uden '·'.",
        "en": "The place must be one line of at most {limit} characters, with no invisible characters and no '·'.",
    },
    # the patient's own name (wallet profile, share)
    "error.profile.bad_name": {
        "da": "Navnet skal stå på én linje med højst {limit} tegn og uden usynlige tegn eller styretegn.",
        "en": "The name must be one line of at most {limit} characters, with no invisible or control characters.",
    },
    "error.share.bad_name": {
        "da": "Navnet i din mappe kan ikke stå i en kode (højst {limit} tegn på én linje, uden usynlige tegn). "
        "Ret det under Mine oplysninger i appen, eller i profilen i en fil til `infocards wallet import`.",
        "en": "The name in your wallet cannot go into a code (at most {limit} characters on one line, with no "
        "invisible characters). Correct it under My details in the app, or in the profile of a file for "
        "`infocards wallet import`.",
    },
    # records (records.validate_record)
    "error.wallet.invalid_record.control": {
        "da": "Post {record}: feltet {field} har et styretegn (fx NUL); skriv teksten igen uden det.",
        "en": "Record {record}: the field {field} holds a control character (e.g. NUL); type the text without it.",
    },
    "error.wallet.invalid_record.date_range": {
        "da": "Post {record}: feltet {field} skal være en dato fra {earliest} og frem.",
        "en": "Record {record}: the field {field} must be a date from {earliest} on.",
    },
    "note.ui.date_range": {
        "da": "Datoen skal ligge fra 1.1.1900 og frem.",
        "en": "The date must be 1 Jan 1900 or later.",
    },
    # the note form: a note is bound to the summary read in this session, or explicitly for anyone
    "note.ui.needs_summary": {
        "da": "Læs først patientens kode: så gælder noten kun den patient. "
        "Eller vælg 'Note til hvem som helst', hvis den ikke handler om en bestemt patient.",
        "en": "Read the patient's code first: the note then holds for that patient only. "
        "Or choose 'Note for anyone' if it is not about a particular patient.",
    },
    "note.ui.for_anyone_button": {"da": "Note til hvem som helst", "en": "Note for anyone"},
    "note.ui.back_to_reader": {"da": "Læs patientens kode", "en": "Read the patient's code"},
    "note.ui.receive_unbound": {
        "da": "Noten er ikke skrevet til en bestemt patient. Den vises altid sådan for den næste, der læser den.",
        "en": "This note was not written for a particular patient. It is always shown so to the next reader.",
    },
    "timeline.source.not_listed": {"da": "nøglen står ikke på en liste", "en": "key not on a list"},
    "timeline.source.listed": {"da": "nøglen står på listen fra {pack}", "en": "key on the list of {pack}"},
}
