// Professionals' notes carried inside an IC2 summary (docs/FORMAT.md 3.3).
import { fingerprint, verifyEd25519 } from "./crypto.mjs";
import { invalid } from "./errors.mjs";
import { VOCAB } from "./format-data.mjs";
import { signerFieldsProblem } from "./names.mjs";
import { coreBytes, signerJson } from "./note.mjs";
import { DIGEST_BYTES, SALT_BYTES, entryDigest, readRecord } from "./records.mjs";

/**
 * carried.read_notes: each note's fields from the body, its keys, salts and digests from `raw`;
 * `binding` is this summary's own ({ name, birth, keyFingerprint }). A note whose signature does
 * not check (or whose signer fields break the name rules) is kept with verified false.
 */
export async function readNotes(body, raw, binding, limit) {
  const notes = [];
  const count = body.uint();
  if (count > limit) throw invalid("note count");
  for (let n = 0; n < count; n += 1) {
    const issued = body.uint();
    const lifetime = body.uint();
    const name = body.text();
    const roleIndex = body.uint();
    if (roleIndex >= VOCAB.ROLES.length) throw invalid("vocabulary index");
    const place = body.text();
    const bound = body.uint();
    const total = body.uint();
    const shown = body.uint();
    if (!(shown > 0 && shown <= total && total <= limit) || bound > 1) throw invalid("entry count");
    const publicKey = raw.raw(32);
    const signature = raw.raw(64);
    const shared = [];
    for (let i = 0; i < shown; i += 1) {
      const index = body.uint();
      if (index >= total || (shared.length && index <= shared[shared.length - 1].index)) throw invalid("entry index");
      const salt = raw.raw(SALT_BYTES);
      shared.push({ index, salt, ...readRecord(body) });
    }
    const digests = [];
    let next = 0;
    for (let index = 0; index < total; index += 1) {
      if (next < shared.length && shared[next].index === index) {
        digests.push(await entryDigest(shared[next].salt, shared[next].canonical));
        next += 1;
      } else {
        digests.push(raw.raw(DIGEST_BYTES));
      }
    }
    const core = { issued, lifetime, publicKey, name, roleIndex, place, binding: bound ? binding : null, digests };
    // A signer's name or place that breaks the name rule is not shown as signed, even when the
    // signature holds (FORMAT.md 5.3): the summary stays readable, the note does not verify.
    let reason = signerFieldsProblem(name, place);
    if (!reason && !(await verifyEd25519(publicKey, coreBytes(core), signature))) reason = "signature";
    const keyFingerprint = await fingerprint(publicKey);
    const verified = reason === null;
    const withheld = total - shown;
    notes.push({
      issued,
      lifetime,
      core,
      fingerprint: keyFingerprint,
      verified,
      reason,
      signer: signerJson(core, keyFingerprint, { verified, withheld, reason }),
      records: shared.map((entry) => entry.record),
      indexes: shared.map((entry) => entry.index),
      withheld,
    });
  }
  return notes;
}
