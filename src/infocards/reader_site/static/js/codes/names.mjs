// The name rules of docs/FORMAT.md 5 (shared decision S2): a patient's name in a summary, and a
// signer's name and place in a note, are one line of plain text, or the code is refused.

export const MAX_NAME_LENGTH = 100; // Unicode code points
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const SPACE_SEPARATOR = /\p{Zs}/u;
// Separators the screens use between a signer's fields, and characters that look like them.
const SIGNER_SEPARATORS = new Set(["\u00b7", "\u0387", "\u2022", "\u2027", "\u2219", "\u22c5", "\u30fb", "\uff65"]);

/** Whether `text` satisfies the rules; `signer` adds the separators a signer's fields may not hold. */
export function nameIsAcceptable(text, { signer = false } = {}) {
  const points = [...text];
  if (points.length > MAX_NAME_LENGTH) return false;
  for (const char of points) {
    if (FORBIDDEN.test(char)) return false;
    if (char !== " " && SPACE_SEPARATOR.test(char)) return false;
    if (signer && SIGNER_SEPARATORS.has(char)) return false;
  }
  return !(text.startsWith(" ") || text.endsWith(" ") || text.includes("  "));
}

/** "patient name" when a summary's name breaks the rules, else null. */
export function patientNameProblem(name) {
  return nameIsAcceptable(name) ? null : "patient name";
}

/** "signer name" when a note's signer name or place breaks the rules, else null. */
export function signerFieldsProblem(name, place) {
  return nameIsAcceptable(name, { signer: true }) && nameIsAcceptable(place, { signer: true }) ? null : "signer name";
}
