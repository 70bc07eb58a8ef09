// A read result (readCode's plain object) as the reader's JSON in one language: every label,
// title and detail as `infocards read --json` gives them (reader/view.py, entries.py,
// signed_view.py), so the page shows, and the journal copies, the same words as the app.

import { oneLine, shortDate, formatNumber } from "./text.mjs";

// Where a signed entry's key is listed: the first loaded pack that lists it.
function lookupKey(trust, fingerprint) {
  const wanted = String(fingerprint || "").toUpperCase();
  return (trust?.keys || []).find((key) => key.fingerprint.toUpperCase() === wanted) || null;
}

// `listed` only when the signature checks and a loaded pack lists the key (signed_view.signer_json).
export function signerJson(signer, trust) {
  const listed = signer.verified ? lookupKey(trust, signer.fingerprint) : null;
  const data = { ...signer, listed: Boolean(listed) };
  if (listed) Object.assign(data, { name: listed.name, role: listed.role, place: listed.place, list: listed.list });
  return data;
}

// "Mette Hansen, Fysioterapeut, Klinik": never a name that broke the name rule (signer_who).
export function signerWho(signer, t) {
  if (signer.reason === "signer name") return t("signed.bad_name");
  return [signer.name, t(`vocab.role.${signer.role}`), signer.place].filter(Boolean).join(", ");
}

export function signerLabel(signer, t) {
  if (!signer.verified) {
    return `${signerWho(signer, t)} · ${t(signer.reason === "signer name" ? "signed.failed_name" : "signed.failed")}`;
  }
  const listed = signer.listed ? t("signed.listed", { pack: t.listLabel(signer.list) }) : t("signed.not_listed");
  return `${signerWho(signer, t)} · ${t("signed.checked", { fingerprint: signer.fingerprint })} · ${listed}`;
}

// The lines under a signer's line: a note for no particular patient, entries not shared (signer_notes).
export function signerNotes(signer, t) {
  const lines = [];
  if (signer.bound === false) lines.push(t("signed.unbound"));
  if (signer.withheld) lines.push(t("signed.withheld", { count: signer.withheld }));
  return lines;
}

function cardTitle(cards, card, lang) {
  const titles = card && cards ? cards[card] : null;
  if (!titles) return null;
  return titles[lang] || titles[lang === "da" ? "en" : "da"] || null;
}

const ended = (e, t) => (e.end ? t("share.reader.ended", { date: shortDate(e.end, t.lang) }) : t("share.reader.ongoing"));

function role(value, t) {
  if (!value) return {};
  return { role_label: t.label("vocab.role", value), role_card: "role-" + value.replaceAll("_", "-") };
}

// [title, details, role] of one entry of view section `key` (entries.py view_entries).
function shape(key, e, t, cards) {
  const label = t.label;
  switch (key) {
    case "red_flags":
    case "visits":
    case "plan":
      return [e.text, [], e.role];
    case "goals":
      return [e.text, [label("vocab.goal_status", e.status)], null];
    case "diagnoses":
    case "findings":
    case "imaging": {
      const title = cardTitle(cards, e.card, t.lang);
      const kind = label("vocab.kind", "kind" in e ? e.kind : "imaging");
      const headline = [title, e.code].filter(Boolean).join(" · ");
      return headline ? [headline, [e.text, kind], e.role, title] : [e.text, [kind], e.role, title];
    }
    case "treatments":
      return [e.what, [label("vocab.effect", e.effect), ended(e, t)], e.role];
    case "medication":
      return [[e.name, e.dose].filter(Boolean).join(" "), [label("vocab.effect", e.effect), ended(e, t)], null];
    case "referrals":
      return [e.reason, [t("share.reader.referral", { from_role: label("vocab.role", e.from_role), to_role: label("vocab.role", e.to_role) }),
        label("vocab.referral_status", e.status)], e.to_role];
    case "work":
      return [label("vocab.work_status", e.status),
        [e.hours_per_week == null ? null : t("share.reader.hours", { hours: formatNumber(e.hours_per_week, t.lang) }), e.note], null];
    case "involved":
      return [label("vocab.role", e.role), [e.place, e.professional], e.role];
    default:
      return [e.text || "", [], null];
  }
}

const LABELS = new Set(["title", "details", "source_label", "role_label", "role_card", "card_title", "signer"]);

// `signedLabel`: a signed entry's source_label names who signed (a summary's carried notes); a
// note read on its own keeps the entry's own label, as signed_view.note_json does.
export function viewEntry(key, entry, t, cards, trust, signedLabel = true) {
  const fields = Object.fromEntries(Object.entries(entry).filter(([name]) => !LABELS.has(name)));
  const [title, details, roleValue, title_of_card = null] = shape(key, fields, t, cards);
  const out = { ...fields, title, details: details.filter(Boolean), role_label: null, role_card: null, ...role(roleValue, t),
    card_title: ["diagnoses", "findings", "imaging"].includes(key) ? title_of_card : null };
  if (key === "referrals" && roleValue) {
    // The recipient as the referral's goal ("Henvisning til fysioterapeut"), never as who wrote it.
    const label = t.label("vocab.role", roleValue);
    out.role_label = t("share.reader.referral_to", { to_role: t.lang === "da" ? label.slice(0, 1).toLowerCase() + label.slice(1) : label });
  }
  out.source_label = fields.changed ? t("share.reader.source.changed") : t(`share.reader.source.${fields.source}`);
  if (entry.signer) {
    out.signer = signerJson(entry.signer, trust);
    if (signedLabel) out.source_label = signerLabel(out.signer, t);
  }
  return out;
}

function omittedNote(omitted, t, strings) {
  const byShared = {};
  for (const [view, count] of Object.entries(omitted || {})) {
    if (view === "notes") continue;
    const shared = strings.sections.shared_of[view] || view;
    byShared[shared] = count;
  }
  const parts = strings.sections.keys.filter((k) => byShared[k])
    .map((k) => t("share.reader.omitted_part", { count: byShared[k], section: t(`share.section.${k}`) }));
  const notes = omitted?.notes ?? 0;
  if (notes) parts.push(t("share.reader.omitted_notes", { count: notes }));
  return parts.length ? t("share.reader.omitted", { parts: parts.join(", ") }) : null;
}

// Why a code was refused, in words (readable.py readable_error).
function message(read, t, strings) {
  if (read.status === "invalid") {
    const words = t(`share.reason.${strings.reasons[read.reason] || "damaged_content"}`);
    return t("share.reader.invalid_because", { reason: words });
  }
  if (read.status === "not_infocards") return t("error.share.not_infocards");
  return null;
}

function sectionsOf(read, t, cards, trust, signedLabel = true) {
  const out = {};
  for (const [key, entries] of Object.entries(read.sections || {})) {
    out[key] = (entries || []).map((entry) => viewEntry(key, entry, t, cards, trust, signedLabel));
  }
  return out;
}

// The read result as `infocards read --json` gives it in `t.lang`, with `empty` texts per section.
export function decorate(read, t, data) {
  const { strings, cards, trust } = data;
  const status = read?.status || "not_infocards";
  const out = { status, status_label: t(`share.status.${status}`) };
  const why = message(read, t, strings);
  if (why) out.message = why;
  if (read?.reason) out.reason = read.reason;
  if (read?.kind === "note") {
    out.kind = "note";
    if (!read.signer) return out;
    const signer = signerJson({ ...read.signer, verified: true }, trust);
    Object.assign(out, { signer, signer_label: signerLabel(signer, t), issued_at: read.issued_at, expires_at: read.expires_at,
      expired: status === "expired", written_for: read.written_for ?? null, records: read.records,
      sections: sectionsOf(read, t, cards, trust, false) });
    return out;
  }
  if (!read?.patient) return out;
  const period = read.period || { from: null, to: null };
  const inPeriod = period.from || period.to;
  const sections = sectionsOf(read, t, cards, trust);
  const empty = {};
  for (const key of Object.keys(sections)) {
    const text = t(`share.empty.${key}`);
    empty[key] = inPeriod ? t("share.reader.in_period", { text }) : text;
  }
  Object.assign(out, { patient: read.patient, fingerprint: read.fingerprint, issued_at: read.issued_at, expires_at: read.expires_at,
    expired: status === "expired", shown_to: read.shown_to ?? null, period, sections, omitted: read.omitted || {},
    omitted_note: omittedNote(read.omitted, t, strings), not_shared: read.not_shared || [], empty,
    shown_to_label: read.shown_to ? t.label("vocab.role", read.shown_to) : null });
  return out;
}

