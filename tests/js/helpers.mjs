// Shared by the Node tests: the vectors, hex, and the read result without presentation fields.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const VECTORS_DIR = join(ROOT, "docs", "format", "vectors");
export const CODES = join(ROOT, "src", "infocards", "reader_site", "static", "js", "codes");

export function vectors() {
  return readdirSync(VECTORS_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(VECTORS_DIR, name), "utf8")));
}

export function fromHex(hex) {
  return Uint8Array.from(hex.match(/../g) || [], (pair) => parseInt(pair, 16));
}

export function toHex(bytes) {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

// The reader's own words and memory, which the JavaScript reader leaves to the page (spec S3).
const PRESENTATION = new Set(["status_label", "message", "card_title", "listed", "key_seen", "title", "details",
  "omitted_note"]);

export function withoutPresentation(value) {
  if (Array.isArray(value)) return value.map(withoutPresentation);
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const [key, item] of Object.entries(value)) {
    if (PRESENTATION.has(key) || key.endsWith("_label")) continue;
    out[key] = withoutPresentation(item);
  }
  return out;
}
