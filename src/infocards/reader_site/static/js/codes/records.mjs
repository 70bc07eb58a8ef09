// A professional's record in positional form and its salted digest (docs/FORMAT.md 4.3).
import { CanonicalWriter, concatBytes, unzigzag, utf8 } from "./bytes.mjs";
import { sha256 } from "./crypto.mjs";
import { BIRTH_EPOCH, isoDate } from "./dates.mjs";
import { invalid } from "./errors.mjs";
import { NOTE_TYPES, RECORD_FIELDS, VOCAB } from "./format-data.mjs";

export const SALT_BYTES = 16;
export const DIGEST_BYTES = 16;
const ENTRY_DOMAIN = utf8("infocards entry\0");

/**
 * record_codec.read_record: { record, canonical } from `src` (a BodyReader, or anything with
 * uint() and text()). `canonical` is the record's canonical bytes (varints, length-prefixed
 * texts), written from the values read, as record_codec.canonical_bytes writes them.
 */
export function readRecord(src) {
  const canon = new CanonicalWriter();
  const typeIndex = src.uint();
  if (typeIndex >= NOTE_TYPES.length) throw invalid("record type");
  const type = NOTE_TYPES[typeIndex];
  const days = src.uint();
  const start = BIRTH_EPOCH + days;
  const record = { type, date: isoDate(start) };
  canon.uint(typeIndex);
  canon.uint(days);
  for (const [name, kind] of RECORD_FIELDS[type]) {
    if (typeof kind === "object") {
      const words = VOCAB[kind.vocab];
      const index = src.uint();
      if (index >= words.length) throw invalid("vocabulary index");
      record[name] = words[index];
      canon.uint(index);
    } else if (kind === "date") {
      const value = src.uint();
      if (value) record[name] = isoDate(start + unzigzag(value - 1));
      canon.uint(value);
    } else if (kind === "hours") {
      const value = src.uint();
      if (value) record[name] = (value - 1) / 10; // tenths of an hour: 37 or 37.5
      canon.uint(value);
    } else {
      const text = src.text();
      if (text || kind === "blank") record[name] = text;
      canon.text(text);
    }
  }
  return { record, canonical: canon.bytes() };
}

/** SHA-256("infocards entry" NUL | salt | canonical bytes), first 16 bytes. */
export async function entryDigest(salt, canonical) {
  return (await sha256(concatBytes(ENTRY_DOMAIN, salt, canonical))).subarray(0, DIGEST_BYTES);
}
