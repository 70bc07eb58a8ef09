"""Strings for the content area: category names, the checker's messages, the deck and the command."""

STRINGS: dict[str, dict[str, str]] = {
    # Category names, shared with the UI.
    "category.diagnosis": {"da": "Diagnoser", "en": "Diagnoses"},
    "category.legislation": {"da": "Lovgivning", "en": "Legislation"},
    "category.role": {"da": "Roller (Fagpersoner)", "en": "Roles (Professionals)"},
    "category.pathway": {"da": "Forløb", "en": "Pathway"},
    # The printable deck.
    "content.deck.title": {"da": "Informationskort om lændesmerter", "en": "Information cards on low back pain"},
    "content.deck.language.da": {"da": "Dansk", "en": "Danish"},
    "content.deck.language.en": {"da": "Engelsk", "en": "English"},
    "content.deck.sources": {"da": "Kilder", "en": "Sources"},
    "content.deck.reviewed": {"da": "Gennemgået", "en": "Reviewed"},
    "content.deck.review_by": {"da": "Gennemgås igen senest", "en": "Next review by"},
    "content.deck.applies_from": {"da": "Gælder fra", "en": "Applies from"},
    "content.deck.codes": {"da": "Koder", "en": "Codes"},
    "content.deck.related": {"da": "Relaterede kort", "en": "Related cards"},
    "content.deck.index": {"da": "Alle kort", "en": "All cards"},
    "content.deck.print_all": {"da": "Udskriv alle kort", "en": "Print all cards"},
    "content.deck.back": {"da": "Tilbage til oversigten", "en": "Back to the index"},
    "content.deck.pack": {"da": "Kortpakke", "en": "Card pack"},
    "content.deck.region": {"da": "Gælder for", "en": "Applies to"},
    # The command.
    "cli.content.help": {"da": "Tjek og byg kortpakker.", "en": "Check and build card packs."},
    "cli.content.check.help": {
        "da": "Tjek kortpakker og vis alle problemer med fil og linje.",
        "en": "Check card packs and list every problem with its file and line.",
    },
    "cli.content.check.packs": {
        "da": "Kortpakke-mapper (standard: pakkerne i flet.toml).",
        "en": "Card pack folders (default: the packs in flet.toml).",
    },
    "cli.content.check.strict": {
        "da": "Advarsler giver også exit-kode 1.",
        "en": "Warnings give exit code 1 too.",
    },
    "cli.content.check.json": {"da": "Skriv problemerne som JSON.", "en": "Write the problems as JSON."},
    "cli.content.build.help": {
        "da": "Byg et statisk HTML-kortsæt, der kan udskrives.",
        "en": "Build a static, printable HTML deck of the cards.",
    },
    "cli.content.build.packs": {"da": "Kortpakke-mapper, i rækkefølge.", "en": "Card pack folders, in order."},
    "cli.content.build.out": {"da": "Mappen, kortsættet skrives til.", "en": "The folder to write the deck to."},
    "cli.content.build.lang": {
        "da": "Sprog: da, en eller all (standard: all).",
        "en": "Language: da, en or all (default: all).",
    },
    "cli.content.check.summary": {
        "da": "{errors} fejl, {warnings} advarsler i {cards} kort.",
        "en": "{errors} error(s), {warnings} warning(s) in {cards} card(s).",
    },
    "cli.content.check.clean": {"da": "Ingen problemer i {cards} kort.", "en": "No problems in {cards} card(s)."},
    "cli.content.build.done": {
        "da": "{pages} sider skrevet til {out}.",
        "en": "{pages} page(s) written to {out}.",
    },
    "error.content.build_failed": {
        "da": "Kortsættet kan ikke skrives til {out}: {detail}",
        "en": "The deck cannot be written to {out}: {detail}",
    },
    # The checker: one message per kind of problem, and a hint where one helps.
    "content.check.did_you_mean": {"da": "mente du '{suggestion}'?", "en": "did you mean '{suggestion}'?"},
    "content.check.file-unreadable": {
        "da": "filen kan ikke læses: {reason}",
        "en": "the file cannot be read: {reason}",
    },
    "content.check.not-utf8": {
        "da": "filen er ikke gemt som UTF-8-tekst",
        "en": "the file is not saved as UTF-8 text",
    },
    "content.check.not-utf8.hint": {
        "da": "gem filen som UTF-8 i din editor",
        "en": "save the file as UTF-8 in your editor",
    },
    "content.check.binary": {
        "da": "filen indeholder binære data (nul-tegn)",
        "en": "the file contains binary data (NUL characters)",
    },
    "content.check.binary.hint": {"da": "et kort skal være en tekstfil", "en": "a card must be a text file"},
    "content.check.too-large": {
        "da": "filen er {size} KB, over grænsen på {limit} KB",
        "en": "the file is {size} KB, over the limit of {limit} KB",
    },
    "content.check.too-large.hint": {
        "da": "del kortet op i flere kort",
        "en": "split the card into several cards",
    },
    "content.check.no-front-matter": {
        "da": "kortet mangler sit hoved (front matter)",
        "en": "the card has no front matter",
    },
    "content.check.no-front-matter.hint": {
        "da": "første linje skal være '---', så felterne, så '---'",
        "en": "the first line must be '---', then the fields, then '---'",
    },
    "content.check.unclosed-front-matter": {
        "da": "kortets hoved (front matter) bliver aldrig lukket",
        "en": "the front matter is never closed",
    },
    "content.check.unclosed-front-matter.hint": {
        "da": "tilføj en linje med '---' efter felterne",
        "en": "add a line '---' after the fields",
    },
    "content.check.yaml-syntax": {
        "da": "hovedet kan ikke læses som YAML: {detail}",
        "en": "the front matter is not valid YAML: {detail}",
    },
    "content.check.yaml-syntax.hint": {
        "da": "sæt anførselstegn om tekst med kolon, og tjek indrykningen",
        "en": "put quotes around text containing a colon, and check the indentation",
    },
    "content.check.front-matter-not-mapping": {
        "da": "hovedet skal være felter som 'navn: værdi', ikke {kind}",
        "en": "the front matter must be fields like 'name: value', not {kind}",
    },
    "content.check.unknown-field": {"da": "ukendt felt '{field}'", "en": "unknown field '{field}'"},
    "content.check.unknown-field.hint": {"da": "kendte felter: {choices}", "en": "known fields: {choices}"},
    "content.check.duplicate-field": {
        "da": "feltet '{field}' står to gange (første gang på linje {first})",
        "en": "the field '{field}' is given twice (first on line {first})",
    },
    "content.check.missing-field": {
        "da": "det krævede felt '{field}' mangler",
        "en": "the required field '{field}' is missing",
    },
    "content.check.not-text": {
        "da": "feltet '{field}' skal være tekst, ikke {kind}",
        "en": "the field '{field}' must be text, not {kind}",
    },
    "content.check.not-text.hint": {
        "da": "sæt anførselstegn om værdien",
        "en": "put the value in quotes",
    },
    "content.check.bad-id": {
        "da": "id '{value}' er ikke gyldigt",
        "en": "id '{value}' is not valid",
    },
    "content.check.bad-id.hint": {
        "da": "brug små bogstaver a-z, tal og bindestreger, fx 'disc-herniation'",
        "en": "use lower-case letters a-z, digits and hyphens, e.g. 'disc-herniation'",
    },
    "content.check.bad-category": {"da": "ukendt kategori '{value}'", "en": "unknown category '{value}'"},
    "content.check.bad-category.hint": {"da": "brug en af: {choices}", "en": "use one of: {choices}"},
    "content.check.bad-lang": {
        "da": "ukendt sprog '{value}'",
        "en": "unknown language '{value}'",
    },
    "content.check.bad-lang.hint": {"da": "brug 'da' eller 'en'", "en": "use 'da' or 'en'"},
    "content.check.bad-date": {
        "da": "feltet '{field}' er ikke en gyldig dato: {value}",
        "en": "the field '{field}' is not a valid date: {value}",
    },
    "content.check.bad-date.hint": {
        "da": "skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-11-27",
        "en": "write the date as YYYY-MM-DD, e.g. 2026-11-27",
    },
    "content.check.summary-multiline": {
        "da": "resuméet fylder mere end én linje",
        "en": "the summary is longer than one line",
    },
    "content.check.summary-multiline.hint": {
        "da": "skriv én kort sætning; resten hører til i selve kortet",
        "en": "write one short sentence; the rest belongs in the card's text",
    },
    "content.check.bad-sources": {
        "da": "'sources' skal være en liste med mindst én kilde",
        "en": "'sources' must be a list of at least one source",
    },
    "content.check.bad-sources.hint": {
        "da": "hver kilde: '- title: ...' og 'url: https://...'",
        "en": "each source: '- title: ...' and 'url: https://...'",
    },
    "content.check.bad-source": {
        "da": "kilde nr. {number} mangler 'title' eller 'url'",
        "en": "source {number} has no 'title' or no 'url'",
    },
    "content.check.bad-source.hint": {
        "da": "hver kilde: '- title: ...' og 'url: https://...'",
        "en": "each source: '- title: ...' and 'url: https://...'",
    },
    "content.check.source-url": {
        "da": "kildens adresse er ikke en https-adresse: {url}",
        "en": "the source's address is not an https address: {url}",
    },
    "content.check.bad-codes": {
        "da": "'codes' skal være en liste af koder, ikke '{value}'",
        "en": "'codes' must be a list of codes, not '{value}'",
    },
    "content.check.bad-code": {
        "da": "koden '{value}' har ikke formen SYSTEM:KODE med SYSTEM i {systems}",
        "en": "the code '{value}' is not of the form SYSTEM:CODE with SYSTEM in {systems}",
    },
    "content.check.bad-code.hint": {
        "da": "fx ICPC-2:L86, ICD-10:M51.1 eller SNOMED:279039007",
        "en": "e.g. ICPC-2:L86, ICD-10:M51.1 or SNOMED:279039007",
    },
    "content.check.bad-role": {"da": "ukendt rolle '{value}'", "en": "unknown role '{value}'"},
    "content.check.bad-role.hint": {"da": "brug en af: {choices}", "en": "use one of: {choices}"},
    "content.check.role-required": {
        "da": "et rollekort skal have feltet 'role'",
        "en": "a role card needs the field 'role'",
    },
    "content.check.role-required.hint": {
        "da": "fx 'role: gp' eller 'role: physiotherapist'",
        "en": "e.g. 'role: gp' or 'role: physiotherapist'",
    },
    "content.check.role-on-other-card": {
        "da": "feltet 'role' bruges kun på rollekort",
        "en": "the field 'role' is only used on role cards",
    },
    "content.check.applies-from-required": {
        "da": "et lovgivningskort skal have feltet 'applies_from'",
        "en": "a legislation card needs the field 'applies_from'",
    },
    "content.check.applies-from-required.hint": {
        "da": "datoen reglen gælder fra, fx 'applies_from: 2026-07-01'",
        "en": "the date the rule applies from, e.g. 'applies_from: 2026-07-01'",
    },
    "content.check.bad-related": {
        "da": "'related' skal være en liste af kort-id'er; '{value}' er ikke et id",
        "en": "'related' must be a list of card ids; '{value}' is not an id",
    },
    "content.check.related-missing": {
        "da": "'related' nævner kortet '{id}', som ikke findes",
        "en": "'related' names the card '{id}', which does not exist",
    },
    "content.check.bad-overrides": {
        "da": "'overrides' skal være true eller false, ikke '{value}'",
        "en": "'overrides' must be true or false, not '{value}'",
    },
    "content.check.duplicate-id": {
        "da": "kortet '{id}' ({lang}) findes allerede i {first}",
        "en": "the card '{id}' ({lang}) already exists in {first}",
    },
    "content.check.duplicate-id.hint": {
        "da": "giv kortet et andet id, eller slet en af filerne",
        "en": "give the card another id, or delete one of the files",
    },
    "content.check.override-without-flag": {
        "da": "kortet '{id}' erstatter kortet i {first} uden 'overrides: true'",
        "en": "the card '{id}' replaces the card in {first} without 'overrides: true'",
    },
    "content.check.override-without-flag.hint": {
        "da": "tilføj 'overrides: true', hvis kortet skal erstatte det nationale kort",
        "en": "add 'overrides: true' if the card is meant to replace the national card",
    },
    "content.check.override-unused": {
        "da": "kortet '{id}' har 'overrides: true', men der er intet kort at erstatte",
        "en": "the card '{id}' has 'overrides: true' but there is no card to replace",
    },
    "content.check.unsafe-html": {
        "da": "HTML-elementet <{tag}> er ikke tilladt i et kort",
        "en": "the HTML element <{tag}> is not allowed in a card",
    },
    "content.check.unsafe-html.hint": {
        "da": "skriv kortet i markdown; script, iframe, style og on...-attributter fjernes altid",
        "en": "write the card in markdown; script, iframe, style and on... attributes are always removed",
    },
    "content.check.raw-html": {
        "da": "HTML-tagget <{tag}> vises ikke i appen",
        "en": "the HTML tag <{tag}> is not shown in the app",
    },
    "content.check.raw-html.hint": {
        "da": "brug markdown, fx **fed** eller en tom linje",
        "en": "use markdown, e.g. **bold** or a blank line",
    },
    "content.check.unsafe-link": {
        "da": "usikkert link: {url}",
        "en": "unsafe link: {url}",
    },
    "content.check.unsafe-link.hint": {
        "da": "kun https:, mailto:, tel: og card:-links er tilladt",
        "en": "only https:, mailto:, tel: and card: links are allowed",
    },
    "content.check.blocked-link": {
        "da": "linket vises kun som tekst: {url}",
        "en": "the link is shown as plain text only: {url}",
    },
    "content.check.blocked-link.hint": {
        "da": "brug https://, mailto:, tel: eller card:<id>",
        "en": "use https://, mailto:, tel: or card:<id>",
    },
    "content.check.remote-image": {
        "da": "billedet hentes fra internettet: {url}",
        "en": "the image is loaded from the internet: {url}",
    },
    "content.check.remote-image.hint": {
        "da": "læg billedet i pakken og brug en relativ sti",
        "en": "put the image in the pack and use a relative path",
    },
    "content.check.image-missing": {
        "da": "billedet findes ikke: {url}",
        "en": "the image does not exist: {url}",
    },
    "content.check.bad-card-link": {
        "da": "kortlinket '{url}' er ikke gyldigt",
        "en": "the card link '{url}' is not valid",
    },
    "content.check.bad-card-link.hint": {
        "da": "skriv [tekst](card:<id>) med kortets id i små bogstaver",
        "en": "write [text](card:<id>) with the card's id in lower case",
    },
    "content.check.card-link-missing": {
        "da": "linket peger på kortet '{id}', som ikke findes",
        "en": "the link points to the card '{id}', which does not exist",
    },
    "content.check.pack-not-found": {
        "da": "kortpakken findes ikke (eller er ikke en mappe)",
        "en": "the card pack does not exist (or is not a folder)",
    },
    "content.check.pack-yaml-missing": {
        "da": "kortpakken har ingen pack.yaml",
        "en": "the card pack has no pack.yaml",
    },
    "content.check.pack-yaml-missing.hint": {
        "da": "opret pack.yaml med name, kind, region, publisher og contact",
        "en": "create pack.yaml with name, kind, region, publisher and contact",
    },
    "content.check.pack-yaml-bad": {
        "da": "pack.yaml kan ikke læses: {detail}",
        "en": "pack.yaml cannot be read: {detail}",
    },
    "content.check.pack-field": {
        "da": "pack.yaml: feltet '{field}' mangler eller er ikke tekst",
        "en": "pack.yaml: the field '{field}' is missing or not text",
    },
    "content.check.pack-field.hint": {
        "da": "pack.yaml skal have: {choices}",
        "en": "pack.yaml needs: {choices}",
    },
    "content.check.pack-field-unknown": {
        "da": "pack.yaml: ukendt felt '{field}'",
        "en": "pack.yaml: unknown field '{field}'",
    },
    "content.check.pack-field-unknown.hint": {
        "da": "pack.yaml har kun: {choices}",
        "en": "pack.yaml has only: {choices}",
    },
    "content.check.pack-kind": {
        "da": "pack.yaml: ukendt kind '{value}'",
        "en": "pack.yaml: unknown kind '{value}'",
    },
    "content.check.pack-kind.hint": {
        "da": "brug 'national' eller 'municipality'",
        "en": "use 'national' or 'municipality'",
    },
    "content.check.missing-translation": {
        "da": "kortet '{id}' findes ikke på sproget '{lang}'",
        "en": "the card '{id}' has no '{lang}' translation",
    },
    "content.check.missing-translation.hint": {
        "da": "opret et kort med samme id og 'lang: {lang}'",
        "en": "create a card with the same id and 'lang: {lang}'",
    },
    "content.check.review-overdue": {
        "da": "kortet skulle have været gennemgået senest {date}",
        "en": "the card was due for review by {date}",
    },
    "content.check.review-overdue.hint": {
        "da": "gennemgå indholdet og opdater 'reviewed' og 'review_by'",
        "en": "review the content and update 'reviewed' and 'review_by'",
    },
    "content.check.reviewed-in-future": {
        "da": "'reviewed' ligger i fremtiden: {date}",
        "en": "'reviewed' is in the future: {date}",
    },
    "content.check.empty-pack": {
        "da": "kortpakken indeholder ingen kort (.md-filer)",
        "en": "the card pack contains no cards (.md files)",
    },
}
