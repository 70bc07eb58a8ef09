"""Strings for the app's wallet screens added with key rotation and the save counter.

(The wallet screens' first strings are in i18n/ui.py; the CLI's and the errors' in i18n/wallet.py.)
"""

STRINGS = {
    "wallet.ui.current_passphrase": {"da": "Nuværende adgangskode", "en": "Current passphrase"},
    "wallet.ui.passphrase_changed_new_key": {
        "da": "Adgangskoden er skiftet. Brug den nye, næste gang du låser op.",
        "en": "The passphrase has been changed. Use the new one the next time you unlock.",
    },
    "wallet.ui.older": {
        "da": "Denne mappe er ældre end den, der sidst blev gemt på denne enhed ({device_time}). "
        "Måske er en gammel kopi lagt over den. Intet er ændret. Har du ikke selv lagt kopien "
        "tilbage, så led efter den nyere, før du tilføjer noget.",
        "en": "This record is older than the one last saved on this device ({device_time}). An "
        "old copy may have been put over it. Nothing was changed. If you did not restore the "
        "copy yourself, look for the newer one before you add anything.",
    },
    "wallet.ui.new_code_title": {"da": "Ny gendannelseskode", "en": "New recovery code"},
    "wallet.ui.new_code_explain": {
        "da": "Har du mistet koden, eller har en anden set den? Lav en ny. Den gamle holder op "
        "med at virke.",
        "en": "Lost the code, or has someone else seen it? Make a new one. The old one stops "
        "working.",
    },
    "wallet.ui.new_code": {"da": "Lav en ny gendannelseskode", "en": "Make a new recovery code"},
    "wallet.ui.new_code_confirm": {
        "da": "Din gamle gendannelseskode holder op med at virke. Den nye vises én gang, og du "
        "skal skrive den ned med det samme.",
        "en": "Your old recovery code will stop working. The new one is shown once, and you need "
        "to write it down straight away.",
    },
    "wallet.ui.new_code_yes": {"da": "Ja, lav en ny kode", "en": "Yes, make a new code"},
    "wallet.ui.code_explain_new": {
        "da": "Skriv den nye kode ned, og gem den et sikkert sted. Den gamle kode virker ikke "
        "længere. Den nye vises kun denne ene gang.",
        "en": "Write the new code down and keep it somewhere safe. The old code no longer works. "
        "The new one is shown only this once.",
    },
    "wallet.ui.code_done.recovered": {
        "da": "Din nye adgangskode er sat, og mappen er låst op.",
        "en": "Your new passphrase is set, and the record is unlocked.",
    },
    "wallet.ui.code_done.replaced": {
        "da": "Du har fået en ny gendannelseskode.",
        "en": "You have a new recovery code.",
    },
    "wallet.ui.code_done.passphrase": {
        "da": "Adgangskoden er skiftet. Fordi mappen er lavet med en ældre version af appen, har "
        "du også fået en ny gendannelseskode.",
        "en": "The passphrase has been changed. Because the record was made with an older version "
        "of the app, you also have a new recovery code.",
    },
    "wallet.ui.code_kept": {
        "da": "Siden blev indlæst igen, før du havde bekræftet, at koden er skrevet ned. Her er "
        "den samme kode igen. Mappen er låst: når du har skrevet koden ned, låser du den op med "
        "din adgangskode.",
        "en": "The page was loaded again before you had confirmed that the code is written down. "
        "Here is the same code again. The record is locked: once you have written the code down, "
        "unlock it with your passphrase.",
    },
    "form.leave_title": {"da": "Gå fra formularen?", "en": "Leave the form?"},
    "form.leave_explain": {
        "da": "Det, du har skrevet, er ikke gemt. Går du tilbage nu, forsvinder det.",
        "en": "What you have typed is not saved. If you go back now, it is lost.",
    },
    "form.leave_stay": {"da": "Bliv i formularen", "en": "Stay in the form"},
    "form.leave_discard": {"da": "Gå tilbage uden at gemme", "en": "Go back without saving"},
    "wallet.ui.export_title": {"da": "Gem uden kryptering?", "en": "Save without encryption?"},
    "wallet.ui.export_confirm": {
        "da": "Filen er ikke krypteret. Alle, der får fat i den, kan læse hele dit forløb, dine "
        "oplysninger og hvem du har delt med, uden adgangskode. Gem den kun et sted, som kun du "
        "har adgang til, og slet den, når du ikke skal bruge den mere. Vil du bare have en "
        "kopi, så vælg »Gem en krypteret kopi« i stedet.",
        "en": "The file is not encrypted. Anyone who gets hold of it can read your whole course, "
        "your details and who you shared with, without a passphrase. Save it only where nobody "
        "else can get to it, and delete it when you no longer need it. If you only want a copy, "
        "choose “Save an encrypted copy” instead.",
    },
    "wallet.ui.export_yes": {"da": "Ja, gem ukrypteret", "en": "Yes, save unencrypted"},
}
