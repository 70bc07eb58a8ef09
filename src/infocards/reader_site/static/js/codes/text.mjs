// Text rules shared by the readers: Python's whitespace (str.isspace, str.strip) and the clean-up
// of a code's text (docs/FORMAT.md 1.1: leading whitespace, trailing CR, LF, TAB and NUL go).
import { PY_WHITESPACE } from "./format-data.mjs";

const PY_SPACE = new Set(PY_WHITESPACE);

export function isPySpace(char) {
  return char.length === 1 && PY_SPACE.has(char.charCodeAt(0));
}

export function pyLstrip(text) {
  let start = 0;
  while (start < text.length && PY_SPACE.has(text.charCodeAt(start))) start += 1;
  return text.slice(start);
}

export function pyStrip(text) {
  let end = text.length;
  while (end > 0 && PY_SPACE.has(text.charCodeAt(end - 1))) end -= 1;
  return pyLstrip(text.slice(0, end));
}

const TRAILING = new Set(["\r", "\n", "\t", "\0"]);

/** packing.clean_text: leading whitespace and trailing line ends go; trailing spaces stay. */
export function cleanText(text) {
  let out = pyLstrip(text);
  let end = out.length;
  while (end > 0 && TRAILING.has(out[end - 1])) end -= 1;
  return out.slice(0, end);
}

/** optional_text of codes/payload.py: a text that is there (not blank), else null. */
export function optionalText(value) {
  return typeof value === "string" && pyStrip(value) ? value : null;
}

/** Whether a code point lies in one of `ranges` ([first, last] pairs in order: format-data.mjs). */
export function inRanges(codePoint, ranges) {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [first, last] = ranges[middle];
    if (codePoint < first) high = middle - 1;
    else if (codePoint > last) low = middle + 1;
    else return true;
  }
  return false;
}
