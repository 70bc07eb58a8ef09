// Raw DEFLATE with the preset dictionary (docs/FORMAT.md 1.7) through DecompressionStream.
//
// DecompressionStream takes no preset dictionary, so the dictionary goes in front as a stored,
// non-final DEFLATE block and its bytes are dropped from the output: the window then holds the
// dictionary exactly as zlib's preset dictionary does.
import { invalid } from "./errors.mjs";
import { concatBytes, utf8 } from "./bytes.mjs";
import { PRESET_DICTIONARY_TEXT } from "./format-data.mjs";

export const MAX_BODY = 64 * 1024; // packing._MAX_BODY: a body is a few KiB; refuse zip bombs
export const PRESET_DICTIONARY = utf8(PRESET_DICTIONARY_TEXT);

/** The 5 bytes of a stored, non-final block of `length` bytes (BFINAL 0, BTYPE 00). */
export function storedBlockHeader(length) {
  const inverse = length ^ 0xffff;
  return Uint8Array.of(0x00, length & 0xff, length >> 8, inverse & 0xff, inverse >> 8);
}

const PREFIX = concatBytes(storedBlockHeader(PRESET_DICTIONARY.length), PRESET_DICTIONARY);

/**
 * Inflates `stream` (whole raw DEFLATE data) keeping at most `limit` output bytes.
 * Returns { ok: true, output } when the stream reaches its final block, { ok: false } when it
 * is broken or cut short, { ok: true, over: true } when the output passes `limit`.
 */
async function inflateRaw(stream, limit) {
  const inflater = new DecompressionStream("deflate-raw");
  const writer = inflater.writable.getWriter();
  writer.write(stream).catch(() => {});
  writer.close().catch(() => {});
  const reader = inflater.readable.getReader();
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        reader.cancel().catch(() => {});
        return { ok: true, over: true };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false };
  }
  return { ok: true, output: concatBytes(...chunks) };
}

/**
 * The body that `deflated` holds, as packing.decompress gives it: refused ("compressed body")
 * when the stream does not inflate, stops before its final block, has bytes after its end, or
 * inflates to more than 64 KiB.
 */
export async function inflateWithDictionary(deflated) {
  const limit = PRESET_DICTIONARY.length + MAX_BODY;
  const whole = await inflateRaw(concatBytes(PREFIX, deflated), limit);
  if (!whole.ok || whole.over) throw invalid("compressed body");
  // Some inflaters (Node's) ignore bytes after the final block. The stream ends in its last
  // byte exactly when it no longer inflates without that byte; else that byte is left over.
  if (deflated.length > 0) {
    const shorter = await inflateRaw(concatBytes(PREFIX, deflated.subarray(0, deflated.length - 1)), limit);
    if (shorter.ok) throw invalid("compressed body");
  }
  return whole.output.subarray(PRESET_DICTIONARY.length);
}
