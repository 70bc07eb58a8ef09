// The patient's summary, IC1 and IC2 (docs/FORMAT.md 2 and 3).
import { BodyReader, ByteReader, unzigzag } from "./bytes.mjs";
import { readNotes } from "./carried.mjs";
import { fingerprint, fingerprintBytes } from "./crypto.mjs";
import { BIRTH_EPOCH, dayOf, isoDate } from "./dates.mjs";
import { atStage, invalid } from "./errors.mjs";
import { ENTRY_FIELDS, SECTION_KEYS, VOCAB } from "./format-data.mjs";
import { inflateWithDictionary } from "./inflate.mjs";
import { patientNameProblem } from "./names.mjs";
import { openSigned } from "./signed.mjs";

const MIN_LENGTH = 5 + 1 + 32 + 64;
const PLAN_GOAL_KINDS = ["plan", "goal"];
const OPTIONAL_TEXT = new Set(["code", "card", "professional"]);
const ENUMS = { role: "ROLES", from_role: "ROLES", to_role: "ROLES", kind: "FINDING_KINDS", effect: "EFFECTS" };
const STATUSES = { referrals: "REFERRAL_STATUSES", goal: "GOAL_STATUSES", work: "WORK_STATUSES" };

function word(vocabulary, index) {
  if (index >= vocabulary.length) throw invalid("vocabulary index");
  return vocabulary[index];
}

function readEntry(src, section, issueDay, version) {
  let head = src.uint();
  let changed = false;
  if (version >= 2) {
    changed = Boolean(Math.floor(head / 4) % 2);
    head %= 4;
  }
  const source = head % 2;
  const kindBit = Math.floor(head / 2);
  let kind = section;
  if (section === "plan_goals") kind = word(PLAN_GOAL_KINDS, kindBit);
  else if (kindBit) throw invalid("entry kind");
  const entry = { source: VOCAB.SOURCES[source] };
  const days = src.uint();
  const start = days === 0 ? null : issueDay - unzigzag(days - 1);
  entry.date = start === null ? null : isoDate(start);
  for (const name of ENTRY_FIELDS[kind].slice(2)) {
    if (name === "end") {
      const value = src.uint();
      entry[name] = value === 0 ? null : isoDate((start || issueDay) + unzigzag(value - 1));
    } else if (name === "hours_per_week") {
      const value = src.uint();
      entry[name] = value === 0 ? null : (value - 1) / 10;
    } else if (name in ENUMS || name === "status") {
      entry[name] = word(VOCAB[name === "status" ? STATUSES[kind] : ENUMS[name]], src.uint());
    } else {
      const text = src.text();
      entry[name] = text || !OPTIONAL_TEXT.has(name) ? text : null;
    }
  }
  const out = {};
  for (const name of ENTRY_FIELDS[kind]) out[name] = entry[name];
  if (changed) out.changed = true;
  return out;
}

/** summary_code.decode_body; `raw` (a ByteReader) for format 2, else null. */
async function decodeBody(data, issueDay, raw, publicKey) {
  const version = raw === null ? 1 : 2;
  const src = new BodyReader(data);
  const mask = src.uint();
  if (mask >= 2 ** SECTION_KEYS.length) throw invalid("unknown section");
  const sections = SECTION_KEYS.filter((_, i) => Math.floor(mask / 2 ** i) % 2 === 1);
  const name = src.text();
  const birth = src.uint();
  const role = src.uint();
  const toRole = role === 0 ? null : word(VOCAB.ROLES, role - 1);
  const bounds = [src.uint(), src.uint()];
  const period = bounds.map((v) => (v === 0 ? null : isoDate(issueDay - unzigzag(v - 1))));
  const entries = {};
  for (const key of sections) {
    const count = src.uint();
    if (count > data.length) throw invalid("entry count");
    entries[key] = [];
    for (let i = 0; i < count; i += 1) entries[key].push(readEntry(src, key, issueDay, version));
  }
  const omitted = {};
  const pairs = src.uint();
  for (let i = 0; i < pairs; i += 1) {
    const index = src.uint();
    const count = src.uint();
    omitted[word(SECTION_KEYS, index)] = count;
  }
  const birthDate = birth === 0 ? null : isoDate(BIRTH_EPOCH + birth - 1);
  let notes = [];
  if (raw !== null) {
    const binding = { name, birth, keyFingerprint: await fingerprintBytes(publicKey) };
    notes = await readNotes(src, raw, binding, data.length);
    const dropped = src.uint();
    if (dropped) omitted.notes = dropped;
    if (!raw.atEnd()) throw invalid("trailing bytes");
  }
  if (!src.atEnd()) throw invalid("trailing bytes");
  const problem = patientNameProblem(name);
  if (problem) throw invalid(problem, "names"); // FORMAT.md 5.3: once the whole body is read
  return { name, birthDate, sections, entries, toRole, period, omitted, notes };
}

/**
 * Checks and decodes a summary of format `version` (1 or 2) from the text after its prefix.
 * Returns { kind: "summary", issued, lifetime, publicKey, fingerprint, summary }.
 */
export async function openSummary(version, base45) {
  const { src, issued, lifetime, publicKey } = await openSigned(`IC${version}:`, version, base45, MIN_LENGTH);
  const raw = version === 2 ? await atStage("body", () => new ByteReader(src.raw(src.uint()))) : null;
  const deflated = src.rest();
  const body = await atStage("decompress", () => inflateWithDictionary(deflated));
  const summary = await atStage("body", () => decodeBody(body, dayOf(issued), raw, publicKey));
  return { kind: "summary", issued, lifetime, publicKey, fingerprint: await fingerprint(publicKey), summary };
}
