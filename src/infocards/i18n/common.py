"""Strings shared by every area: generic errors and the command line."""

STRINGS = {
    "error.generic": {"da": "Noget gik galt.", "en": "Something went wrong."},
    "error.usage": {"da": "Forkert brug: {detail}", "en": "Usage error: {detail}"},
    "error.config": {
        "da": "Indstillingerne i {path} kan ikke læses: {detail}",
        "en": "The settings in {path} cannot be read: {detail}",
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
