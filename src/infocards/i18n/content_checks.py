"""Strings for this round's content checks: severities, order, keywords, region and dated blocks, review dates,
and what `content build` leaves out."""

STRINGS: dict[str, dict[str, str]] = {
    "content.severity.error": {"da": "fejl", "en": "error"},
    "content.severity.warning": {"da": "advarsel", "en": "warning"},
    "content.check.yaml-anchor": {
        "da": "YAML-ankre og -aliasser (&navn, *navn) er ikke tilladt",
        "en": "YAML anchors and aliases (&name, *name) are not allowed",
    },
    "content.check.yaml-anchor.hint": {
        "da": "skriv værdien ud, hvor den bruges; sæt anførselstegn om tekst, der starter med & eller *",
        "en": "write the value out where it is used; quote text that starts with & or *",
    },
    "content.check.bad-order": {
        "da": "'order' skal være et helt tal fra 1 til 999, ikke '{value}'",
        "en": "'order' must be a whole number from 1 to 999, not '{value}'",
    },
    "content.check.bad-order.hint": {
        "da": "lavere tal vises først i kategorien, f.eks. 'order: 1' for røde flag",
        "en": "lower numbers come first in the category, e.g. 'order: 1' for red flags",
    },
    "content.check.bad-keywords": {
        "da": "'keywords' skal være en liste af ord, der ikke er tomme",
        "en": "'keywords' must be a list of non-empty words",
    },
    "content.check.bad-keywords.hint": {
        "da": "f.eks. 'keywords: [sygemeldt, fysioterapi]'",
        "en": "e.g. 'keywords: [sygemeldt, fysioterapi]'",
    },
    "content.check.bad-region": {
        "da": "ukendt region '{value}'",
        "en": "unknown region '{value}'",
    },
    "content.check.bad-region.hint": {"da": "kendte regioner: {choices}", "en": "known regions: {choices}"},
    "content.check.region-unclosed": {
        "da": "regionsblokken bliver aldrig lukket",
        "en": "the region block is never closed",
    },
    "content.check.region-unclosed.hint": {
        "da": "afslut blokken med en linje, der kun indeholder ':::'",
        "en": "end the block with a line holding only ':::'",
    },
    "content.check.region-nested": {
        "da": "en regionsblok kan ikke ligge inden i en anden (den på linje {first} er ikke lukket)",
        "en": "a region block cannot be inside another (the one on line {first} is not closed)",
    },
    "content.check.region-nested.hint": {
        "da": "luk den første blok med ':::' før den næste",
        "en": "close the first block with ':::' before the next",
    },
    "content.check.region-stray-close": {
        "da": "':::' lukker ingen blok",
        "en": "':::' closes no block",
    },
    "content.check.region-stray-close.hint": {
        "da": "en blok starter med '::: region <id>', '::: from <dato>' eller '::: until <dato>'",
        "en": "a block starts with '::: region <id>', '::: from <date>' or '::: until <date>'",
    },
    "content.check.region-empty": {
        "da": "regionsblokken nævner ingen region",
        "en": "the region block names no region",
    },
    "content.check.region-empty.hint": {
        "da": "skriv f.eks. '::: region syddanmark' eller '::: region default'",
        "en": "write e.g. '::: region syddanmark' or '::: region default'",
    },
    "content.check.region-no-default": {
        "da": "kortet har regionsblokke, men ingen 'default'-blok",
        "en": "the card has region blocks but no 'default' block",
    },
    "content.check.region-no-default.hint": {
        "da": "tilføj '::: region default' med det, der vises, når ingen region er valgt",
        "en": "add '::: region default' with what is shown when no region is set",
    },
    "content.check.bad-tel": {
        "da": "et tel:-link må kun indeholde cifre (og evt. et + først): '{url}'",
        "en": "a tel: link may hold only digits (and an optional leading +): '{url}'",
    },
    "content.check.bad-tel.hint": {
        "da": "skriv f.eks. [Ring 70 11 07 07](tel:70110707)",
        "en": "write e.g. [Ring 70 11 07 07](tel:70110707)",
    },
    "content.check.pack-region": {
        "da": "ukendt region '{value}' i pack.yaml",
        "en": "unknown region '{value}' in pack.yaml",
    },
    "content.check.pack-region.hint": {"da": "kendte regioner: {choices}", "en": "known regions: {choices}"},
    "content.check.review-by-missing": {
        "da": "et kort om lovgivning eller rettigheder skal have 'review_by'",
        "en": "a card on legislation or rights needs 'review_by'",
    },
    "content.check.review-by-missing.hint": {
        "da": "regler ændrer sig; skriv hvornår kortet skal gennemgås igen, f.eks. 'review_by: 2026-12-15'",
        "en": "rules change; write when the card must be reviewed again, e.g. 'review_by: 2026-12-15'",
    },
    "content.check.review-by-after-change": {
        "da": "'review_by' {date} ligger efter {change} ({what})",
        "en": "'review_by' {date} is after {change} ({what})",
    },
    "content.check.review-by-after-change.hint": {
        "da": "sæt 'review_by' før {change}, og skriv hvad man ved om ændringen",
        "en": "set 'review_by' before {change}, and say what is known about the change",
    },
    # Dated blocks (`::: from <date>`, `::: until <date>`).
    "content.check.dated-bad-date": {
        "da": "'::: {kind}' skal have én dato som ÅÅÅÅ-MM-DD, ikke '{value}'",
        "en": "'::: {kind}' needs one date as YYYY-MM-DD, not '{value}'",
    },
    "content.check.dated-bad-date.hint": {
        "da": "skriv f.eks. '::: from 2027-01-01' eller '::: until 2026-12-31'",
        "en": "write e.g. '::: from 2027-01-01' or '::: until 2026-12-31'",
    },
    "content.check.dated-unclosed": {
        "da": "datoblokken bliver aldrig lukket",
        "en": "the dated block is never closed",
    },
    "content.check.dated-unclosed.hint": {
        "da": "afslut blokken med en linje, der kun indeholder ':::'",
        "en": "end the block with a line holding only ':::'",
    },
    "content.check.dated-nested": {
        "da": "en datoblok kan ikke ligge inden i en anden (den på linje {first} er ikke lukket)",
        "en": "a dated block cannot be inside another (the one on line {first} is not closed)",
    },
    "content.check.dated-nested.hint": {
        "da": "luk den første blok med ':::' før den næste; en regionsblok må gerne ligge inden i en datoblok",
        "en": "close the first block with ':::' before the next; a region block may sit inside a dated block",
    },
    "content.check.dated-after-review": {
        "da": "'::: {kind} {date}' ændrer kortet {change}, efter 'review_by' {review_by}",
        "en": "'::: {kind} {date}' changes the card on {change}, after 'review_by' {review_by}",
    },
    "content.check.dated-after-review.hint": {
        "da": "kortet skal gennemgås før det ændrer sig: sæt 'review_by' til {change} eller før",
        "en": "the card must be reviewed before it changes: set 'review_by' to {change} or earlier",
    },
    "cli.content.as_of": {
        "da": "Vis kortene, som de ser ud på denne dato (ÅÅÅÅ-MM-DD; standard: i dag): datoblokke og review_by.",
        "en": "Show the cards as they read on this date (YYYY-MM-DD; default: today): dated blocks and review_by.",
    },
    "cli.content.bad_as_of": {
        "da": "'--as-of' skal være en dato som ÅÅÅÅ-MM-DD, ikke '{value}'.",
        "en": "'--as-of' must be a date as YYYY-MM-DD, not '{value}'.",
    },
    "content.change.oestdanmark": {
        "da": "Region Hovedstaden og Region Sjælland bliver til Region Østdanmark",
        "en": "the Capital Region and Region Zealand become Region East Denmark",
    },
    # The deck and `content build`.
    "content.deck.region_block": {"da": "Gælder i {regions}", "en": "Applies in {regions}"},
    "content.deck.region_default": {
        "da": "Når ingen region er valgt",
        "en": "When no region is set",
    },
    "cli.content.build.region": {
        "da": "Byg kortsættet til én region (standard: alle regionsblokke, hver under sin overskrift).",
        "en": "Build the deck for one region (default: every region block, each under its heading).",
    },
    "cli.content.build.bad_region": {
        "da": "Ukendt region '{value}'. Kendte regioner: {choices}.",
        "en": "Unknown region '{value}'. Known regions: {choices}.",
    },
    "cli.content.build.left_out": {
        "da": "{path}: kortet er udeladt af kortsættet, fordi det har fejl.",
        "en": "{path}: the card is left out of the deck because it has errors.",
    },
    "cli.content.build.fallback": {
        "da": "{path}: kortet '{id}' har fejl, så kortsættet viser i stedet kortet fra {used}.",
        "en": "{path}: the card '{id}' has errors, so the deck shows the card from {used} instead.",
    },
    "cli.content.build.failed": {
        "da": "Kortsættet er bygget, men med {errors} fejl; ret dem og byg igen.",
        "en": "The deck was built, but with {errors} error(s); fix them and build again.",
    },
    "content.check.tel-spaces": {
        "da": "telefonlinket '{url}' har mellemrum, så det bliver ikke et link, og borgeren ser klammerne",
        "en": "the phone link '{url}' holds spaces, so it is no link and citizens see the brackets",
    },
    "content.check.tel-spaces.hint": {"da": "skriv {fix}", "en": "write {fix}"},
    "content.check.link-spaces": {
        "da": "linket '{url}' har mellemrum, så det bliver ikke et link, og borgeren ser klammerne",
        "en": "the link '{url}' holds spaces, so it is no link and citizens see the brackets",
    },
    "content.check.link-spaces.hint": {
        "da": "fjern mellemrummene i adressen, eller skriv %20 i stedet",
        "en": "remove the spaces from the address, or write %20 instead",
    },
    "content.check.hidden-bidi": {
        "da": "feltet '{field}' indeholder et usynligt tegn ({char}), der kan vende tekstens retning",
        "en": "the field '{field}' holds an invisible character ({char}) that can reverse the text's direction",
    },
    "content.check.hidden-format": {
        "da": "feltet '{field}' indeholder et usynligt tegn ({char})",
        "en": "the field '{field}' holds an invisible character ({char})",
    },
    "content.check.hidden-bidi-body": {
        "da": "teksten indeholder et usynligt tegn ({char}), der kan vende tekstens retning",
        "en": "the text holds an invisible character ({char}) that can reverse the text's direction",
    },
    "content.check.hidden-format-body": {
        "da": "teksten indeholder et usynligt tegn ({char})",
        "en": "the text holds an invisible character ({char})",
    },
    "content.check.hidden.hint": {
        "da": "slet tegnet; skriv teksten igen, hvis du ikke kan se, hvor det står",
        "en": "delete the character; retype the text if you cannot see where it is",
    },
    "content.check.trusted-key-text": {
        "da": "pack.yaml: trusted_keys: feltet '{field}' skal stå på én linje uden skjulte tegn og uden '·' ({char})",
        "en": "pack.yaml: trusted_keys: the field '{field}' must be one line without hidden characters or '·' ({char})",
    },
    "content.check.trusted-key-text.hint": {
        "da": "højst 100 tegn; skriv feltet igen med almindelige bogstaver",
        "en": "at most 100 characters; retype the field in plain letters",
    },
    "content.check.trusted-key-conflict": {
        "da": "pack.yaml: trusted_keys: {fingerprint} står her som '{name}', men som '{other}' i {first}",
        "en": "pack.yaml: trusted_keys: {fingerprint} is listed here as '{name}' but as '{other}' in {first}",
    },
    "content.check.trusted-key-conflict.hint": {
        "da": "én nøgle hører til én person; ingen af listerne gælder for den, før navnene er ens",
        "en": "one key belongs to one person; neither list counts for it until the names agree",
    },
    "content.check.pack-name-duplicate": {
        "da": "pakken hedder '{name}' ligesom {first}",
        "en": "the pack is named '{name}', as {first} is",
    },
    "content.check.pack-name-duplicate.hint": {
        "da": "giv hver pakke sit eget navn, fx kommunens navn",
        "en": "give each pack a name of its own, such as the municipality's",
    },
    "content.check.pack-name-national": {
        "da": "pakken '{name}' er ikke den nationale pakke, men ligner dens navn ('{national}')",
        "en": "the pack '{name}' is not the national pack but is named like it ('{national}')",
    },
    "content.check.pack-name-national.hint": {
        "da": "brug kommunens eller regionens navn",
        "en": "use the municipality's or region's name",
    },
    "content.check.pack-kind-national-late": {
        "da": "pakken '{name}' siger 'kind: national', men kun den første pakke kan være den nationale",
        "en": "the pack '{name}' says 'kind: national', but only the first pack can be the national one",
    },
    "content.check.pack-kind-national-late.hint": {
        "da": "skriv 'kind: municipality'",
        "en": "write 'kind: municipality'",
    },
    "content.check.pack-field-text": {
        "da": "pack.yaml: feltet '{field}' skal stå på én linje uden skjulte tegn og uden '·' ({char})",
        "en": "pack.yaml: the field '{field}' must be one line without hidden characters or '·' ({char})",
    },
    "content.trust.national": {"da": "den nationale pakke", "en": "the national pack"},
    "content.trust.municipality": {"da": "en kommunepakke", "en": "a municipal pack"},
    "content.trust.municipality_in": {"da": "en kommunepakke i {region}", "en": "a municipal pack in {region}"},
    "content.trust.published_by": {"da": "{list}, udgivet af {publisher}", "en": "{list}, published by {publisher}"},
    "content.yaml.colon_missing": {
        "da": "der mangler et kolon efter feltets navn",
        "en": "a colon is missing after the field's name",
    },
    "content.yaml.colon_in_text": {
        "da": "et kolon i teksten eller en linje, der er rykket forkert ind",
        "en": "a colon inside the text, or a line indented wrongly",
    },
    "content.yaml.not_closed": {
        "da": "et anførselstegn bliver ikke lukket",
        "en": "a quote is never closed",
    },
    "content.yaml.list_not_closed": {
        "da": "en liste i [ ] eller { } bliver ikke lukket",
        "en": "a list in [ ] or { } is never closed",
    },
    "content.yaml.escape": {
        "da": "en omvendt skråstreg (\\) i en tekst med \"anførselstegn\"",
        "en": "a backslash (\\) inside \"double quotes\"",
    },
    "content.yaml.tab": {
        "da": "et tabulatortegn; ryk ind med mellemrum",
        "en": "a tab character; indent with spaces",
    },
    "content.yaml.indentation": {
        "da": "indrykningen eller teksten efter et anførselstegn passer ikke",
        "en": "the indentation, or text after a closing quote, is wrong",
    },
    "content.yaml.character": {
        "da": "et tegn, der ikke må stå i en tekst ({char})",
        "en": "a character that text may not hold ({char})",
    },
    "content.yaml.other": {
        "da": "linjen kan ikke læses",
        "en": "the line cannot be read",
    },
    "cli.content.build.no_deck": {
        "da": "Forhåndsvisningen kræver tilføjelsen 'deck', som ikke er installeret. Installér den fra mappen "
        "med infocards: {pip} install \".[deck]\" (eller {pip} install \"infocards[deck]\"), og kør kommandoen "
        "igen. 'content check' virker uden den.",
        "en": "The preview needs the 'deck' add-on, which is not installed. Install it from the infocards "
        "folder: {pip} install \".[deck]\" (or {pip} install \"infocards[deck]\"), then run the command again. "
        "'content check' works without it.",
    },
}
