// From decoded codes to `sections` of `infocards read --json` (docs/FORMAT.md 6), without the
// reader's presentation fields (titles, details, labels, card titles).
import { FINDING_SECTIONS, RECORD_SECTIONS, SECTION_KEYS, SHARED_SECTION_OF, VIEW_SECTION_KEYS } from "./format-data.mjs";
import { optionalText } from "./text.mjs";

/** Newest first by date, undated last; entries of one date keep their order (a stable sort). */
export function newestFirst(entries) {
  const key = (entry) => entry.date || "";
  return [...entries].sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}

function recordSection(record) {
  if (record.type === "finding") return FINDING_SECTIONS[record.kind];
  return RECORD_SECTIONS[record.type] ?? null;
}

function base(record) {
  return { date: record.date, source: record.source };
}

function involved(encounters) {
  const latest = new Map();
  const sorted = [...encounters].sort((a, b) => {
    if (a.date !== b.date) return a.date < b.date ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  for (const record of sorted) latest.set(`${record.role}\u0000${record.place || ""}`, record);
  return [...latest.entries()].map(([key, record]) => ({
    date: record.date,
    source: record.source,
    role: record.role,
    place: key.slice(key.indexOf("\u0000") + 1),
    professional: optionalText(record.professional),
  }));
}

/** payload._section_entries: the entries of one shared section that records become. */
function sectionEntries(section, byType) {
  const of = (type) => byType.get(type) || [];
  const findings = of("finding").filter((r) => recordSection(r) === section);
  switch (section) {
    case "red_flags":
      return findings.map((r) => ({ ...base(r), role: r.role, text: r.text }));
    case "findings":
      return findings.map((r) => ({
        ...base(r), role: r.role, kind: r.kind, text: r.text, code: optionalText(r.code), card: optionalText(r.card),
      }));
    case "imaging":
      return findings.map((r) => ({
        ...base(r), role: r.role, text: r.text, code: optionalText(r.code), card: optionalText(r.card),
      }));
    case "treatments":
      return of("treatment").map((r) => ({
        ...base(r), role: r.role, what: r.what, end: optionalText(r.end), effect: r.effect,
      }));
    case "medication":
      return of("medication").map((r) => ({
        ...base(r), name: r.name, dose: r.dose || "", end: optionalText(r.end), effect: r.effect,
      }));
    case "referrals":
      return of("referral").map((r) => ({
        ...base(r), from_role: r.from_role, to_role: r.to_role, reason: r.reason, status: r.status,
      }));
    case "plan_goals": {
      const plans = of("encounter").filter((r) => r.summary).map((r) => ({ ...base(r), role: r.role, text: r.summary }));
      const goals = of("goal").map((r) => ({ ...base(r), text: r.text, status: r.status }));
      return [...plans, ...goals];
    }
    case "work":
      return of("work").map((r) => ({
        ...base(r), status: r.status, hours_per_week: r.hours_per_week ?? null, note: r.note || "",
      }));
    case "involved":
      return involved(of("encounter"));
    default:
      throw new Error(`unknown section ${section}`);
  }
}

/** A professional's records as the entries of `sections` (signed_view._as_summary). */
export function recordEntries(records, sections) {
  const byType = new Map();
  records.forEach((record, i) => {
    const entry = { ...record, id: `s${i}`, source: "professional" };
    if (!byType.has(record.type)) byType.set(record.type, []);
    byType.get(record.type).push(entry);
  });
  const out = {};
  for (const key of sections) out[key] = newestFirst(sectionEntries(key, byType));
  return out;
}

const roleCard = (role) => (role ? `role-${role.replaceAll("_", "-")}` : null);
const isDiagnosis = (entry) => Boolean(entry.code) || entry.kind === "diagnosis";
const withRole = (entry, role) => ({ ...entry, role_card: roleCard(role) });

/** reader.entries.view_entries, as --json gives them, without titles, details and labels. */
export function viewEntries(key, entries) {
  const of = (section) => entries[section] || [];
  switch (key) {
    case "red_flags":
      return of("red_flags").map((e) => withRole(e, e.role));
    case "diagnoses":
      return newestFirst([...of("findings"), ...of("imaging")].filter(isDiagnosis)).map((e) => withRole(e, e.role));
    case "findings":
    case "imaging":
      return of(key).filter((e) => !isDiagnosis(e)).map((e) => withRole(e, e.role));
    case "treatments":
      return of("treatments").map((e) => withRole(e, e.role));
    case "medication":
      return of("medication").map((e) => withRole(e, null));
    case "referrals":
      return of("referrals").map((e) => withRole(e, e.to_role));
    case "visits": // an encounter's text: the patient's own are visits, a signed note's its plan
    case "plan":
      return of("plan_goals").filter((e) => !("status" in e)).map((e) => withRole(e, e.role));
    case "goals":
      return of("plan_goals").filter((e) => "status" in e).map((e) => withRole(e, null));
    case "work":
      return of("work").map((e) => withRole(e, null));
    case "involved":
      return of("involved").map((e) => withRole(e, e.role));
    default:
      throw new Error(`unknown view section ${key}`);
  }
}

/** `sections` and `omitted` of a summary: carried notes' entries first, newest note first. */
export function summarySections(summary) {
  const notes = [...summary.notes].sort((a, b) => b.issued - a.issued);
  const carried = notes.map((note) => ({ signer: note.signer, entries: recordEntries(note.records, summary.sections) }));
  const sections = {};
  const omitted = {};
  for (const key of VIEW_SECTION_KEYS) {
    const origin = SHARED_SECTION_OF[key];
    if (!summary.sections.includes(origin) && !(key === "diagnoses" && summary.sections.includes("imaging"))) continue;
    const count = key === origin || key === "visits" ? summary.omitted[origin] || 0 : 0;
    const list = [];
    // What happened at a visit never reads as the plan (FORMAT.md §6.2): the plan is what a signed
    // note says, the visits what the patient's own entries say.
    for (const note of key === "visits" ? [] : carried) {
      for (const entry of viewEntries(key, note.entries)) list.push({ ...entry, signer: { ...note.signer } });
    }
    if (key !== "plan") list.push(...viewEntries(key, summary.entries));
    const own = summary.entries[key];
    if (!list.length && !count && (key === "findings" || key === "imaging") && own && own.length) continue;
    sections[key] = list;
    if (count) omitted[key] = count;
  }
  return { sections, omitted };
}

const NOTE_SECTIONS = SECTION_KEYS.filter((key) => key !== "involved");

/** `sections` of a note read on its own: only view sections with entries, never involved. */
export function noteSections(records, signer) {
  const entries = recordEntries(records, NOTE_SECTIONS);
  const sections = {};
  for (const key of VIEW_SECTION_KEYS) {
    if (key === "visits") continue; // the patient's own; a note's encounter is its plan (FORMAT.md §6.2)
    const list = viewEntries(key, entries).map((entry) => ({ ...entry, signer: { ...signer } }));
    if (list.length) sections[key] = list;
  }
  return sections;
}
