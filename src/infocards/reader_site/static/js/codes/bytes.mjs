// Varints, zigzag and the two-stream body (docs/FORMAT.md 1.3-1.5).
import { invalid } from "./errors.mjs";

const MAX_VARINT_BYTES = 5; // 35 bits

export function zigzag(value) {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}

export function unzigzag(value) {
  return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const ENCODER = new TextEncoder();

export function utf8(text) {
  return ENCODER.encode(text);
}

export function decodeUtf8(bytes) {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw invalid("text is not UTF-8");
  }
}

export function concatBytes(...parts) {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let pos = 0;
  for (const part of parts) {
    out.set(part, pos);
    pos += part.length;
  }
  return out;
}

/** Reads unsigned varints (at most 5 bytes) and raw bytes; malformed input is refused. */
export class ByteReader {
  constructor(data) {
    this.data = data;
    this.pos = 0;
  }

  uint() {
    let value = 0;
    for (let shift = 0; shift < 7 * MAX_VARINT_BYTES; shift += 7) {
      if (this.pos >= this.data.length) throw invalid("truncated");
      const byte = this.data[this.pos++];
      value += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return value;
    }
    throw invalid("number too long");
  }

  raw(length) {
    if (this.pos + length > this.data.length) throw invalid("truncated");
    const out = this.data.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  rest() {
    return this.raw(this.data.length - this.pos);
  }

  atEnd() {
    return this.pos === this.data.length;
  }
}

/** varint(len(numbers)) | numbers | NUL-ended UTF-8 texts (BodyWriter's layout). */
export class BodyReader {
  constructor(data) {
    const head = new ByteReader(data);
    this.numbers = new ByteReader(head.raw(head.uint()));
    const texts = head.rest();
    this.texts = [];
    let start = 0;
    for (let i = 0; i < texts.length; i += 1) {
      if (texts[i] === 0) {
        this.texts.push(texts.subarray(start, i));
        start = i + 1;
      }
    }
    if (start !== texts.length) throw invalid("unterminated text");
    this.nextText = 0;
  }

  uint() {
    return this.numbers.uint();
  }

  text() {
    if (this.nextText >= this.texts.length) throw invalid("truncated");
    return decodeUtf8(this.texts[this.nextText++]);
  }

  atEnd() {
    return this.numbers.atEnd() && this.nextText === this.texts.length;
  }
}

/** Varints and length-prefixed texts in one stream (signed structures, FORMAT.md 1.5). */
export class CanonicalWriter {
  constructor() {
    this.parts = [];
  }

  uint(value) {
    const out = [];
    let rest = value;
    for (;;) {
      const low = rest % 128;
      rest = Math.floor(rest / 128);
      if (rest) out.push(low | 0x80);
      else {
        out.push(low);
        break;
      }
    }
    this.parts.push(Uint8Array.from(out));
  }

  raw(bytes) {
    this.parts.push(bytes);
  }

  text(value) {
    const data = utf8(value || "");
    this.uint(data.length);
    this.raw(data);
  }

  bytes() {
    return concatBytes(...this.parts);
  }
}
