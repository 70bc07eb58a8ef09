"""The zlib preset dictionary of share codes: words of the low back pain domain, English and Danish.

zlib can copy from these bytes as if they preceded each summary, so common words cost a few bits
instead of a byte per letter. The dictionary is part of the code format: changing one byte needs
a new format version (a new prefix), or older codes no longer decompress. zlib looks back at most
32 KiB and nearer text is cheaper to copy, so the most common words come last.
"""

from __future__ import annotations

__all__ = ["PRESET_DICTIONARY"]

_DANISH = """
ingen røde flag, ingen feber, intet vægttab, ingen nattesmerter, normal blære- og tarmfunktion,
ingen ridebukseanæstesi, ingen kraftnedsættelse, ingen traume, tidligere kræft
lændesmerter, rygsmerter, smerter i benet, udstråling til benet, iskias, rodpåvirkning,
prolaps, diskusprolaps, nerverod, nerverodspåvirkning, spinalstenose, facetledsmerter
henvist til, henvisning, ventetid, afsluttet, indkaldt, set af, kontrol, opfølgning, samtale
praktiserende læge, lægehuset, fysioterapeut, kiropraktor, rygcenter, sygehus, hospital,
kommunal genoptræning, sundhedscenter, jobcenter, socialrådgiver, rehabiliteringsteam
genoptræningsplan, superviseret træning, øvelser, holdtræning, gradueret aktivitet,
manuel behandling, ledmobilisering, massage, akupunktur, smertestillende, operation ikke indiceret
gange om ugen, behandlinger, uger, måneder, timer om ugen, minutter, sygemeldt, deltidssygemelding,
tilbage i arbejde, delvis raskmelding, fleksjob, ledig, arbejder som, tømrer, sosu-assistent, kontor
gå uden smerter, cykle, løfte, sidde, stå, sove om natten, passe mit arbejde, være aktiv
højre side, venstre side, højresidig, venstresidig, positiv, negativ, nedsat, normal, grader
MR-scanning af lænden, røntgen, CT-scanning, scanning viste, undersøgelse, klinisk undersøgelse
""".strip()

_ENGLISH = """
ICPC-2:L84 ICPC-2:L86 ICPC-2:L03 ICPC-2:L02 ICD-10:M54.5 ICD-10:M54.4 ICD-10:M51.1 ICD-10:M48.0
nonspecific-low-back-pain lumbar-radiculopathy disc-herniation spinal-stenosis sciatica
red flags: fever, weight loss, night pain, trauma, history of cancer, steroid use, osteoporosis,
cauda equina: saddle numbness, bladder and bowel function normal, urinary retention, weakness,
straight leg raise (SLR) positive, negative, degrees, reflex reduced, absent, sensation, strength,
ankle, knee, heel walk, toe walk, dermatome L3 L4 L5 S1, right, left, both sides, right-sided,
MRI of the lumbar spine, X-ray, CT scan, disc bulge, herniation at L4/L5 L5/S1 L3/L4,
nerve root compression, nerve root affected, stenosis, degenerative changes, no compression,
assessment, examination, test, directional preference, extension, flexion, mobility, function,
referral, referred to, waiting for, seen at, spine centre, hospital, municipal rehabilitation,
primary care, secondary care, no improvement after weeks, not indicated, surgery, operation,
supervised exercise, exercise therapy, training, sessions, treatments, manual therapy,
joint mobilisation, manipulation, massage, acupuncture, pain education, graded activity,
twice a week, once a week, three times a week, weeks, months, hours a week, minutes a day,
paracetamol, ibuprofen, naproxen, diclofenac, tramadol, codeine, gabapentin, pregabalin,
mg up to 3 times a day, mg twice a day, mg at night, as needed, tablets, stopped, side effects
sick leave, partial sick leave, return to work, partial return to work, working hours, employer,
job, work, h/week, hours per week, lifting, heavy, sitting, standing, driving, sleep, walking,
goal: walk without pain, without leg pain, back to work, be able to, manage, daily life,
plan: follow-up, coordination, continue, start, started, stop, check, new,
general practitioner, physiotherapist, chiropractor, social worker, rehabilitation team,
low back pain, leg pain, back pain, radiating pain, pain down the leg, acute, chronic,
 Supervised, Exercise, Referred, Referral, No, Sick leave, Back to work, Walk, Plan:, MRI, Surgery,
Follow-up, Assessment, Examination, Treatment, Rehabilitation, Return to work, Pain, Three, Two,
 the, and, with, for, after, from, of, to, a, in, on, at, no, not, by, is, was, has, her, his
""".strip()

# English last (nearer, so cheaper to copy from): the fixtures and tests keep English records.
# Danish records still gain from the Danish words, a little less than they would if they came last.
PRESET_DICTIONARY = (_DANISH + "\n" + _ENGLISH).encode("utf-8")
