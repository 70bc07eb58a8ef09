"""Strings for hand-back: the clinic key, professionals' notes, receiving them, signed entries."""

_NOTHING_DA = "Intet er ændret."
_NOTHING_EN = "Nothing was changed."

STRINGS = {
    # -- errors ------------------------------------------------------------------------------
    "error.clinic": {"da": "Klinik-nøglen kunne ikke bruges.", "en": "The clinic key could not be used."},
    "error.clinic.damaged": {
        "da": f"Nøglefilen {{path}} er beskadiget eller ikke en infocards-nøgle. {_NOTHING_DA}",
        "en": f"the key file {{path}} is damaged or not an infocards key. {_NOTHING_EN}",
    },
    "error.clinic.newer": {
        "da": "Nøglefilen {path} har format {version}: er den lavet af en nyere infocards?",
        "en": "the key file {path} has format {version}: was it made by a newer infocards?",
    },
    "error.clinic.wrong_passphrase": {
        "da": f"Forkert adgangskode til nøglefilen {{path}}. {_NOTHING_DA}",
        "en": f"wrong passphrase for the key file {{path}}. {_NOTHING_EN}",
    },
    "error.clinic.exists": {
        "da": "Der er allerede en fil på {path}; en nøgle bliver aldrig skrevet oven i en fil.",
        "en": "there is already a file at {path}; a key is never written over a file.",
    },
    "error.clinic.not_found": {"da": "Nøglefilen {path} findes ikke.", "en": "the key file {path} does not exist."},
    "error.clinic.io": {
        "da": "Nøglefilen {path} kunne ikke læses eller skrives ({detail}).",
        "en": "the key file {path} could not be read or written ({detail}).",
    },
    "error.clinic.bad_name": {
        "da": "Navn og sted skal være tekst på højst {limit} tegn, og navnet må ikke være tomt.",
        "en": "the name and place must be text of at most {limit} characters, and the name must not be empty.",
    },
    "error.clinic.bad_role": {"da": "Ukendt rolle. Mulige: {known}", "en": "unknown role. Known roles: {known}"},
    "error.clinic.mismatch": {"da": "Adgangskoderne er ikke ens.", "en": "the passphrases do not match."},
    "error.note.too_large": {
        "da": "Noten fylder for meget til én QR-kode: forkort den med cirka {chars} tegn "
        "(eller del den i to noter). Intet er skåret væk.",
        "en": "the note is too long for one QR code: shorten it by about {chars} characters "
        "(or split it into two notes). Nothing was cut.",
    },
    "error.note.other_patient": {
        "da": f"Noten er skrevet til en anden patient (navn, fødselsdato eller nøgle passer ikke). {_NOTHING_DA}",
        "en": f"the note was written for another patient (name, birth date or key differ). {_NOTHING_EN}",
    },
    "error.note.not_a_note": {
        "da": f"Det er ikke en note fra en fagperson. {_NOTHING_DA}",
        "en": f"this is not a note from a professional. {_NOTHING_EN}",
    },
    "error.note.is_summary": {
        "da": f"Det er en patients resumé, ikke en note fra en fagperson. {_NOTHING_DA}",
        "en": f"this is a patient's summary, not a note from a professional. {_NOTHING_EN}",
    },
    "error.note.expired": {
        "da": f"Noten er udløbet: bed fagpersonen om en ny. {_NOTHING_DA}",
        "en": f"the note has expired: ask the professional for a new one. {_NOTHING_EN}",
    },
    "error.note.empty": {"da": "Noten har ingen punkter.", "en": "the note has no entries."},
    "error.note.too_many": {"da": "En note har højst {limit} punkter.", "en": "a note holds at most {limit} entries."},
    "error.note.file": {
        "da": 'Filen {path} kan ikke læses som {{"records": [...]}} (JSON).',
        "en": 'the file {path} cannot be read as {{"records": [...]}} (JSON).',
    },
    "error.note.for_unreadable": {
        "da": "Patientens resumé (--for) kunne ikke læses: {detail}",
        "en": "the patient's summary (--for) could not be read: {detail}",
    },
    "error.note.bad_duration": {
        "da": "Ugyldig varighed '{value}': brug fx 7d, 24h, 30m, højst {days} dage.",
        "en": "invalid duration '{value}': use e.g. 7d, 24h, 30m, at most {days} days.",
    },
    "error.share.lifetime": {
        "da": "Koden er ugyldig: den gælder længere end {days} dage, og det gør ingen kode fra infocards.",
        "en": "The code is invalid: it claims to be valid for more than {days} days, which no infocards code is.",
    },
    "error.share.future": {
        "da": "Koden er ugyldig: den er udstedt ude i fremtiden (se også enhedens ur).",
        "en": "The code is invalid: it was issued in the future (check this device's clock too).",
    },
    # -- command line ------------------------------------------------------------------------
    "cli.clinic.help": {
        "da": "En fagpersons eller kliniks signeringsnøgle (til noter tilbage til patienten).",
        "en": "A professional's or clinic's signing key (for notes handed back to the patient).",
    },
    "cli.clinic.init.help": {"da": "Lav en ny nøglefil.", "en": "Make a new key file."},
    "cli.clinic.show.help": {
        "da": "Vis navn, rolle, sted og fingeraftryk.",
        "en": "Show name, role, place and fingerprint.",
    },
    "cli.clinic.key": {"da": "nøglefilen", "en": "the key file"},
    "cli.clinic.name": {
        "da": "navnet, som patienten og næste fagperson ser",
        "en": "the name patients and the next professional see",
    },
    "cli.clinic.role": {"da": "rollen: {roles}", "en": "the role: {roles}"},
    "cli.clinic.place": {"da": "klinik eller sted", "en": "clinic or place"},
    "clinic.prompt.passphrase": {"da": "Adgangskode til nøglen: ", "en": "Key passphrase: "},
    "clinic.prompt.new": {"da": "Ny adgangskode til nøglen: ", "en": "New key passphrase: "},
    "clinic.fingerprint": {"da": "Fingeraftryk: {fingerprint}", "en": "Fingerprint: {fingerprint}"},
    "clinic.write_down": {
        "da": "Skriv fingeraftrykket ned: det er det, kommunen eller regionen skal sætte på sin liste.",
        "en": "Write the fingerprint down: it is what a municipality or region puts on its list.",
    },
    "clinic.name": {"da": "Navn: {value}", "en": "Name: {value}"},
    "clinic.role": {"da": "Rolle: {value}", "en": "Role: {value}"},
    "clinic.place": {"da": "Sted: {value}", "en": "Place: {value}"},
    "cli.note.help": {
        "da": "Skriv en signeret note tilbage til patienten som QR-kode.",
        "en": "Write a signed note back to the patient as a QR code.",
    },
    "cli.note.key": {"da": "klinik-nøglefilen", "en": "the clinic key file"},
    "cli.note.file": {
        "da": 'noten som {"records": [...]} (encounter, finding, referral, treatment, medication, goal, work)',
        "en": 'the note as {"records": [...]} (encounter, finding, referral, treatment, medication, goal, work)',
    },
    "cli.note.out": {"da": "QR-billedet (PNG)", "en": "the QR image (PNG)"},
    "cli.note.text": {
        "da": "skriv også notens tekst ud (linket, når [share] reader_url er sat)",
        "en": "also print the note's text (the link when [share] reader_url is set)",
    },
    "cli.note.for": {
        "da": "patientens resumé, som noten svarer på (billede, - eller teksten): noten bindes til patienten",
        "en": "the patient's summary this note answers (image, - or the text): binds the note to that patient",
    },
    "cli.note.expires": {"da": "gyldig i (standard 7d, højst 30d)", "en": "valid for (default 7d, at most 30d)"},
    "note.written": {
        "da": "Note med {count} punkter skrevet til {path} (QR-version {version}), gyldig til {expires}.",
        "en": "Note with {count} entries written to {path} (QR version {version}), valid until {expires}.",
    },
    "cli.wallet.receive.help": {
        "da": "Gem en note fra en fagperson i mappen (billede, - eller teksten).",
        "en": "Save a note from a professional in the wallet (image, - or the text).",
    },
    "cli.wallet.receive.source": {"da": "noten: billede, - eller teksten", "en": "the note: image, - or the text"},
    "cli.wallet.receive.json": {"da": "skriv resultatet som JSON", "en": "print the result as JSON"},
    "receive.done": {
        "da": "Gemt: {new} nye punkter i din mappe (noten har {count}).",
        "en": "Saved: {new} new entries in your wallet (the note has {count}).",
    },
    "receive.already": {
        "da": "Noten er allerede gemt i din mappe. Intet er ændret (noten har {count} punkter).",
        "en": "This note is already saved in your wallet. Nothing was changed (the note has {count} entries).",
    },
    # -- reading a note ----------------------------------------------------------------------
    "note.reader.title": {"da": "Note fra en fagperson", "en": "Note from a professional"},
    "note.reader.signer": {"da": "Skrevet af: {signer}", "en": "Written by: {signer}"},
    "note.reader.for": {"da": "Skrevet til: {name}, født {birth_date}", "en": "Written for: {name}, born {birth_date}"},
    "note.reader.for_anyone": {"da": "Ikke bundet til en bestemt patient", "en": "Not bound to a particular patient"},
    "note.reader.entries": {"da": "Punkter", "en": "Entries"},
    # -- signed entries in the clinician view ------------------------------------------------
    "signed.checked": {
        "da": "underskrift kontrolleret, nøgle {fingerprint}",
        "en": "signature checked, key {fingerprint}",
    },
    "signed.failed": {
        "da": "underskriften passer IKKE: læs det som oplyst af patienten",
        "en": "the signature does NOT check: read it as reported by the patient",
    },
    "signed.listed": {"da": "nøglen står på listen fra {pack}", "en": "key on the list of {pack}"},
    "signed.not_listed": {"da": "signeret, nøglen står ikke på en liste", "en": "signed, key not on a list"},
    "signed.withheld": {
        "da": "{count} punkter mere i denne note er ikke delt",
        "en": "{count} more entries of this note were not shared",
    },
    "share.reader.source.changed": {"da": "ændret af patienten", "en": "changed by the patient"},
    "share.reader.omitted_notes": {
        "da": "{count} note(r) fra fagpersoner",
        "en": "{count} note(s) from professionals",
    },
    "share.reader.key_new": {
        "da": "OBS: ny nøgle for et kendt navn og fødselsdato: ny telefon, eller en anden person?",
        "en": "Note: a new key for a known name and birth date: new phone, or a different person?",
    },
    # -- the checker: trusted_keys in pack.yaml (content/trust.py) ---------------------------
    "content.check.trusted-keys-not-list": {
        "da": "pack.yaml: trusted_keys skal være en liste",
        "en": "pack.yaml: trusted_keys must be a list",
    },
    "content.check.trusted-keys-not-list.hint": {
        "da": "hvert punkt: - fingerprint: ..., name: ..., role: ..., place: ...",
        "en": "each item: - fingerprint: ..., name: ..., role: ..., place: ...",
    },
    "content.check.trusted-key-not-mapping": {
        "da": "pack.yaml: et punkt i trusted_keys er ikke fingerprint, name, role og place",
        "en": "pack.yaml: an item of trusted_keys is not fingerprint, name, role and place",
    },
    "content.check.trusted-key-field": {
        "da": "pack.yaml: trusted_keys: feltet '{field}' mangler eller er ikke tekst",
        "en": "pack.yaml: trusted_keys: the field '{field}' is missing or not text",
    },
    "content.check.trusted-key-unknown-field": {
        "da": "pack.yaml: trusted_keys: ukendt felt '{field}'",
        "en": "pack.yaml: trusted_keys: unknown field '{field}'",
    },
    "content.check.trusted-key-unknown-field.hint": {
        "da": "et punkt har kun: {choices}",
        "en": "an item has only: {choices}",
    },
    "content.check.trusted-key-fingerprint": {
        "da": "pack.yaml: trusted_keys: '{value}' er ikke et fingeraftryk",
        "en": "pack.yaml: trusted_keys: '{value}' is not a fingerprint",
    },
    "content.check.trusted-key-fingerprint.hint": {
        "da": "16 tegn (A-Z, 2-7) i fire grupper, som `infocards clinic show` skriver det, fx K7QF-2MXA-9RTB-WZ4C",
        "en": "16 characters (A-Z, 2-7) in four groups, as `infocards clinic show` prints it, e.g. K7QF-2MXA-9RTB-WZ4C",
    },
    "content.check.trusted-key-role": {
        "da": "pack.yaml: trusted_keys: ukendt rolle '{value}'",
        "en": "pack.yaml: trusted_keys: unknown role '{value}'",
    },
    "content.check.trusted-key-role.hint": {"da": "mulige roller: {choices}", "en": "known roles: {choices}"},
    "content.check.trusted-key-duplicate": {
        "da": "pack.yaml: trusted_keys: {fingerprint} står der allerede (linje {first})",
        "en": "pack.yaml: trusted_keys: {fingerprint} is already listed (line {first})",
    },
    # -- the app: writing a note (clinician view) --------------------------------------------
    "note.ui.write": {"da": "Skriv en note tilbage", "en": "Write a note back"},
    "note.ui.title": {"da": "Note til patienten", "en": "Note for the patient"},
    "note.ui.explain": {
        "da": "Skriv kort, hvad du har fundet og gjort. Noten underskrives med klinikkens nøgle og vises "
        "som en QR-kode, som patienten scanner ind i sin app. Næste fagperson ser den som skrevet af dig.",
        "en": "Write briefly what you found and did. The note is signed with the clinic's key and shown as a "
        "QR code the patient scans into their app. The next professional sees it as written by you.",
    },
    "note.ui.for_patient": {
        "da": "Noten bindes til {name}, født {birth_date} (det resumé, du lige har læst).",
        "en": "The note is bound to {name}, born {birth_date} (the summary you just read).",
    },
    "note.ui.for_anyone": {
        "da": "Der er ikke læst et resumé: noten bindes ikke til en bestemt patient.",
        "en": "No summary was read: the note is not bound to a particular patient.",
    },
    "note.ui.key_heading": {"da": "Klinikkens nøgle", "en": "The clinic's key"},
    "note.ui.key_unlock": {
        "da": "Lås klinikkens nøgle op med dens adgangskode (én gang pr. session).",
        "en": "Unlock the clinic's key with its passphrase (once per session).",
    },
    "note.ui.key_missing": {
        "da": "Der er ingen klinik-nøgle endnu. Lav en her: den gemmes krypteret på denne computer.",
        "en": "There is no clinic key yet. Make one here: it is stored encrypted on this computer.",
    },
    "note.ui.key_missing_server": {
        "da": "Denne læser har ingen nøgle til at underskrive noter med, så der kan ikke skrives noter her endnu. "
        "Bed den, der passer læseren (fx jeres it-ansvarlige), om at lave klinikkens nøgle til den.",
        "en": "This reader has no key to sign notes with, so notes cannot be written here yet. "
        "Ask whoever looks after the reader (your IT administrator, say) to make the clinic's key for it.",
    },
    "note.ui.key_passphrase": {"da": "Nøglens adgangskode", "en": "The key's passphrase"},
    "note.ui.key_passphrase_again": {"da": "Adgangskoden igen", "en": "The passphrase again"},
    "note.ui.key_name": {"da": "Dit navn (som patienten ser det)", "en": "Your name (as the patient sees it)"},
    "note.ui.key_place": {"da": "Klinik eller sted", "en": "Clinic or place"},
    "note.ui.key_unlock_button": {"da": "Lås nøglen op", "en": "Unlock the key"},
    "note.ui.key_create_button": {"da": "Lav nøglen", "en": "Make the key"},
    "note.ui.key_ready": {
        "da": "Underskriver som {name}. Fingeraftryk:",
        "en": "Signing as {name}. Fingerprint:",
    },
    "note.ui.key_write_down": {
        "da": "Skriv fingeraftrykket ned og giv det til kommunen eller regionen, så de kan sætte det på deres liste.",
        "en": "Write the fingerprint down and give it to the municipality or region, so they can list it.",
    },
    "note.ui.repeat_mismatch": {"da": "De to adgangskoder er ikke ens.", "en": "The two passphrases differ."},
    "note.ui.role": {"da": "Din rolle", "en": "Your role"},
    "note.ui.date": {"da": "Dato (fx 1.12.2026)", "en": "Date (e.g. 1.12.2026)"},
    "note.ui.finding_heading": {"da": "Fund", "en": "Finding"},
    "note.ui.finding_kind": {"da": "Slags fund", "en": "Kind of finding"},
    "note.ui.finding_text": {"da": "Fund (hvad du fandt)", "en": "Finding (what you found)"},
    "note.ui.finding_code": {"da": "Kode, fx ICPC-2:L86 (valgfri)", "en": "Code, e.g. ICPC-2:L86 (optional)"},
    "note.ui.treatment_heading": {"da": "Behandling givet", "en": "Treatment given"},
    "note.ui.treatment_what": {"da": "Behandling", "en": "Treatment"},
    "note.ui.effect": {"da": "Effekt", "en": "Effect"},
    "note.ui.medication_heading": {"da": "Medicin", "en": "Medication"},
    "note.ui.medication_name": {"da": "Præparat", "en": "Medicine"},
    "note.ui.medication_dose": {"da": "Dosis", "en": "Dose"},
    "note.ui.referral_heading": {"da": "Henvisning", "en": "Referral"},
    "note.ui.referral_to": {"da": "Henvist til", "en": "Referred to"},
    "note.ui.referral_reason": {"da": "Hvorfor", "en": "Why"},
    "note.ui.referral_status": {"da": "Status", "en": "Status"},
    "note.ui.plan_heading": {
        "da": "Plan og besked til næste fagperson",
        "en": "Plan and a message for the next professional",
    },
    "note.ui.plan_text": {"da": "Plan og besked", "en": "Plan and message"},
    "note.ui.card_heading": {"da": "Kort patienten bør læse", "en": "A card the patient should read"},
    "note.ui.card": {"da": "Kort (valgfrit, hører til fundet)", "en": "Card (optional, goes with the finding)"},
    "note.ui.make": {"da": "Underskriv og vis QR-koden", "en": "Sign and show the QR code"},
    "note.ui.nothing": {
        "da": "Skriv mindst ét fund, en behandling, medicin, en henvisning eller en plan.",
        "en": "Write at least one finding, treatment, medicine, referral or plan.",
    },
    "note.ui.fill_in": {"da": "Udfyld også: {field}", "en": "Please also fill in: {field}"},
    "note.ui.bad_date": {
        "da": "Datoen kan ikke læses: skriv fx 1.12.2026.",
        "en": "The date cannot be read: write e.g. 1.12.2026.",
    },
    "note.ui.qr_label": {"da": "QR-kode med noten til patienten", "en": "QR code with the note for the patient"},
    "note.ui.receive_to_timeline": {"da": "Se det i dit forløb", "en": "See it in your course"},
    "note.ui.receive_another": {"da": "Scan en anden note", "en": "Scan another note"},
    "note.ui.qr_heading": {"da": "Lad patienten scanne koden", "en": "Let the patient scan the code"},
    "note.ui.back_to_form": {"da": "Tilbage til noten", "en": "Back to the note"},
    "note.ui.none_made": {
        "da": "Der er ikke lavet en note i denne session. Gå tilbage og skriv noten.",
        "en": "No note was made in this session. Go back and write the note.",
    },
    "note.ui.shown": {
        "da": "Bed patienten scanne koden i appen under \"Scan en note fra en fagperson\". Gyldig til {time}.",
        "en": "Ask the patient to scan it in the app under \"Scan a note from a professional\". Valid until {time}.",
    },
    "note.ui.clear": {"da": "Ryd noten", "en": "Clear the note"},
    # -- the app: receiving a note (wallet) -----------------------------------------------------
    "note.ui.receive": {"da": "Scan en note fra en fagperson", "en": "Scan a note from a professional"},
    "note.ui.receive_explain": {
        "da": "Tag et billede af fagpersonens QR-kode, vælg et foto af den, eller sæt teksten ind.",
        "en": "Take a picture of the professional's QR code, choose a photo of it, or paste its text.",
    },
    "note.ui.receive_paste": {"da": "Notens tekst (begynder med IN1:)", "en": "The note's text (starts with IN1:)"},
    "note.ui.receive_read": {"da": "Læs noten", "en": "Read the note"},
    "note.ui.receive_photo": {"da": "Vælg et foto af koden", "en": "Choose a photo of the code"},
    "note.ui.receive_camera": {"da": "Scan med kameraet", "en": "Scan with the camera"},
    "note.ui.receive_who": {"da": "Skrevet af", "en": "Written by"},
    "note.ui.receive_holds": {"da": "Noten indeholder", "en": "The note holds"},
    "note.ui.receive_save": {"da": "Ja, gem i min mappe", "en": "Yes, save it in my wallet"},
    "note.ui.receive_not_image": {
        "da": "Det er ikke et billede, vi kan læse.",
        "en": "That is not a picture we can read.",
    },
    "note.ui.receive_no_camera": {
        "da": "Kameraet kunne ikke startes. Vælg et foto eller sæt teksten ind i stedet.",
        "en": "The camera could not start. Choose a photo or paste the text instead.",
    },
}
