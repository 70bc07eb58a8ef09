"""Strings for the wallet area: its errors, the `infocards wallet` commands and their help."""

_NOTHING_CHANGED_DA = "Intet er ændret."
_NOTHING_CHANGED_EN = "Nothing was changed."

STRINGS = {
    # -- errors ------------------------------------------------------------------------------
    "error.wallet": {"da": "Fejl i mappen.", "en": "Wallet error."},
    "error.wallet.wrong_passphrase": {
        "da": f"Forkert adgangskode. {_NOTHING_CHANGED_DA}",
        "en": f"wrong passphrase: the wallet was not opened. {_NOTHING_CHANGED_EN}",
    },
    "error.wallet.wrong_passphrase_backup": {
        "da": "Forkert adgangskode: mappens fil er beskadiget, og den "
        "seneste gode kopi kan ikke åbnes med denne adgangskode.",
        "en": "wrong passphrase: the wallet file is damaged, and the last good copy does not "
        "open with this passphrase either.",
    },
    "error.wallet.wrong_recovery_code": {
        "da": f"Forkert gendannelseskode. {_NOTHING_CHANGED_DA}",
        "en": f"wrong passphrase or code: this recovery code does not open the wallet. "
        f"{_NOTHING_CHANGED_EN}",
    },
    "error.wallet.recovery_code_shape": {
        "da": "Forkert gendannelseskode: en kode har 25 tegn "
        "(bogstaver og tal) i fem grupper.",
        "en": "wrong passphrase or code: a recovery code has 25 letters and digits in five groups.",
    },
    "error.wallet.recovery_code_typo": {
        "da": "Forkert gendannelseskode: koden har en tastefejl "
        "(kontroltegnet passer ikke). Tjek hver gruppe igen.",
        "en": "wrong passphrase or code: the recovery code has a typo (its check character does "
        "not match). Check each group again.",
    },
    "error.wallet.damaged": {
        "da": "Mappens fil er beskadiget, og der er ingen "
        f"sikkerhedskopi at bruge. {_NOTHING_CHANGED_DA}",
        "en": "the wallet file is damaged, and there is no backup copy to fall back on. "
        f"{_NOTHING_CHANGED_EN}",
    },
    "error.wallet.damaged_backup_failed": {
        "da": "Mappens fil er beskadiget, og sikkerhedskopien "
        f"kunne heller ikke åbnes. {_NOTHING_CHANGED_DA}",
        "en": "the wallet file is damaged, and the backup copy could not be opened either. "
        f"{_NOTHING_CHANGED_EN}",
    },
    "error.wallet.kdf_params": {
        "da": "Mappens fil er beskadiget: dens "
        f"nøgleindstillinger ligger uden for det tilladte, så den åbnes ikke. {_NOTHING_CHANGED_DA}",
        "en": "the wallet file is damaged: its key-derivation settings are out of range, so it "
        f"was not opened. {_NOTHING_CHANGED_EN}",
    },
    "error.wallet.newer_format": {
        "da": "Mappen er skrevet af en nyere version af infocards (format {version}). "
        f"Opdatér appen. {_NOTHING_CHANGED_DA}",
        "en": "This wallet was written by a newer version of infocards (format {version}). "
        f"Update the app. {_NOTHING_CHANGED_EN}",
    },
    "error.wallet.already_open": {
        "da": "Mappen er allerede åben i et andet program eller vindue.",
        "en": "wallet already open in another program or window.",
    },
    "error.wallet.exists_backup": {
        "da": "Der ligger en sikkerhedskopi af en tidligere mappe i {path}; den bliver ikke "
        "slettet. Åbn den med mappens adgangskode, eller flyt "
        "den væk, før du opretter en ny mappe.",
        "en": "A backup of an earlier wallet is at {path}; it will not be deleted. Open it with "
        "that wallet's passphrase, or move it away before "
        "creating a new wallet.",
    },
    "error.wallet.missing_backup_failed": {
        "da": "Mappens fil mangler, og sikkerhedskopien ved siden af den kunne ikke åbnes. "
        f"{_NOTHING_CHANGED_DA}",
        "en": "the wallet file is missing, and the backup copy beside it could not be opened. "
        f"{_NOTHING_CHANGED_EN}",
    },
    "error.wallet.export_out": {
        "da": "Eksporten kan ikke skrives til {path} ({detail}).",
        "en": "The export cannot be written to {path} ({detail}).",
    },
    "error.wallet.export_out_folder": {
        "da": "{path} er en mappe: angiv et filnavn at eksportere til, fx {path}/forloeb.json.",
        "en": "{path} is a folder: give a file name to export to, e.g. {path}/course.json.",
    },
    "error.wallet.exists": {
        "da": "Der findes allerede en mappe i {path}; den bliver ikke overskrevet.",
        "en": "A wallet already exists at {path}; it will not be overwritten.",
    },
    "error.wallet.not_found": {
        "da": "Der er ingen mappe i {path}. Opret en med `infocards wallet init`.",
        "en": "There is no wallet at {path}. Create one with `infocards wallet init`.",
    },
    "error.wallet.weak_passphrase": {
        "da": "Adgangskoden er for kort: brug mindst {minimum} tegn, gerne flere ord.",
        "en": "The passphrase is too short: use at least {minimum} characters, ideally several words.",
    },
    # commands/passphrase.py: the one rule for a passphrase on the command line
    "error.passphrase.mismatch": {
        "da": f"De to adgangskoder er ikke ens. {_NOTHING_CHANGED_DA}",
        "en": f"The two passphrases do not match. {_NOTHING_CHANGED_EN}",
    },
    "error.passphrase.none": {
        "da": "Ingen adgangskode: sæt {variable} eller kør kommandoen i en terminal "
        "(en adgangskode læses aldrig fra en pipe).",
        "en": "No passphrase: set {variable} or run the command in a terminal "
        "(a passphrase is never read from a pipe).",
    },
    "error.passphrase.no_recovery_code": {
        "da": "Ingen gendannelseskode: sæt {variable} eller kør kommandoen i en terminal "
        "(koden læses aldrig fra en pipe).",
        "en": "No recovery code: set {variable} or run the command in a terminal "
        "(the code is never read from a pipe).",
    },
    "error.wallet.io": {
        "da": "Mappens fil kan ikke læses eller skrives ({detail}).",
        "en": "The wallet file cannot be read or written ({detail}).",
    },
    "error.wallet.closed": {
        "da": "Mappen er låst. Lås den op igen.",
        "en": "The wallet is locked. Unlock it again.",
    },
    "error.wallet.record_not_found": {
        "da": "Der er ingen post med id {record}.",
        "en": "There is no record with id {record}.",
    },
    "error.wallet.import_missing": {
        "da": "Filen {path} findes ikke eller kan ikke læses.",
        "en": "The file {path} does not exist or cannot be read.",
    },
    "error.wallet.import_json": {
        "da": "Filen {path} er ikke gyldig JSON (linje {line}).",
        "en": "The file {path} is not valid JSON (line {line}).",
    },
    "error.wallet.import_format": {
        "da": "Filen {path} er ikke en infocards-postfil (format \"infocards-records\", "
        "version 1, med en liste \"records\").",
        "en": "The file {path} is not an infocards records file (format \"infocards-records\", "
        "version 1, with a \"records\" list).",
    },
    "error.wallet.import_newer": {
        "da": "Filen {path} er skrevet af en nyere version af infocards (version {version}).",
        "en": "The file {path} was written by a newer version of infocards (version {version}).",
    },
    # Record validation: the record id and the field, never the value.
    "error.wallet.invalid_record": {
        "da": "Post {record}: feltet {field} er ugyldigt.",
        "en": "Record {record}: the field {field} is not valid.",
    },
    "error.wallet.invalid_record.not_object": {
        "da": "Post {record}: en post skal være et JSON-objekt.",
        "en": "Record {record}: a record must be a JSON object.",
    },
    "error.wallet.invalid_record.id": {
        "da": "Post {record}: feltet id skal være 1-64 bogstaver, tal eller _ . : -",
        "en": "Record {record}: the field id must be 1-64 letters, digits or _ . : -",
    },
    "error.wallet.invalid_record.choice": {
        "da": "Post {record}: feltet {field} skal være et af: {expected}.",
        "en": "Record {record}: the field {field} must be one of: {expected}.",
    },
    # Unknown fields are counted, never named: a field name can hold health data too.
    "error.wallet.invalid_record.unknown_field": {
        "da": "Post {record} har 1 felt, som ikke hører til i en post af typen {type} "
        "(dens felter er: {expected}).",
        "en": "Record {record} has 1 field that does not belong in a record of type {type} "
        "(its fields are: {expected}).",
    },
    "error.wallet.invalid_record.unknown_fields": {
        "da": "Post {record} har {count} felter, som ikke hører til i en post af typen {type} "
        "(dens felter er: {expected}).",
        "en": "Record {record} has {count} fields that do not belong in a record of type {type} "
        "(its fields are: {expected}).",
    },
    "error.wallet.invalid_record.unknown_profile_field": {
        "da": "Profilen har 1 felt, som ikke hører til i en profil (dens felter er: {expected}).",
        "en": "The profile has 1 field that does not belong in a profile (its fields are: {expected}).",
    },
    "error.wallet.invalid_record.unknown_profile_fields": {
        "da": "Profilen har {count} felter, som ikke hører til i en profil (dens felter er: {expected}).",
        "en": "The profile has {count} fields that do not belong in a profile (its fields are: "
        "{expected}).",
    },
    "error.wallet.invalid_record.missing": {
        "da": "Post {record}: feltet {field} mangler.",
        "en": "Record {record}: the field {field} is missing.",
    },
    "error.wallet.invalid_record.not_text": {
        "da": "Post {record}: feltet {field} skal være tekst.",
        "en": "Record {record}: the field {field} must be text.",
    },
    "error.wallet.invalid_record.blank": {
        "da": "Post {record}: feltet {field} er tomt.",
        "en": "Record {record}: the field {field} is empty.",
    },
    "error.wallet.invalid_record.too_long": {
        "da": "Post {record}: feltet {field} er for langt (højst {limit} tegn).",
        "en": "Record {record}: the field {field} is too long (at most {limit} characters).",
    },
    "error.wallet.invalid_record.date": {
        "da": "Post {record}: feltet {field} skal være en dato som 2026-08-02.",
        "en": "Record {record}: the field {field} must be a date like 2026-08-02.",
    },
    "error.wallet.invalid_record.hours": {
        "da": "Post {record}: feltet {field} skal være et tal fra 0 til 168.",
        "en": "Record {record}: the field {field} must be a number from 0 to 168.",
    },
    "error.wallet.invalid_record.card": {
        "da": "Post {record}: feltet {field} skal være et kort-id som disc-herniation.",
        "en": "Record {record}: the field {field} must be a card id like disc-herniation.",
    },
    "error.wallet.invalid_record.end_before_date": {
        "da": "Post {record}: feltet {field} ligger før postens dato.",
        "en": "Record {record}: the field {field} is before the record's date.",
    },
    "error.wallet.invalid_record.duplicate": {
        "da": "Post {record}: der findes allerede en post med dette id.",
        "en": "Record {record}: a record with this id already exists.",
    },
    "error.wallet.invalid_record.id_change": {
        "da": "Post {record}: en posts id kan ikke ændres.",
        "en": "Record {record}: a record's id cannot be changed.",
    },
    # -- the command line ----------------------------------------------------------------------
    "cli.wallet.help": {
        "da": "Den krypterede mappe med dit behandlingsforløb.",
        "en": "The encrypted wallet holding your course of treatment.",
    },
    "cli.wallet.path": {"da": "Mappens fil (.icw).", "en": "The wallet file (.icw)."},
    "cli.wallet.init.help": {
        "da": "Opret en ny mappe. Adgangskoden læses fra INFOCARDS_PASSPHRASE, ellers "
        "spørges der to gange. Gendannelseskoden vises én gang.",
        "en": "Create a new wallet. The passphrase is read from INFOCARDS_PASSPHRASE, else asked "
        "twice. The recovery code is shown once.",
    },
    "cli.wallet.import.help": {
        "da": "Læs poster og profil fra en JSON-fil (infocards-records). Hver post gemmes for "
        "sig, og dens id skrives ud, når den er gemt. En post uden id får et ud fra sit indhold, "
        "så samme fil importeret igen erstatter posterne i stedet for at lave kopier.",
        "en": "Read records and the profile from a JSON file (infocards-records). Each record is "
        "saved on its own, and its id is printed once it is saved. A record without an id gets "
        "one from its content, so importing the same file again replaces its records instead of "
        "copying them.",
    },
    "cli.wallet.import.file": {
        "da": "JSON-filen med posterne.",
        "en": "The JSON file with the records.",
    },
    "cli.wallet.export.help": {
        "da": "Skriv profilen og alle poster som JSON (infocards-records).",
        "en": "Write the profile and every record as JSON (infocards-records).",
    },
    "cli.wallet.export.out": {
        "da": "Skriv til denne fil i stedet for standard output.",
        "en": "Write to this file instead of standard output.",
    },
    "cli.wallet.list.help": {
        "da": "Vis forløbet måned for måned, nyeste først.",
        "en": "Show the course month by month, newest first.",
    },
    "cli.wallet.list.json": {
        "da": "Skriv posterne som JSON (et objekt med listen records).",
        "en": "Print the records as JSON (an object with a records list).",
    },
    "cli.wallet.passwd.help": {
        "da": "Skift adgangskode; mappen får samtidig en ny nøgle. Den nye adgangskode læses "
        "fra INFOCARDS_NEW_PASSPHRASE, ellers spørges der to gange.",
        "en": "Change the passphrase; the wallet gets a new key at the same time. The new one is "
        "read from INFOCARDS_NEW_PASSPHRASE, else asked twice.",
    },
    "cli.wallet.recover.help": {
        "da": "Sæt en ny adgangskode med gendannelseskoden (INFOCARDS_RECOVERY_CODE og "
        "INFOCARDS_NEW_PASSPHRASE, ellers spørges der). Koden kan bruges én gang: en ny kode "
        "skrives ud som Recovery code.",
        "en": "Set a new passphrase with the recovery code (INFOCARDS_RECOVERY_CODE and "
        "INFOCARDS_NEW_PASSPHRASE, else asked). The code works once: a new one is printed as "
        "Recovery code.",
    },
    "cli.wallet.recovery-code.help": {
        "da": "Lav en ny gendannelseskode (skrives ud som Recovery code) og en ny nøgle til "
        "mappen. Den gamle kode virker ikke længere.",
        "en": "Make a new recovery code (printed as Recovery code) and a new key for the wallet. "
        "The old code no longer works.",
    },
    "cli.wallet.log.help": {
        "da": "Vis hvem du har vist et QR-resumé, hvornår og hvilke dele.",
        "en": "Show who you have shown a QR summary to, when, and which sections.",
    },
    "cli.wallet.log.json": {
        "da": "Skriv delingsloggen som JSON (en liste).",
        "en": "Print the share log as JSON (a list).",
    },
    "wallet.prompt.passphrase": {"da": "Adgangskode: ", "en": "Passphrase: "},
    "wallet.prompt.new_passphrase": {"da": "Ny adgangskode: ", "en": "New passphrase: "},
    "wallet.prompt.repeat": {"da": "Gentag adgangskoden: ", "en": "Repeat the passphrase: "},
    "wallet.prompt.recovery_code": {"da": "Gendannelseskode: ", "en": "Recovery code: "},
    # Standard output, read by scripts: the same words in both languages on purpose.
    "wallet.init.recovery_code": {"da": "Recovery code: {code}", "en": "Recovery code: {code}"},
    "wallet.init.keep_code": {
        "da": "Mappen er oprettet. Skriv gendannelseskoden (Recovery code) ned, og gem den "
        "et sikkert sted: den vises kun denne ene gang og er den eneste vej ind, hvis du glemmer "
        "adgangskoden.",
        "en": "The wallet is created. Write the recovery code down and keep it somewhere safe: it "
        "is shown only this once, and it is the only way back in if you forget the passphrase.",
    },
    "wallet.used_backup": {
        "da": "Advarsel: mappens fil er beskadiget. Den seneste gode kopi fra {time} er "
        "åbnet i stedet; ændringer efter dette tidspunkt kan mangle.",
        "en": "Warning: the wallet file is damaged. The last good copy, saved {time}, was opened "
        "instead; changes made after that time may be missing.",
    },
    "wallet.used_backup_missing": {
        "da": "Advarsel: mappens fil mangler. Den seneste gode kopi fra {time} er åbnet i "
        "stedet; ændringer efter dette tidspunkt kan mangle. Næste ændring gemmer mappen "
        "igen.",
        "en": "Warning: the wallet file is missing. The last good copy, saved {time}, was opened "
        "instead; changes made after that time may be missing. The next change saves the wallet "
        "file again.",
    },
    "wallet.import.replaced": {
        "da": "{record}: erstattede posten med samme id i mappen.",
        "en": "{record}: replaced the record with the same id already in the wallet.",
    },
    "wallet.import.profile": {"da": "Profilen er opdateret.", "en": "The profile was updated."},
    "wallet.import.done": {
        "da": "{count} poster importeret ({replaced} erstattet).",
        "en": "{count} records imported ({replaced} replaced).",
    },
    "wallet.export.done": {
        "da": "{count} poster eksporteret til {path}.",
        "en": "{count} records exported to {path}.",
    },
    "wallet.passwd.done": {
        "da": "Adgangskoden er skiftet, og mappen har fået en ny nøgle: den gamle adgangskode "
        "åbner intet, der gemmes fra nu af.",
        "en": "The passphrase was changed, and the wallet has a new key: the old passphrase opens "
        "nothing saved from now on.",
    },
    "wallet.recover.done": {
        "da": "Den nye adgangskode er sat. Den gamle gendannelseskode virker ikke længere: skriv den "
        "nye kode ovenfor (Recovery code) ned, og gem den et sikkert sted.",
        "en": "The new passphrase is set. The old recovery code no longer works: write down the new "
        "one above and keep it somewhere safe.",
    },
    "wallet.passwd.new_code": {
        "da": "Mappen er lavet af en ældre version af infocards, så gendannelseskoden er også "
        "skiftet. Den gamle kode virker ikke længere: skriv den nye kode ovenfor ned.",
        "en": "This wallet was made by an older version of infocards, so its recovery code was "
        "replaced too. The old code no longer works: write down the new one above.",
    },
    "wallet.recovery_code.done": {
        "da": "En ny gendannelseskode er lavet, og mappen har fået en ny nøgle. Den gamle kode "
        "virker ikke længere: skriv den nye kode ovenfor ned, og gem den et sikkert sted.",
        "en": "A new recovery code was made, and the wallet has a new key. The old code no longer "
        "works: write down the new one above and keep it somewhere safe.",
    },
    "wallet.last_saved": {
        "da": "Sidst gemt {time}.",
        "en": "Last saved {time}.",
    },
    "wallet.older": {
        "da": "Advarsel: denne mappe er ældre end den, der sidst blev gemt på denne enhed "
        "({device_time}). Der er måske lagt en gammel kopi over den. Intet er ændret; har du ikke "
        "selv lagt kopien tilbage, så led efter den nyere fil, før du gemmer noget.",
        "en": "Warning: this wallet is older than the one last saved on this device "
        "({device_time}). An old copy may have been put over it. Nothing was changed; if you did "
        "not restore the copy yourself, look for the newer file before you save anything.",
    },
    "error.wallet.wrong_current_passphrase": {
        "da": f"Den nuværende adgangskode er forkert. {_NOTHING_CHANGED_DA}",
        "en": f"The current passphrase is wrong. {_NOTHING_CHANGED_EN}",
    },
    "error.wallet.passphrase_needed": {
        "da": f"Vælg en ny adgangskode først. {_NOTHING_CHANGED_DA}",
        "en": f"Choose a new passphrase first. {_NOTHING_CHANGED_EN}",
    },
    "wallet.list.empty": {"da": "Ingen poster endnu.", "en": "No records yet."},
    "wallet.log.empty": {"da": "Intet er delt endnu.", "en": "Nothing shared yet."},
    "wallet.log.line": {
        "da": "{date}  {role}  {sections}  (gyldig til {expires})",
        "en": "{date}  {role}  {sections}  (valid until {expires})",
    },
}
