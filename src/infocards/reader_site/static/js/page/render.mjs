// The result on the page, in the order of the app's reader: status, patient, key, then the
// sections (red flags and diagnoses first). Text from a code is only ever set as textContent.

import { oneLine, shortDate, shortMoment } from "./text.mjs";
import { signerNotes } from "./view.mjs";

// The left column holds what decides today's care (ui/views/reader.py LEFT_SECTIONS).
const LEFT = new Set(["red_flags", "diagnoses", "findings", "imaging"]);
const ICONS = { valid: "✓", expired: "⏱", invalid: "✗", not_infocards: "?" };

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function banner(data) {
  const box = el("div", `status status-${data.status.replace("_", "-")}`);
  box.id = "status";
  const icon = el("span", "status-icon", ICONS[data.status]);
  icon.setAttribute("aria-hidden", "true");
  const words = el("div", "status-words");
  words.append(el("p", "status-label", data.status_label));
  if (data.message) words.append(el("p", "status-message", data.message));
  box.append(icon, words);
  return box;
}

function sourceLine(entry, t) {
  const signer = entry.signer;
  const line = el("p", signer ? (signer.verified ? "source signed" : "source unverified") : "source", oneLine(entry.source_label));
  for (const note of signer ? signerNotes(signer, t) : []) line.append(el("span", "signer-note", note));
  return line;
}

function entryItem(entry, key, t, withSource = true) {
  const item = el("li", "entry");
  item.append(el("p", "entry-title", oneLine(entry.title)));
  for (const detail of entry.details) item.append(el("p", "entry-detail", oneLine(detail)));
  const role = key !== "involved" ? entry.role_label : null;
  const meta = [shortDate(entry.date, t.lang), role].filter(Boolean).join(" · ");
  if (meta) item.append(el("p", "entry-meta", meta));
  if (withSource) item.append(sourceLine(entry, t));
  return item;
}

function section(key, entries, t, emptyText, withSource = true) {
  const block = el("section", `block block-${key}`);
  block.dataset.section = key;
  const heading = el("h3", null, t(`share.view.${key}`));
  heading.id = `section-${key}`;
  block.setAttribute("aria-labelledby", heading.id);
  block.append(heading);
  if (!entries.length) {
    block.append(el("p", "empty", emptyText));
    return block;
  }
  const list = el("ul", "entries");
  for (const entry of entries) list.append(entryItem(entry, key, t, withSource));
  block.append(list);
  return block;
}

function columns(blocks) {
  const row = el("div", "columns");
  const left = el("div", "column");
  const right = el("div", "column");
  for (const [key, block] of blocks) (LEFT.has(key) ? left : right).append(block);
  row.append(left, right);
  return row;
}

function patientLine(patient, t) {
  const name = oneLine(patient.name);
  if (!patient.birth_date) return name || t("reader.ui.no_name");
  const born = t("share.reader.birth", { date: shortDate(patient.birth_date, t.lang) });
  return name ? `${name}, ${born}` : born;
}

function summaryParts(data, t) {
  const parts = [el("h2", "patient", patientLine(data.patient, t)), el("p", "key", t("reader.ui.fingerprint", { fingerprint: data.fingerprint }))];
  parts[0].id = "patient";
  const facts = [];
  if (data.expires_at) facts.push(t("reader.ui.expires", { time: shortMoment(data.expires_at, t.lang) }));
  if (data.shown_to_label) facts.push(t("reader.ui.shown_to", { role: data.shown_to_label }));
  if (facts.length) parts.push(el("p", "facts", facts.join(" · ")));
  const period = data.period;
  if (period.from || period.to) {
    const open = t("share.reader.open_end");
    parts.push(el("p", "strong", t("share.reader.period", { start: shortDate(period.from, t.lang) || open, end: shortDate(period.to, t.lang) || open })));
  }
  if (data.not_shared.length) {
    const names = data.not_shared.map((k) => t(`share.section.${k}`)).join(", ");
    parts.push(el("p", "strong not-shared", t("share.reader.not_shared", { sections: names })));
  }
  if (data.omitted_note) parts.push(el("p", "note", data.omitted_note));
  return parts;
}

function summaryBlocks(data, t) {
  const blocks = [];
  if (data.not_shared.includes("red_flags")) {
    const block = el("section", "block block-red_flags");
    block.append(el("h3", null, t("share.view.red_flags")), el("p", "strong", t("share.reader.red_flags_not_shared")));
    blocks.push(["red_flags", block]);
  }
  for (const [key, entries] of Object.entries(data.sections)) blocks.push([key, section(key, entries, t, data.empty[key])]);
  return blocks;
}

function noteParts(data, t) {
  const parts = [el("h2", "patient", t("note.reader.title")), el("p", "key", t("note.reader.signer", { signer: oneLine(data.signer_label) }))];
  parts[0].id = "patient";
  const bound = data.written_for;
  if (bound == null) parts.push(el("p", "strong", t("signed.unbound")));
  else {
    const birth = shortDate(bound.birth_date, t.lang) || t("share.reader.birth_unknown");
    parts.push(el("p", "strong", t("note.reader.for", { name: oneLine(bound.name), birth_date: birth })));
  }
  if (data.expires_at) parts.push(el("p", "facts", t("reader.ui.expires", { time: shortMoment(data.expires_at, t.lang) })));
  return parts;
}

// Fills `container` with the result; `copy` is the journal button's handler (valid codes only).
export function renderResult(container, data, t, copy) {
  container.replaceChildren();
  container.dataset.status = data.status.replace("_", "-");
  container.append(banner(data));
  const isNote = data.kind === "note";
  if (isNote ? !data.signer : !data.patient) return;
  container.append(...(isNote ? noteParts(data, t) : summaryParts(data, t)));
  if (data.status === "valid") {
    const button = el("button", "copy", t("journal.copy"));
    button.type = "button";
    button.id = "copy";
    const said = el("p", "note copied");
    said.id = "copied";
    said.setAttribute("role", "status");
    button.addEventListener("click", () => copy(said));
    container.append(button, said);
  }
  const blocks = isNote
    ? Object.entries(data.sections).map(([key, entries]) => [key, section(key, entries, t, "", false)])
    : summaryBlocks(data, t);
  container.append(columns(blocks));
}

// Where the browser refuses the clipboard: the text itself, to select and copy by hand.
export function showJournal(said, text, t) {
  said.textContent = t("journal.copy_failed");
  said.parentElement.querySelector("textarea.journal")?.remove();
  const box = el("textarea", "journal");
  box.readOnly = true;
  box.value = text;
  box.rows = Math.min(12, text.split("\n").length);
  box.setAttribute("aria-label", t("site.journal_heading"));
  said.after(box);
  box.select();
}
