// Reading any code (a summary, a note, or either as a link) to what `infocards read --json`
// prints, without the reader's presentation fields (status_label, message, *_label, titles and
// details, card_title, listed, key_seen, omitted_note). docs/FORMAT.md 5; shared decision S3.
import { isoMoment } from "./dates.mjs";
import { Refused, invalid, notInfocards } from "./errors.mjs";
import { DECIMAL_DIGIT_RANGES, SECTION_KEYS } from "./format-data.mjs";
import { isLink, linkToText } from "./link.mjs";
import { openNote, signerJson } from "./note.mjs";
import { openSummary } from "./summary.mjs";
import { cleanText, inRanges } from "./text.mjs";
import { noteSections, summarySections } from "./view.mjs";

export const STATUSES = Object.freeze(["valid", "expired", "invalid", "not_infocards"]);
export const STATUS_EXIT_CODES = Object.freeze({ valid: 0, expired: 3, invalid: 4, not_infocards: 5 });
export const MAX_INPUT = 64 * 1024; // what the command line reads of a text file or stdin
export const MAX_LIFETIME_SECONDS = 30 * 24 * 3600;
export const CLOCK_ALLOWANCE_SECONDS = 5 * 60;

const CANONICAL_VERSION = /^(?:[1-9][0-9]{0,2}|0)$/;

/**
 * Python's re "IC(\\d{1,3}):" (or "IN"): the version's digits (any script's decimal digits, from
 * Python's Unicode database) and where the base45 starts, or null when the text does not match.
 */
function prefixOf(text, letters) {
  if (!text.startsWith(letters)) return null;
  let digits = "";
  let count = 0;
  for (const char of text.slice(letters.length, letters.length + 8)) {
    if (count === 4 || !inRanges(char.codePointAt(0), DECIMAL_DIGIT_RANGES)) break;
    digits += char;
    count += 1;
  }
  const end = letters.length + digits.length;
  if (count < 1 || count > 3 || text[end] !== ":") return null;
  return { digits, rest: text.slice(end + 1) };
}

function nowMillis(now) {
  if (now === undefined || now === null) return Date.now();
  if (now instanceof Date) return now.getTime();
  if (typeof now === "number") return now;
  throw new TypeError("now must be a Date or milliseconds since 1970");
}

async function open(text) {
  if (typeof text !== "string" || text.length > MAX_INPUT) throw notInfocards("prefix");
  let clean = cleanText(text);
  if (!clean) throw notInfocards("prefix");
  if (isLink(clean)) clean = linkToText(clean);
  const note = prefixOf(clean, "IN");
  if (note) {
    if (note.digits !== "1") throw invalid(null, "prefix");
    return openNote(note.rest);
  }
  const summary = prefixOf(clean, "IC");
  if (!summary) throw notInfocards("prefix");
  if (!CANONICAL_VERSION.test(summary.digits)) throw invalid("prefix", "prefix");
  const version = Number(summary.digits);
  if (version !== 1 && version !== 2) throw invalid(null, "prefix");
  return openSummary(version, summary.rest);
}

/** reader.read's time rules: lifetime first, then a code from the future, then expiry. */
function timeStatus(opened, nowMs) {
  if (opened.lifetime > MAX_LIFETIME_SECONDS) throw invalid("lifetime over 30 days", "lifetime");
  if (opened.issued * 1000 > nowMs + CLOCK_ALLOWANCE_SECONDS * 1000) throw invalid("issued in the future", "clock");
  return nowMs < (opened.issued + opened.lifetime) * 1000 ? "valid" : "expired";
}

function summaryJson(status, opened) {
  const summary = opened.summary;
  const { sections, omitted } = summarySections(summary);
  return {
    status,
    patient: { name: summary.name, birth_date: summary.birthDate },
    fingerprint: opened.fingerprint,
    issued_at: isoMoment(opened.issued),
    expires_at: isoMoment(opened.issued + opened.lifetime),
    expired: status === "expired",
    shown_to: summary.toRole,
    period: { from: summary.period[0], to: summary.period[1] },
    sections,
    omitted,
    not_shared: SECTION_KEYS.filter((key) => !summary.sections.includes(key)),
  };
}

function noteJson(status, opened) {
  const signer = signerJson(opened.core, opened.fingerprint, { verified: true });
  return {
    status,
    kind: "note",
    signer,
    issued_at: isoMoment(opened.issued),
    expires_at: isoMoment(opened.issued + opened.lifetime),
    expired: status === "expired",
    written_for: opened.writtenFor,
    records: opened.records.map((record) => ({ ...record, source: "professional" })),
    sections: noteSections(opened.records, signer),
  };
}

function refusedJson(refusal) {
  const out = { status: refusal.status };
  if (refusal.reason) out.reason = refusal.reason;
  return out;
}

/**
 * What a reader learns of `text` at `now` (a Date or milliseconds; the clock when absent):
 * { read, failsAt, code }. `read` is readCode's answer; `failsAt` the stage of
 * docs/format/vectors that refuses the code (null when valid, "expiry" when expired); `code`
 * the decoded code for a page to show more than --json has (carried notes' withheld counts,
 * notes left out), or null when nothing may be shown. Never throws on bad input.
 */
export async function inspectCode(text, { now } = {}) {
  const nowMs = nowMillis(now);
  let opened;
  let status;
  try {
    opened = await open(text);
    status = timeStatus(opened, nowMs);
  } catch (error) {
    if (error instanceof Refused) return { read: refusedJson(error), failsAt: error.stage, code: null };
    // A fault of this reader, not of the code: still no data shown, and no throw (S3). The tests
    // compare failsAt with Python's stages, so "error" fails them.
    return { read: { status: "invalid" }, failsAt: "error", code: null, error };
  }
  const read = opened.kind === "note" ? noteJson(status, opened) : summaryJson(status, opened);
  return { read, failsAt: status === "expired" ? "expiry" : null, code: opened };
}

/**
 * `infocards read TEXT --json` without the presentation fields: { status, ... } for a summary,
 * { status, kind: "note", ... } for a note, { status, reason? } for a refused code. Async;
 * refuses bad input with a status, never by throwing.
 */
export async function readCode(text, { now } = {}) {
  return (await inspectCode(text, { now })).read;
}
