// The copy for the journal, as reader/journal.py writes it: the same lines from the same JSON.

import { oneLine, shortDate, shortMoment } from "./text.mjs";
import { signerWho as who } from "./view.mjs";

function signedBy(signer, t, key = "journal.signed") {
  if (!signer.verified) return t("journal.unverified", { who: who(signer, t) });
  let text = t(key, { who: who(signer, t) });
  if (signer.listed) text += "; " + t("signed.listed", { pack: signer.list });
  return text;
}

function entryLine(entry, t, section, withSource = true) {
  let day = shortDate(entry.date, t.lang) || t("share.reader.undated");
  if (entry.role_label && section !== "involved") day += `, ${entry.role_label}`;
  const text = [entry.title, ...entry.details].join("; ");
  if (!withSource) return `- ${day}: ${text}`;
  const source = entry.signer ? signedBy(entry.signer, t) : entry.source_label;
  return `- ${day}: ${text} (${source})`;
}

function patientLine(patient, t) {
  const name = patient.name || "";
  if (!patient.birth_date) return name || t("reader.ui.no_name");
  const born = t("share.reader.birth", { date: shortDate(patient.birth_date, t.lang) });
  return name ? `${name}, ${born}` : born;
}

function summaryLines(data, t, moment) {
  const lines = [t("journal.summary", { when: shortMoment(moment, t.lang), fingerprint: data.fingerprint }), patientLine(data.patient, t)];
  const period = data.period;
  const inPeriod = period.from || period.to;
  if (inPeriod) {
    const open = t("share.reader.open_end");
    lines.push(t("share.reader.period", { start: shortDate(period.from, t.lang) || open, end: shortDate(period.to, t.lang) || open }));
  }
  if (data.not_shared.length) {
    lines.push(t("share.reader.not_shared", { sections: data.not_shared.map((k) => t(`share.section.${k}`)).join(", ") }));
  }
  if (data.omitted_note) lines.push(data.omitted_note);
  if (data.not_shared.includes("red_flags")) lines.push(`${t("share.view.red_flags")}: ${t("share.reader.red_flags_not_shared")}`);
  for (const [key, entries] of Object.entries(data.sections)) {
    const title = t(`share.view.${key}`);
    if (!entries.length) {
      const empty = t(`share.empty.${key}`);
      lines.push(`${title}: ${inPeriod ? t("share.reader.in_period", { text: empty }) : empty}`);
      continue;
    }
    lines.push(`${title}:`);
    for (const entry of entries) lines.push(entryLine(entry, t, key));
  }
  return lines;
}

function noteLines(data, t, moment) {
  const signer = data.signer;
  const lines = [t("journal.note", { when: shortMoment(moment, t.lang), fingerprint: signer.fingerprint }),
    signedBy(signer, t, "journal.note_by")];
  const bound = data.written_for;
  if (bound == null) lines.push(t("signed.unbound"));
  else {
    const birth = shortDate(bound.birth_date, t.lang) || t("share.reader.birth_unknown");
    lines.push(t("note.reader.for", { name: bound.name, birth_date: birth }));
  }
  for (const [key, entries] of Object.entries(data.sections)) {
    lines.push(`${t(`share.view.${key}`)}:`);
    for (const entry of entries) lines.push(entryLine(entry, t, key, false));
  }
  return lines;
}

// The journal's text from decorate()'s JSON, read at `moment`; null unless the code is valid.
export function journalText(data, t, moment) {
  if (data?.status !== "valid") return null;
  const lines = data.kind === "note" ? noteLines(data, t, moment) : summaryLines(data, t, moment);
  return lines.map(oneLine).join("\n");
}
