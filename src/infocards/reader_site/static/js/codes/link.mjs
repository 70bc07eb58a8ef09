// Codes as links (docs/FORMAT.md 7, shared decision S1): READER_URL#DIGITS is another spelling
// of the text form. DIGITS = kind (1 = IC, 2 = IN) | version (2 digits) | the code's bytes in
// decimal: 17 digits per 7 bytes, D(k) digits for a last chunk of k bytes.
import { b45encode } from "./base45.mjs";
import { invalid, notInfocards } from "./errors.mjs";

export const CHUNK_BYTES = 7;
export const CHUNK_DIGITS = 17;
// digits of a last chunk of k bytes: ceil(8k * log10 2)
export const LAST_CHUNK_DIGITS = Object.freeze({ 1: 3, 2: 5, 3: 8, 4: 10, 5: 13, 6: 15 });
const BYTES_OF_DIGITS = new Map(Object.entries(LAST_CHUNK_DIGITS).map(([k, d]) => [d, Number(k)]));
const KINDS = { 1: "IC", 2: "IN" };
const LINK_START = /^https?:\/\//i;
const FRAGMENT = /^[12][0-9]{2}[0-9]*$/;

/** Whether the (cleaned) text is a link: http:// or https:// (any case) and a "#" after it.
 * Anything else is read as a text form (a web address without "#" is then not_infocards). */
export function isLink(text) {
  return LINK_START.test(text) && text.includes("#");
}

/** The bytes that the digits N carry; refuses "digits length" and "digits overflow". */
export function digitsToBytes(digits) {
  const rest = digits.length % CHUNK_DIGITS;
  if (rest !== 0 && !BYTES_OF_DIGITS.has(rest)) throw invalid("digits length", "digits");
  const out = [];
  const chunk = (text, size) => {
    let value = BigInt(text);
    if (value >= 1n << BigInt(8 * size)) throw invalid("digits overflow", "digits");
    const bytes = new Array(size);
    for (let i = size - 1; i >= 0; i -= 1) {
      bytes[i] = Number(value & 0xffn);
      value >>= 8n;
    }
    out.push(...bytes);
  };
  const full = digits.length - rest;
  for (let i = 0; i < full; i += CHUNK_DIGITS) chunk(digits.slice(i, i + CHUNK_DIGITS), CHUNK_BYTES);
  if (rest) chunk(digits.slice(full), BYTES_OF_DIGITS.get(rest));
  return Uint8Array.from(out);
}

/** Bytes as the digits N (what a writer puts after kind and version). */
export function bytesToDigits(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; i += CHUNK_BYTES) {
    const part = bytes.subarray(i, i + CHUNK_BYTES);
    let value = 0n;
    for (const byte of part) value = (value << 8n) | BigInt(byte);
    const width = part.length === CHUNK_BYTES ? CHUNK_DIGITS : LAST_CHUNK_DIGITS[part.length];
    out += value.toString().padStart(width, "0");
  }
  return out;
}

/**
 * The text form of a cleaned link ("IC1:" + base45 ...); refuses a link that is no infocards
 * code (not_infocards) and digits that cannot be bytes (invalid).
 */
export function linkToText(link) {
  if (!isLink(link)) throw notInfocards("link");
  const fragment = link.slice(link.indexOf("#") + 1);
  if (!FRAGMENT.test(fragment)) throw notInfocards("link");
  const prefix = `${KINDS[fragment[0]]}${Number(fragment.slice(1, 3))}:`;
  return prefix + b45encode(digitsToBytes(fragment.slice(3)));
}
