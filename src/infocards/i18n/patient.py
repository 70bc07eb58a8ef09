"""Strings for the patient's screens added in the walk-through round: urgent help on home, call
buttons, the add-record chooser's explanations, form problems, confirmations and "Kort til dit forløb"."""

STRINGS = {
    # Urgent help, first on home.
    "urgent.heading": {"da": "Hvornår skal du ringe nu?", "en": "When should you call now?"},
    "urgent.explain": {
        "da": "Ring 112, hvis du pludselig ikke kan tisse eller holde på urin eller afføring, "
        "eller er følelsesløs i skridtet. Ring også, hvis et ben bliver meget svagt, bliver svagere "
        "og svagere over timer eller dage, eller hvis begge ben bliver svage.",
        "en": "Call 112 if you suddenly cannot pass urine or hold urine or stools, or are numb "
        "between your legs. Also call if a leg becomes very weak, gets weaker and weaker over hours "
        "or days, or if both legs become weak.",
    },
    "urgent.call_112": {"da": "Ring 112", "en": "Call 112"},
    "urgent.own_gp": {
        "da": "Ved andre tegn på noget alvorligt: ring til din egen læge samme dag.",
        "en": "For other signs of something serious: call your own GP the same day.",
    },
    "urgent.out_of_hours": {
        "da": "Når din læge har lukket, ringer du til lægevagten i {region}:",
        "en": "When your GP is closed, call the out-of-hours service in {region}:",
    },
    "urgent.out_of_hours_any": {
        "da": "Når din læge har lukket, ringer du til lægevagten i den region, du bor i:",
        "en": "When your GP is closed, call the out-of-hours service of the region you live in:",
    },
    "urgent.call_first": {
        "da": "Ring, før du tager på akutmodtagelsen.",
        "en": "Call before you go to the emergency department.",
    },
    "urgent.call_number": {"da": "Ring {number}", "en": "Call {number}"},
    "urgent.call_region": {"da": "{region}: {number}", "en": "{region}: {number}"},
    "urgent.signs": {"da": "Se alle tegnene: røde flag", "en": "See all the signs: red flags"},
    # A new phone: a copy of the wallet kept as this device's.
    "restore.offer": {"da": "Jeg har en kopi af min mappe", "en": "I have a copy of my record"},
    "restore.heading": {"da": "Åbn en kopi af din mappe", "en": "Open a copy of your record"},
    "restore.explain": {
        "da": "Vælg kopien, du gemte fra din gamle telefon eller computer (Indstillinger, "
        "Gem en krypteret kopi). Skriv adgangskoden til mappen. Så bliver kopien din mappe på denne enhed.",
        "en": "Choose the copy you saved from your old phone or computer (Settings, Save an encrypted "
        "copy). Type the record's passphrase. The copy then becomes your record on this device.",
    },
    "restore.choose": {"da": "Vælg kopien", "en": "Choose the copy"},
    "restore.none_chosen": {"da": "Ingen kopi valgt endnu.", "en": "No copy chosen yet."},
    "restore.chosen": {"da": "Valgt: {name}", "en": "Chosen: {name}"},
    "restore.not_a_copy": {
        "da": "Den fil kan ikke være en kopi af en mappe. Vælg en anden.",
        "en": "That file cannot be a copy of a record. Choose another one.",
    },
    "restore.choose_first": {"da": "Vælg kopien først.", "en": "Choose the copy first."},
    "restore.use_code": {
        "da": "Jeg har glemt adgangskoden: brug gendannelseskoden",
        "en": "I forgot the passphrase: use the recovery code",
    },
    "restore.open": {"da": "Åbn kopien", "en": "Open the copy"},
    "restore.done": {
        "da": "Kopien er nu din mappe på denne enhed.",
        "en": "The copy is now your record on this device.",
    },
    # Where the patient lives: asked once on home, changed in Settings.
    "where.ask": {"da": "Hvor bor du?", "en": "Where do you live?"},
    "where.why": {
        "da": "Så viser appen lægevagtens nummer i din region. Svaret gemmes kun på denne enhed.",
        "en": "Then the app shows the out-of-hours number of your region. The answer stays on this device.",
    },
    "where.choose": {"da": "Vælg din region", "en": "Choose your region"},
    "where.skip": {"da": "Ikke nu", "en": "Not now"},
    "where.yours": {"da": "Din region: {region}", "en": "Your region: {region}"},
    "where.change": {"da": "Skift region i indstillinger", "en": "Change region in settings"},
    "settings.title": {"da": "Indstillinger", "en": "Settings"},
    "settings.region": {"da": "Region", "en": "Region"},
    "settings.region_none": {"da": "Vil ikke oplyse", "en": "Rather not say"},
    "settings.municipality": {"da": "Kommune (kan udelades)", "en": "Municipality (optional)"},
    "settings.save": {"da": "Gem", "en": "Save"},
    "settings.saved": {"da": "Gemt.", "en": "Saved."},
    "settings.municipality_bad": {
        "da": "Skriv kommunens navn på én linje, højst 60 tegn.",
        "en": "Write the municipality's name on one line, at most 60 characters.",
    },
    # The add-record chooser: one plain line per record type.
    "chooser.encounter": {
        "da": "Et besøg hos fx lægen, fysioterapeuten eller kommunen.",
        "en": "A visit to e.g. your GP, physiotherapist or the municipality.",
    },
    "chooser.finding": {
        "da": "Hvad en fagperson fandt ved en undersøgelse eller scanning.",
        "en": "What a professional found in an examination or a scan.",
    },
    "chooser.referral": {
        "da": "Når du bliver sendt videre til en anden fagperson.",
        "en": "When you are sent on to another professional.",
    },
    "chooser.treatment": {
        "da": "Fx øvelser, manuel behandling eller et hold, og om det hjalp.",
        "en": "E.g. exercises, manual therapy or a class, and whether it helped.",
    },
    "chooser.medication": {
        "da": "Medicin du tager eller har taget, og om den hjalp.",
        "en": "Medicine you take or have taken, and whether it helped.",
    },
    "chooser.goal": {
        "da": "Hvad du gerne vil kunne igen, fx gå en tur eller arbejde.",
        "en": "What you want to be able to do again, e.g. go for a walk or work.",
    },
    "chooser.work": {
        "da": "Om du arbejder, er sygemeldt eller delvist sygemeldt.",
        "en": "Whether you work, are on sick leave or on part-time sick leave.",
    },
    "chooser.note": {
        "da": "Alt andet du vil huske eller fortælle.",
        "en": "Anything else you want to remember or tell.",
    },
    # Form problems, each saying what is wrong.
    "form.start_date": {"da": "Startdato", "en": "Start date"},
    "form.end_before_start": {
        "da": "Slutdatoen ligger før startdatoen.",
        "en": "The end date is before the start date.",
    },
    "form.negative_hours": {
        "da": "»{field}« kan ikke være under 0.",
        "en": "“{field}” cannot be below 0.",
    },
    "form.too_many_hours": {
        "da": "»{field}« kan højst være 168 (timer i en uge).",
        "en": "“{field}” can be at most 168 (hours in a week).",
    },
    "form.too_long": {
        "da": "»{field}« er for lang: højst {limit} tegn.",
        "en": "“{field}” is too long: at most {limit} characters.",
    },
    "form.check_marked": {
        "da": "Ret de markerede felter, så kan du gemme.",
        "en": "Correct the marked fields, then you can save.",
    },
    "form.future_birth": {
        "da": "Fødselsdatoen ligger i fremtiden.",
        "en": "The birth date is in the future.",
    },
    # Confirmations and what next.
    "saved.added": {"da": "{what} er gemt i din mappe.", "en": "{what} is saved in your record."},
    "saved.changed": {"da": "Ændringen er gemt.", "en": "The change is saved."},
    "saved.deleted": {"da": "Posten er slettet.", "en": "The entry is deleted."},
    "saved.next": {
        "da": "Vis dit resumé til næste fagperson, eller tilføj mere.",
        "en": "Show your summary to the next professional, or add more.",
    },
    "timeline.first_visit": {"da": "Tilføj dit første besøg", "en": "Add your first visit"},
    "timeline.read_course": {"da": "Læs om et typisk forløb", "en": "Read about a typical course"},
    "timeline.source.signed": {"da": "Skrevet og underskrevet af {who}", "en": "Written and signed by {who}"},
    "timeline.source.changed": {"da": "Fra en fagperson, ændret af dig", "en": "From a professional, changed by you"},
    "timeline.source.changed_from": {"da": "Skrevet af {who}, ændret af dig", "en": "Written by {who}, changed by you"},
    "form.signed_warning": {
        "da": "Du ændrer det, {who} skrev. Bagefter står der, at du har ændret det.",
        "en": "You are changing what {who} wrote. Afterwards it will say that you changed it.",
    },
    "form.edited_before": {
        "da": "{who} skrev det, og du har ændret det. Det står der, når du deler det.",
        "en": "{who} wrote this and you have changed it. It says so when you share it.",
    },
    "timeline.more_heading": {"da": "Mere", "en": "More"},
    "timeline.share_log": {"da": "Hvem har set mit resumé?", "en": "Who has seen my summary?"},
    "record.hours": {"da": "{hours} timer om ugen", "en": "{hours} hours a week"},
    # Cards that fit the course.
    "mycards.heading": {"da": "Kort til dit forløb", "en": "Cards for your course"},
    "mycards.explain": {
        "da": "Valgt ud fra det, der står i din mappe.",
        "en": "Chosen from what is in your record.",
    },
    "mycards.empty": {
        "da": "Når du har tilføjet fund, besøg eller arbejde, foreslår appen de kort, der passer.",
        "en": "Once you have added findings, visits or work, the app suggests the cards that fit.",
    },
    "mycards.more": {"da": "Vis alle {count} kort", "en": "Show all {count} cards"},
    "mycards.fewer": {"da": "Vis færre", "en": "Show fewer"},
    "mycards.why.finding_card": {
        "da": "Dit fund fra {date} er denne diagnose.",
        "en": "Your finding of {date} is this diagnosis.",
    },
    "mycards.why.finding_code": {
        "da": "Dit fund fra {date} har koden {code}.",
        "en": "Your finding of {date} has the code {code}.",
    },
    "mycards.why.met": {
        "da": "Du mødte {role} den {date}.",
        "en": "You met the {role} on {date}.",
    },
    "mycards.why.referred": {
        "da": "Du blev henvist til {role} den {date}.",
        "en": "You were referred to the {role} on {date}.",
    },
    "mycards.why.sick_leave": {
        "da": "Du er sygemeldt (siden {date}).",
        "en": "You are on sick leave (since {date}).",
    },
    "mycards.why.partial_sick_leave": {
        "da": "Du er delvist sygemeldt (siden {date}).",
        "en": "You are on part-time sick leave (since {date}).",
    },
    "mycards.why.waiting": {
        "da": "Din henvisning til {role} fra den {date} venter endnu.",
        "en": "Your referral to the {role} of {date} is still waiting.",
    },
}
