"""Strings for the app's screens and the commands that start it."""

STRINGS = {
    "app.title": {"da": "infocards", "en": "infocards"},
    "lang.switch_label": {"da": "Skift sprog til engelsk", "en": "Switch language to Danish"},
    "lang.name.da": {"da": "Dansk", "en": "Dansk"},
    "lang.name.en": {"da": "English", "en": "English"},
    "home.heading": {"da": "Kort om lænderygsmerter", "en": "Cards on low back pain"},
    "home.intro": {
        "da": "Læs om diagnoser, regler, fagpersoner og hvad der sker nu. Alt står på dansk og engelsk.",
        "en": "Read about diagnoses, rules, professionals and what happens next. "
        "Everything is in Danish and English.",
    },
    "home.search_label": {"da": "Søg i kortene", "en": "Search the cards"},
    "home.search_hint": {"da": "Fx prolaps, sygedagpenge, kiropraktor", "en": "E.g. disc, sick pay, chiropractor"},
    "home.results": {"da": "{count} kort fundet", "en": "{count} cards found"},
    "home.no_results": {
        "da": "Ingen kort passer. Prøv et andet ord.",
        "en": "No cards match. Try another word.",
    },
    "home.categories": {"da": "Emner", "en": "Topics"},
    "category.diagnosis.about": {
        "da": "Hvad fejler jeg? {count} kort",
        "en": "What is wrong with me? {count} cards",
    },
    "category.legislation.about": {
        "da": "Sygedagpenge, planer og priser. {count} kort",
        "en": "Sick pay, plans and prices. {count} cards",
    },
    "category.role.about": {
        "da": "Hvem gør hvad? {count} kort",
        "en": "Who does what? {count} cards",
    },
    "category.pathway.about": {
        "da": "Hvad sker der nu? {count} kort",
        "en": "What happens next? {count} cards",
    },
    "category.unknown": {"da": "Det emne findes ikke.", "en": "That topic does not exist."},
    "card.not_found": {"da": "Det kort findes ikke.", "en": "That card does not exist."},
    "card.applies_from": {"da": "Gælder fra {date}", "en": "Applies from {date}"},
    "card.region": {"da": "Gælder i {region}", "en": "Applies in {region}"},
    "card.codes": {"da": "Koder", "en": "Codes"},
    "card.related": {"da": "Læs også", "en": "Read also"},
    "card.sources": {"da": "Kilder", "en": "Sources"},
    "card.reviewed": {"da": "Gennemgået {date}", "en": "Reviewed {date}"},
    "card.review_by": {"da": "gennemgås igen senest {date}", "en": "to be reviewed by {date}"},
    "cli.web.help": {
        "da": "Start web-appen på denne computer (uden internet).",
        "en": "Serve the web app on this computer (works offline).",
    },
    "cli.web.host": {
        "da": "Adressen der lyttes på (standard 127.0.0.1: kun denne computer).",
        "en": "Address to listen on (default 127.0.0.1: this computer only).",
    },
    "cli.web.port": {"da": "Porten (standard 8550).", "en": "The port (default 8550)."},
    "cli.web.reader": {
        "da": "Vis kun klinikervisningen (læs et QR-resumé), uden tegnebog.",
        "en": "Serve only the clinician view (read a QR summary), no wallet.",
    },
    "cli.web.serving": {"da": "infocards kører på {url}", "en": "infocards is running at {url}"},
}
