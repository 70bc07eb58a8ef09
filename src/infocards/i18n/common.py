"""Strings shared by every area: generic errors and the command line."""

STRINGS = {
    "error.generic": {"da": "Noget gik galt.", "en": "Something went wrong."},
    "error.usage": {"da": "Forkert brug: {detail}", "en": "Usage error: {detail}"},
    "error.config": {
        "da": "Indstillingerne i {path} kan ikke læses: {detail}",
        "en": "The settings in {path} cannot be read: {detail}",
    },
    "error.config.reader_url": {
        "da": "Læserens adresse i {where} kan ikke bruges. Den skal se ud som https://laes.eksempel.dk/laes/: "
        "https://, et værtsnavn, evt. :port, en sti der begynder med /, højst 100 tegn og ingen mellemrum, "
        "brugernavn, ? eller #. Kun til afprøvning må den begynde med http://localhost eller http://127.0.0.1. "
        "Ret adressen eller lad den stå tom (så laves koder uden link).",
        "en": "The reader's address in {where} cannot be used. It must look like https://read.example.dk/read/: "
        "https://, a host name, optionally :port, a path starting with /, at most 100 characters and no spaces, "
        "user name, ? or #. For testing only it may start with http://localhost or http://127.0.0.1. "
        "Correct the address or leave it empty (codes are then made without a link).",
    },
    "error.content": {"da": "Kortene kan ikke indlæses: {detail}", "en": "The cards cannot be loaded: {detail}"},
    "error.content.pack_not_found": {
        "da": "Kortpakken findes ikke: {pack}",
        "en": "The card pack does not exist: {pack}",
    },
    "error.unexpected": {
        "da": "Uventet fejl ({kind}). Dine data er ikke ændret.",
        "en": "Unexpected error ({kind}). Your data has not been changed.",
    },
    "cli.interrupted": {"da": "Afbrudt.", "en": "Interrupted."},
    "cli.description": {
        "da": "infocards: kort om lændesmerter, en krypteret mappe og QR-resuméer.",
        "en": "infocards: cards on low back pain, an encrypted wallet and QR summaries.",
    },
}
