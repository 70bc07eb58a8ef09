"""Strings for the share area: the share and read commands, section labels, the reader.

Roles, kinds, effects, statuses and sources are labelled once, in i18n/vocab.py (`vocab.<group>.<value>`).
"""


def _pairs(prefix: str, table: dict[str, tuple[str, str]]) -> dict[str, dict[str, str]]:
    return {f"{prefix}.{key}": {"da": da, "en": en} for key, (da, en) in table.items()}


_SECTIONS = {  # what the patient chooses from (infocards.codes.sections.SECTION_KEYS)
    "red_flags": ("Screening for røde flag", "Red-flag screening"),
    "findings": ("Diagnoser og fund", "Diagnoses and findings"),
    "imaging": ("Scanninger og røntgen", "Imaging"),
    "treatments": ("Behandlinger og deres effekt", "Treatments and how they worked"),
    "medication": ("Medicin", "Medication"),
    "referrals": ("Henvisninger", "Referrals"),
    "plan_goals": ("Nuværende plan og mål", "Current plan and goals"),
    "work": ("Arbejde", "Work"),
    "involved": ("Hvem er involveret", "Who is involved"),
}
_VIEW_SECTIONS = {  # what the clinician view shows (VIEW_SECTION_KEYS)
    "red_flags": ("Røde flag", "Red flags"),
    "diagnoses": ("Diagnoser", "Diagnoses"),
    "findings": ("Fund", "Findings"),
    "imaging": ("Scanninger og røntgen", "Imaging"),
    "treatments": ("Behandlinger og effekt", "Treatments and effect"),
    "medication": ("Medicin", "Medication"),
    "referrals": ("Henvisninger", "Referrals"),
    "visits": ("Besøg: hvad skete der", "Visits: what happened"),
    "plan": ("Plan fra en fagperson", "Plan from a professional"),
    "goals": ("Mål", "Goals"),
    "work": ("Arbejde", "Work"),
    "involved": ("Hvem er involveret", "Who is involved"),
}
_STATUS = {
    "valid": ("GYLDIG", "VALID"),
    "expired": ("UDLØBET: data vises, men koden er for gammel", "EXPIRED: data shown, but the code is out of date"),
    "invalid": ("UGYLDIG eller ændret: intet vises", "INVALID or tampered with: nothing is shown"),
    "not_infocards": ("Ikke en infocards-kode", "Not an infocards code"),
}

_EMPTY = {  # a view section that was shared but holds nothing (VIEW_SECTION_KEYS)
    "red_flags": ("Ingen screening for røde flag registreret", "No red-flag screening recorded"),
    "diagnoses": ("Ingen diagnoser registreret", "No diagnoses recorded"),
    "findings": ("Ingen fund registreret", "No findings recorded"),
    "imaging": ("Ingen scanninger eller røntgen registreret", "No imaging recorded"),
    "treatments": ("Ingen behandlinger registreret", "No treatments recorded"),
    "medication": ("Ingen medicin registreret", "No medication recorded"),
    "referrals": ("Ingen henvisninger registreret", "No referrals recorded"),
    "visits": ("Ingen besøg registreret", "No visits recorded"),
    "plan": ("Ingen plan fra en fagperson i koden", "No plan from a professional in the code"),
    "goals": ("Ingen mål registreret", "No goals recorded"),
    "work": ("Intet om arbejde registreret", "Nothing about work recorded"),
    "involved": ("Ingen fagpersoner registreret", "No professionals recorded"),
}
_REASONS = {  # why a code was refused, in words (reader.readable.REASONS maps errors.Reason)
    "lifetime": (
        "koden gælder længere end 30 dage, og så lang tid laver appen aldrig en kode",
        "the code claims to be valid for more than 30 days, which the app never makes",
    ),
    "future": (
        "koden siger, at den er lavet ud i fremtiden; tjek uret på begge enheder",
        "the code says it was made in the future; check the clock on both devices",
    ),
    "signature": (
        "signaturen passer ikke til indholdet, så koden er ændret eller ikke lavet af patientens app",
        "the signature does not match the content, so the code was changed or not made by the patient's app",
    ),
    "prefix": ("koden begynder ikke, som en infocards-kode gør", "the code does not begin as an infocards code does"),
    "too_short": ("koden er for kort til at være hel", "the code is too short to be whole"),
    "truncated": ("koden er afkortet", "the code is cut short"),
    "damaged_text": (
        "koden er afkortet eller har forkerte tegn, fx fra en ufuldstændig kopi",
        "the code is cut short or has wrong characters, e.g. from an incomplete copy",
    ),
    "damaged_content": ("indholdet er beskadiget", "the content is damaged"),
    "damaged_link": (
        "tallene i linket er afkortet eller ændret, fx fra en ufuldstændig kopi",
        "the digits of the link are cut short or changed, e.g. from an incomplete copy",
    ),
}

STRINGS: dict[str, dict[str, str]] = {
    **_pairs("share.section", _SECTIONS),
    **_pairs("share.empty", _EMPTY),
    **_pairs("share.reason", _REASONS),
    **_pairs("share.view", _VIEW_SECTIONS),
    **_pairs("share.status", _STATUS),
    # errors
    "error.share": {"da": "Deling mislykkedes.", "en": "Sharing failed."},
    "error.share.expired": {"da": "Koden er udløbet.", "en": "The code has expired."},
    "error.share.invalid": {
        "da": "Koden er ugyldig eller ændret ({reason}). Intet vises.",
        "en": "The code is invalid or has been tampered with ({reason}). Nothing is shown.",
    },
    "error.share.unknown_version": {
        "da": "Koden har formatversion {version}, som denne infocards ikke kender. Er den lavet af en nyere infocards?",
        "en": "The code has format version {version}, which this infocards does not know. "
        "Was it made by a newer infocards?",
    },
    "error.share.not_infocards": {
        "da": "Det er ikke en infocards-kode.",
        "en": "This is not an infocards code.",
    },
    "error.share.decode_timeout": {
        "da": "Der kunne ikke læses en kode i billedet. Prøv et skarpere billede, hvor koden fylder mere.",
        "en": "Could not read a code in the picture. Try a sharper picture in which the code fills more.",
    },
    "share.reader.keys_set_aside": {
        "da": "Læserens hukommelse om patienters nøgler kunne ikke læses. Den er flyttet til {path}, og en ny "
        "er startet: indtil patienterne er læst igen, kan der ikke advares om en ny nøgle.",
        "en": "The reader's memory of patients' keys could not be read. It was moved to {path} and a new one "
        "started: until patients are read again, a new key cannot be warned about.",
    },
    "error.share.paste_too_long": {
        "da": "Den indsatte tekst er for lang til at være en kode (over {limit} KiB). Kopiér kun koden.",
        "en": "The pasted text is too long to be a code (over {limit} KiB). Copy only the code.",
    },
    "error.share.decoder_busy": {
        "da": "Læseren har travlt lige nu. Prøv igen om et øjeblik.",
        "en": "The reader is busy right now. Try again in a moment.",
    },
    "error.share.no_qr": {
        "da": "Der er ingen QR-kode i billedet.",
        "en": "No QR code found in the image.",
    },
    "error.share.foreign_qr": {
        "da": "Billedet har en QR-kode, men det er ikke en infocards-kode.",
        "en": "The image holds a QR code, but it is not an infocards code.",
    },
    "error.share.foreign_link": {
        "da": "Linket fører ikke til en infocards-kode.",
        "en": "The link does not hold an infocards code.",
    },
    "error.share.empty_input": {
        "da": "Der er ingen kode at læse (tom tekst).",
        "en": "There is no code to read (empty text).",
    },
    "error.share.not_an_image": {
        "da": "{path} er hverken et billede (PNG, JPEG, ...) eller tekst.",
        "en": "{path} is neither an image (PNG, JPEG, ...) nor text.",
    },
    "error.share.file_not_found": {"da": "Filen findes ikke: {path}", "en": "File not found: {path}"},
    "error.share.file_unreadable": {
        "da": "Filen kan ikke læses: {path} ({detail})",
        "en": "Cannot read the file: {path} ({detail})",
    },
    "error.share.cannot_write": {
        "da": "QR-billedet kan ikke skrives: {path} ({detail})",
        "en": "Cannot write the QR image: {path} ({detail})",
    },
    "error.share.unknown_section": {
        "da": "Ukendt afsnit: {section}. Mulige: {known}",
        "en": "Unknown section: {section}. Known: {known}",
    },
    "error.share.unknown_role": {
        "da": "Ukendt rolle: {role}. Mulige: {known}",
        "en": "Unknown role: {role}. Known: {known}",
    },
    "error.share.bad_duration": {
        "da": "Ugyldig varighed: {value} (brug f.eks. 24h, 30m eller 90s)",
        "en": "Invalid duration: {value} (use e.g. 24h, 30m or 90s)",
    },
    "error.share.duration_too_long": {
        "da": "For lang varighed: {value} (en kode gælder højst {days} dage)",
        "en": "Duration too long: {value} (a code is valid for at most {days} days)",
    },
    "error.share.lifetime_too_long": {
        "da": "En kode kan højst gælde i {days} dage.",
        "en": "A code can be valid for at most {days} days.",
    },
    "error.share.bad_period": {
        "da": "Ugyldig periode: {value} (brug ÅÅÅÅ-MM-DD..ÅÅÅÅ-MM-DD; en af siderne må mangle)",
        "en": "Invalid period: {value} (use YYYY-MM-DD..YYYY-MM-DD; either side may be left out)",
    },
    "error.share.too_large": {
        "da": "Selv navnet alene fylder mere end én QR-kode (version {version}).",
        "en": "Even the name alone does not fit in one QR code (version {version}).",
    },
    # the share command
    "cli.share.help": {
        "da": "Lav et signeret QR-resumé af forløbet til en ny fagperson.",
        "en": "Make a signed QR summary of the course for a new professional.",
    },
    "cli.share.path": {"da": "mappens fil", "en": "the wallet file"},
    "cli.share.out": {"da": "hvor QR-billedet (PNG) skrives", "en": "where to write the QR image (PNG)"},
    "cli.share.to": {
        "da": "rollen koden vises til (gemmes i delingsloggen; uden: other): {roles}",
        "en": "the role the code is shown to (kept in the share log; without it: other): {roles}",
    },
    "cli.share.sections": {
        "da": "afsnit, kommasepareret (standard: alle): {sections}",
        "en": "sections, comma separated (default: all): {sections}",
    },
    "cli.share.expires": {
        "da": "hvor længe koden gælder, f.eks. 24h, 30m, 90s (standard fra flet.toml: {minutes:g} min)",
        "en": "how long the code is valid, e.g. 24h, 30m, 90s (default from flet.toml: {minutes:g} min)",
    },
    "cli.share.period": {
        "da": "kun det, der var aktuelt i perioden FRA..TIL: besøg og undersøgelser fra perioden, og "
        "diagnoser, behandling, medicin, mål og henvisninger, der stadig gjaldt (datoer ÅÅÅÅ-MM-DD, en "
        "side kan udelades)",
        "en": "only what was current in the period FROM..TO: visits and examinations from the period, and "
        "diagnoses, treatment, medication, goals and referrals that still held (dates YYYY-MM-DD, either "
        "side may be left out)",
    },
    "cli.share.text": {
        "da": "skriv også kodens tekst (linket, når [share] reader_url er sat)",
        "en": "also print the code's text (the link when [share] reader_url is set)",
    },
    "cli.share.epilog": {
        "da": "Adgangskoden læses fra INFOCARDS_PASSPHRASE, ellers spørges der. Passer resuméet ikke i én "
        "QR-kode (version 22, fejlkorrektion M), udelades først de ældste og mindst vigtige detaljer, og "
        "det siges hvad.",
        "en": "The passphrase is read from INFOCARDS_PASSPHRASE, else asked for. When the summary does not "
        "fit in one QR code (version 22, error correction M), the oldest and least relevant details are "
        "left out first, and what was left out is said.",
    },
    "cli.share.written": {
        "da": "QR-kode (version {version}, {modules}x{modules} moduler) skrevet til {path}; udløber {expires}.",
        "en": "QR code (version {version}, {modules}x{modules} modules) written to {path}; expires {expires}.",
    },
    "cli.share.backup_used": {
        "da": "Advarsel: mappen var beskadiget; den seneste gode kopi fra {time} er brugt. "
        "Senere ændringer kan mangle.",
        "en": "Warning: the wallet was damaged; the last good copy from {time} was used. Later changes may be missing.",
    },
    # the read command
    "cli.read.help": {
        "da": "Læs et infocards QR-resumé fra et billede eller som tekst.",
        "en": "Read an infocards QR summary from an image or as text.",
    },
    "cli.read.source": {
        "da": "et billede (PNG, JPEG, foto eller skærmbillede), en tekstfil, '-' for tekst på standard-ind, "
        "eller kodens tekst eller link",
        "en": "an image (PNG, JPEG, photo or screenshot), a text file, '-' for text on standard input, "
        "or the code's text or link",
    },
    "cli.read.json": {"da": "skriv ét JSON-objekt", "en": "print one JSON object"},
    "cli.read.epilog": {
        "da": "Afslutningskoder: 0 gyldig; 3 udløbet (data vises og markeres udløbet); 4 ugyldig eller ændret "
        "(intet vises); 5 ingen infocards-kode (ingen QR i billedet, en fremmed QR eller tekst, tom "
        "indgang, en fil der hverken er billede eller tekst); 2 forkert brug (også en fil der ikke "
        "findes eller ikke kan læses).",
        "en": "Exit codes: 0 valid; 3 expired (data shown and marked expired); 4 invalid or tampered with "
        "(nothing shown); 5 no infocards code (no QR in the image, a foreign QR code or text, empty "
        "input, a file that is neither an image nor text); 2 usage (also a file that does not exist "
        "or cannot be read).",
    },
    # the share screen (the rest of its strings are in i18n/ui.py)
    "share.ui.since_help": {
        "da": "Så deles det, der er sket siden, og det, der stadig er i gang, fx medicin du tager.",
        "en": "Then what happened since, and what is still going on (such as medicine you take), is shared.",
    },
    "share.ui.period_from": {
        "da": "Koden viser det, der var aktuelt fra {date}.",
        "en": "The code shows what was current from {date}.",
    },
    # the clinician view
    "reader.ui.new_code": {"da": "Læs en ny kode", "en": "Read a new code"},
    "share.reader.title": {"da": "infocards-resumé", "en": "infocards summary"},
    "share.reader.status": {"da": "Status: {status}", "en": "Status: {status}"},
    "share.reader.patient": {"da": "{name}, født {birth_date}", "en": "{name}, born {birth_date}"},
    "share.reader.birth_unknown": {"da": "ukendt", "en": "unknown"},
    "share.reader.fingerprint": {
        "da": "Nøgle: {fingerprint} (samme nøgle = samme patients enhed)",
        "en": "Key: {fingerprint} (same key = same patient's device)",
    },
    "share.reader.times": {
        "da": "Udstedt {issued}, udløber {expires}",
        "en": "Issued {issued}, expires {expires}",
    },
    "share.reader.shared_with": {"da": "Vist til: {role}", "en": "Shown to: {role}"},
    "share.reader.period": {"da": "Periode: {start} til {end}", "en": "Period: {start} to {end}"},
    "share.reader.open_end": {"da": "…", "en": "…"},
    "share.reader.omitted": {
        "da": "Udeladt for at passe i én QR-kode (ældste og mindst vigtige først): {parts}",
        "en": "Left out to fit one QR code (oldest and least relevant first): {parts}",
    },
    "share.reader.omitted_part": {"da": "{count} fra {section}", "en": "{count} from {section}"},
    "share.reader.nothing": {"da": "(intet registreret)", "en": "(nothing recorded)"},
    "share.reader.not_shared": {"da": "Ikke delt: {sections}", "en": "Not shared: {sections}"},
    "share.reader.undated": {"da": "udateret", "en": "undated"},
    "share.reader.ended": {"da": "Sluttede {date}", "en": "Ended {date}"},
    "share.reader.ongoing": {"da": "I gang", "en": "Ongoing"},
    "share.reader.referral": {"da": "fra {from_role} til {to_role}", "en": "from {from_role} to {to_role}"},
    "share.reader.hours": {"da": "{hours} timer om ugen", "en": "{hours} hours a week"},
    # who reported an entry: the signature proves the patient made the code, not who wrote an entry
    "share.reader.source.patient": {"da": "oplyst af patienten", "en": "reported by the patient"},
    "share.reader.source.professional": {
        "da": "oplyst af patienten (fra en fagperson, ifølge patienten)",
        "en": "reported by the patient (from a professional, the patient says)",
    },
    "share.reader.card": {"da": "Kort: {card}", "en": "Card: {card}"},
    "share.reader.invalid_because": {
        "da": "Årsag: {reason}. Bed patienten om at vise koden igen.",
        "en": "Why: {reason}. Ask the patient to show the code again.",
    },
    "share.reader.in_period": {"da": "{text} i perioden", "en": "{text} in the period"},
    "share.reader.birth": {"da": "født {date}", "en": "born {date}"},
    "share.reader.red_flags_not_shared": {
        "da": "Ikke delt af patienten: der kan ikke siges noget om røde flag ud fra koden.",
        "en": "Not shared by the patient: the code says nothing about red flags.",
    },
    "share.reader.code": {"da": "Kode: {code}", "en": "Code: {code}"},
}
