// Base45 (RFC 9285, docs/FORMAT.md 1.2): bytes as characters of the QR alphanumeric mode.
import { invalid } from "./errors.mjs";

export const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
const VALUES = new Map([...ALPHABET].map((char, index) => [char, index]));

export function b45encode(bytes) {
  let out = "";
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let value = bytes[i] * 256 + bytes[i + 1];
    const c = value % 45;
    value = (value - c) / 45;
    out += ALPHABET[c] + ALPHABET[value % 45] + ALPHABET[Math.floor(value / 45)];
  }
  if (bytes.length % 2) {
    const last = bytes[bytes.length - 1];
    out += ALPHABET[last % 45] + ALPHABET[Math.floor(last / 45)];
  }
  return out;
}

/** Inverse of b45encode; refuses a foreign character, a bad length or an overflow. */
export function b45decode(text) {
  const values = [];
  for (const char of text) {
    const value = VALUES.get(char);
    if (value === undefined) throw invalid("character outside base45");
    values.push(value);
  }
  if (values.length % 3 === 1) throw invalid("base45 length");
  const out = new Uint8Array(Math.floor(values.length / 3) * 2 + (values.length % 3 === 2 ? 1 : 0));
  let pos = 0;
  for (let i = 0; i < values.length; i += 3) {
    if (i + 2 < values.length) {
      const value = values[i] + values[i + 1] * 45 + values[i + 2] * 2025;
      if (value > 0xffff) throw invalid("base45 overflow");
      out[pos++] = value >> 8;
      out[pos++] = value & 0xff;
    } else {
      const value = values[i] + values[i + 1] * 45;
      if (value > 0xff) throw invalid("base45 overflow");
      out[pos++] = value;
    }
  }
  return out;
}
