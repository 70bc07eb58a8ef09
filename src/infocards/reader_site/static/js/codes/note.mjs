// A professional's note, IN1 (docs/FORMAT.md 4), and the note core the clinic key signs (4.2).
import { BodyReader, ByteReader, CanonicalWriter, utf8 } from "./bytes.mjs";
import { FINGERPRINT_BYTES, fingerprint, fingerprintText, verifyEd25519 } from "./crypto.mjs";
import { BIRTH_EPOCH, isoDate } from "./dates.mjs";
import { atStage, invalid } from "./errors.mjs";
import { VOCAB } from "./format-data.mjs";
import { inflateWithDictionary } from "./inflate.mjs";
import { patientNameProblem, signerFieldsProblem } from "./names.mjs";
import { SALT_BYTES, entryDigest, readRecord } from "./records.mjs";
import { openSigned } from "./signed.mjs";

export const MAX_NOTE_ENTRIES = 64;
const CORE_DOMAIN = utf8("infocards note core v1\0");
const MIN_LENGTH = 5 + 1 + 32 + 1 + 64 + 64;

/** Birth as written: 0 for none, else 1 + days since 1900-01-01; null or ISO date. */
export function birthDate(value) {
  return value === 0 ? null : isoDate(BIRTH_EPOCH + value - 1);
}

/**
 * NoteCore.signed_bytes. `core`: { issued, lifetime, publicKey, name, roleIndex, place,
 * binding: null | { name, birth (the number as written), keyFingerprint (10 bytes) }, digests }.
 */
export function coreBytes(core) {
  const out = new CanonicalWriter();
  out.raw(CORE_DOMAIN);
  out.uint(core.issued);
  out.uint(core.lifetime);
  out.raw(core.publicKey);
  out.text(core.name);
  out.uint(core.roleIndex);
  out.text(core.place);
  if (core.binding === null) out.uint(0);
  else {
    out.uint(1);
    out.text(core.binding.name);
    out.uint(core.binding.birth);
    out.raw(core.binding.keyFingerprint);
  }
  out.uint(core.digests.length);
  for (const digest of core.digests) out.raw(digest);
  return out.bytes();
}

/**
 * `signer` of --json (signed_view.signer_json, without `listed`): who the key says signed,
 * whether the note names a patient (`bound`), how many of its entries the patient did not share
 * (`withheld`), and why it is not verified (`reason`: "signature" or "signer name"; null if it is).
 */
export function signerJson(core, fingerprintValue, { verified, withheld = 0, reason = null }) {
  return {
    name: core.name,
    role: VOCAB.ROLES[core.roleIndex],
    place: core.place,
    fingerprint: fingerprintValue,
    verified,
    bound: core.binding !== null,
    withheld,
    reason: verified ? null : reason || "signature",
  };
}

/**
 * Checks and decodes an IN1 code's text after its prefix (`base45`): the code signature, the
 * body, the core signature. Returns the note; refuses with the stage that fails.
 */
export async function openNote(base45) {
  const { signed, src, issued, lifetime, publicKey } = await openSigned("IN1:", 1, base45, MIN_LENGTH, 64);
  const raw = await atStage("body", () => new ByteReader(src.raw(src.uint())));
  const deflated = src.rest();
  const body = await atStage("decompress", () => inflateWithDictionary(deflated));
  const note = await atStage("body", async () => {
    const reader = new BodyReader(body);
    const name = reader.text();
    const roleIndex = reader.uint();
    if (roleIndex >= VOCAB.ROLES.length) throw invalid("vocabulary index");
    const place = reader.text();
    const bound = reader.uint();
    let binding = null;
    if (bound) {
      const bindingName = reader.text();
      const birth = birthDate(bound - 1);
      binding = { name: bindingName, birth: bound - 1, birthDate: birth, keyFingerprint: raw.raw(FINGERPRINT_BYTES) };
    }
    const count = reader.uint();
    if (!(count > 0 && count <= MAX_NOTE_ENTRIES)) throw invalid("entry count");
    const read = [];
    for (let i = 0; i < count; i += 1) read.push(readRecord(reader));
    const salts = read.map(() => raw.raw(SALT_BYTES));
    if (!reader.atEnd() || !raw.atEnd()) throw invalid("trailing bytes");
    const digests = [];
    for (let i = 0; i < count; i += 1) digests.push(await entryDigest(salts[i], read[i].canonical));
    return { name, roleIndex, place, binding, records: read.map((r) => r.record), digests };
  });
  const core = { issued, lifetime, publicKey, ...note };
  const coreSignature = signed.subarray(signed.length - 64);
  if (!(await verifyEd25519(publicKey, coreBytes(core), coreSignature))) throw invalid("signature", "core_signature");
  // docs/FORMAT.md 5.3: the names are checked once the note verifies.
  const problem = signerFieldsProblem(note.name, note.place) || (note.binding && patientNameProblem(note.binding.name));
  if (problem) throw invalid(problem, "names");
  return {
    kind: "note",
    issued,
    lifetime,
    publicKey,
    fingerprint: await fingerprint(publicKey),
    core,
    records: note.records,
    writtenFor:
      note.binding === null
        ? null
        : { name: note.binding.name, birth_date: note.binding.birthDate, fingerprint: fingerprintText(note.binding.keyFingerprint) },
  };
}
