// The name rule of docs/FORMAT.md 5.3 (shared decision S2): a patient's name in a summary, the
// name a note is bound to, and a signer's name and place are one line of plain text, or the code
// (or the carried note) is refused. The characters refused are a table generated from Python's
// Unicode database (format-data.mjs), not the browser's own: every reader refuses the same ones.
import { NAME_FORBIDDEN_RANGES, NAME_MAX, SIGNER_SEPARATORS } from "./format-data.mjs";
import { inRanges } from "./text.mjs";

export const MAX_NAME_LENGTH = NAME_MAX; // Unicode code points
const SEPARATORS = new Set(SIGNER_SEPARATORS);

/** Whether one code point is of category Cc, Cf, Cs, Zl, Zp, or Zs other than U+0020. */
export function isForbiddenInName(codePoint) {
  return inRanges(codePoint, NAME_FORBIDDEN_RANGES);
}

/** Whether `text` satisfies the rule; `signer` adds the separators a signer's fields may not hold. */
export function nameIsAcceptable(text, { signer = false } = {}) {
  const points = [...text];
  if (points.length > MAX_NAME_LENGTH) return false;
  for (const char of points) {
    if (isForbiddenInName(char.codePointAt(0))) return false;
    if (signer && SEPARATORS.has(char)) return false;
  }
  return !(text.startsWith(" ") || text.endsWith(" ") || text.includes("  "));
}

/** "patient name" when a summary's (or a note's bound) name breaks the rule, else null. */
export function patientNameProblem(name) {
  return nameIsAcceptable(name) ? null : "patient name";
}

/** "signer name" when a note's signer name or place breaks the rule, else null. */
export function signerFieldsProblem(name, place) {
  return nameIsAcceptable(name, { signer: true }) && nameIsAcceptable(place, { signer: true }) ? null : "signer name";
}
