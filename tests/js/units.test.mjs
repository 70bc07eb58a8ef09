// Unit tests of the JavaScript reader's building blocks: base45, varints, the dictionary trick,
// the name rules, links, and the refusals that need no vector.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import zlib from "node:zlib";
import { CODES, fromHex, toHex, vectors, withoutPresentation } from "./helpers.mjs";

const { b45decode, b45encode } = await import(`${CODES}/base45.mjs`);
const { BodyReader, ByteReader, CanonicalWriter, unzigzag, zigzag } = await import(`${CODES}/bytes.mjs`);
const { MAX_BODY, PRESET_DICTIONARY, inflateWithDictionary, storedBlockHeader } = await import(`${CODES}/inflate.mjs`);
const data = await import(`${CODES}/format-data.mjs`);
const { nameIsAcceptable, patientNameProblem, signerFieldsProblem } = await import(`${CODES}/names.mjs`);
const { bytesToDigits, digitsToBytes, linkToText } = await import(`${CODES}/link.mjs`);
const { inspectCode, readCode } = await import(`${CODES}/read.mjs`);
const { isoDate } = await import(`${CODES}/dates.mjs`);
const { fingerprintText } = await import(`${CODES}/crypto.mjs`);

const enc = (text) => new TextEncoder().encode(text);
const dec = (bytes) => new TextDecoder().decode(bytes);

async function refusal(fn) {
  try {
    await fn();
  } catch (error) {
    return error.reason;
  }
  assert.fail("not refused");
}

test("base45: the examples of RFC 9285 both ways", () => {
  for (const [plain, coded] of [["AB", "BB8"], ["Hello!!", "%69 VD92EX0"], ["base-45", "UJCLQE7W581"], ["ietf!", "QED8WEX0"]]) {
    assert.equal(b45encode(enc(plain)), coded);
    assert.equal(dec(b45decode(coded)), plain);
  }
  assert.equal(b45encode(new Uint8Array()), "");
});

test("base45: a foreign character, a bad length and an overflow have their reason words", async () => {
  assert.equal(await refusal(() => b45decode("BB8a")), "character outside base45");
  assert.equal(await refusal(() => b45decode("BB8\u0661")), "character outside base45");
  assert.equal(await refusal(() => b45decode("BB8B")), "base45 length");
  assert.equal(await refusal(() => b45decode(":::")), "base45 overflow");
  assert.equal(await refusal(() => b45decode("::")), "base45 overflow");
  assert.deepEqual([...b45decode("FGW")], [255, 255]);
  assert.deepEqual([...b45decode("U5")], [255]);
});

test("varints: the examples of FORMAT.md 1.3, a long form, and the two refusals", async () => {
  for (const [value, hex] of [[0, "00"], [127, "7f"], [128, "8001"], [1800, "880e"], [2 ** 35 - 1, "ffffffff7f"]]) {
    const out = new CanonicalWriter();
    out.uint(value);
    assert.equal(toHex(out.bytes()), hex);
    assert.equal(new ByteReader(fromHex(hex)).uint(), value);
  }
  assert.equal(new ByteReader(fromHex("8000")).uint(), 0);
  assert.equal(await refusal(() => new ByteReader(fromHex("ffffffffff01")).uint()), "number too long");
  assert.equal(await refusal(() => new ByteReader(fromHex("80")).uint()), "truncated");
  assert.equal(await refusal(() => new ByteReader(fromHex("0102")).raw(3)), "truncated");
});

test("zigzag and its inverse", () => {
  for (const [signed, unsigned] of [[0, 0], [-1, 1], [1, 2], [-2, 3], [1000, 2000], [-1000, 1999]]) {
    assert.equal(zigzag(signed), unsigned);
    assert.equal(unzigzag(unsigned), signed);
  }
});

test("the body's two streams: numbers, NUL-ended texts, and what is refused", async () => {
  const body = new BodyReader(Uint8Array.of(2, 5, 7, ...enc("a\u00e6"), 0, 0));
  assert.equal(body.uint(), 5);
  assert.equal(body.text(), "a\u00e6");
  assert.equal(body.atEnd(), false);
  assert.equal(body.uint(), 7);
  assert.equal(body.text(), "");
  assert.equal(body.atEnd(), true);
  assert.equal(await refusal(() => body.text()), "truncated");
  assert.equal(await refusal(() => new BodyReader(Uint8Array.of(0, 65))), "unterminated text");
  assert.equal(await refusal(() => new BodyReader(Uint8Array.of(0, 0xff, 0)).text()), "text is not UTF-8");
  assert.equal(await refusal(() => new BodyReader(Uint8Array.of(3, 1))), "truncated");
  // a BOM is a character of the text, not dropped
  assert.equal(new BodyReader(Uint8Array.of(0, 0xef, 0xbb, 0xbf, 0x41, 0)).text(), "\ufeffA");
});

test("the preset dictionary is the format's: 3615 bytes with the published SHA-256", () => {
  assert.equal(PRESET_DICTIONARY.length, 3615);
  assert.equal(PRESET_DICTIONARY.length, data.PRESET_DICTIONARY_LENGTH);
  assert.equal(createHash("sha256").update(PRESET_DICTIONARY).digest("hex"), data.PRESET_DICTIONARY_SHA256);
  assert.equal(data.PRESET_DICTIONARY_SHA256, "80d6704c83abf3bdeb36bf52abb5854bc12ffb54700894ee7150a14fdfb7967f");
  assert.equal(toHex(storedBlockHeader(PRESET_DICTIONARY.length)), "001f0ee0f1");
});

const deflate = (bytes, options = {}) =>
  new Uint8Array(zlib.deflateRawSync(bytes, { dictionary: Buffer.from(PRESET_DICTIONARY), ...options }));

test("the dictionary trick inflates what zlib wrote with the preset dictionary, copies from it included", async () => {
  const body = enc("Referred to spine centre. Straight leg raise (SLR) positive, lumbar-radiculopathy; sygemeldt.");
  const packed = deflate(body, { level: 9 });
  assert.ok(packed.length < body.length / 2, "the dictionary was used");
  assert.equal(dec(await inflateWithDictionary(packed)), dec(body));
  // the stream does refer back into the dictionary: without it, zlib itself cannot inflate it
  assert.throws(() => zlib.inflateRawSync(Buffer.from(packed)));
  assert.equal((await inflateWithDictionary(deflate(new Uint8Array()))).length, 0);
});

test("a stream cut short, with bytes after its end, broken, or empty is refused", async () => {
  const packed = deflate(enc("Acute low back pain, sick leave, physiotherapist"));
  assert.equal(await refusal(() => inflateWithDictionary(packed.subarray(0, packed.length - 1))), "compressed body");
  assert.equal(await refusal(() => inflateWithDictionary(Uint8Array.of(...packed, 0))), "compressed body");
  assert.equal(await refusal(() => inflateWithDictionary(Uint8Array.of(0xff, 0xff, 0xff))), "compressed body");
  assert.equal(await refusal(() => inflateWithDictionary(new Uint8Array())), "compressed body");
});

test("the output is capped at 64 KiB like Python's: exactly 64 KiB reads, one byte more is refused", async () => {
  assert.equal((await inflateWithDictionary(deflate(new Uint8Array(MAX_BODY)))).length, MAX_BODY);
  assert.equal(await refusal(() => inflateWithDictionary(deflate(new Uint8Array(MAX_BODY + 1)))), "compressed body");
  assert.equal(await refusal(() => inflateWithDictionary(deflate(new Uint8Array(50 * MAX_BODY)))), "compressed body");
});

test("day numbers become ISO dates; years outside 1-9999 are refused", async () => {
  assert.equal(isoDate(1), "0001-01-01");
  assert.equal(isoDate(719163), "1970-01-01");
  assert.equal(isoDate(739592), "2025-12-07");
  assert.equal(isoDate(693596 + 59), "1900-03-01");
  assert.equal(isoDate(730179), "2000-02-29");
  assert.equal(isoDate(3652059), "9999-12-31");
  assert.equal(await refusal(() => isoDate(0)), "date out of range");
  assert.equal(await refusal(() => isoDate(3652060)), "date out of range");
});

test("a fingerprint is 10 bytes in base32, four groups of four", () => {
  assert.equal(fingerprintText(new Uint8Array(10)), "AAAA-AAAA-AAAA-AAAA");
  assert.equal(fingerprintText(new Uint8Array(10).fill(255)), "7777-7777-7777-7777");
});

test("name rules: what a patient's name and a signer's fields may hold (S2)", () => {
  for (const good of ["", "Anna Jensen", "Søren Ørsted-Ågård", "Dr. O'Brien", "李小龍", "a".repeat(100), "\u{1F600}".repeat(100)]) {
    assert.ok(nameIsAcceptable(good), good);
    assert.ok(nameIsAcceptable(good, { signer: true }), good);
  }
  const bad = ["a".repeat(101), "\u{1F600}".repeat(101), " Anna", "Anna ", "Anna  Jensen", "Anna\tJensen", "Anna\nJensen",
    "Anna\u0000", "Anna\u00a0Jensen", "Anna\u2003Jensen", "Anna\u200bJensen", "\u202eAnna", "Anna\u2028", "Anna\u2029",
    "Anna\u00ad", "Anna\ufeff", "Anna\u0085"];
  for (const name of bad) {
    assert.equal(nameIsAcceptable(name), false, JSON.stringify(name));
    assert.equal(patientNameProblem(name), "patient name");
    assert.equal(signerFieldsProblem(name, "FysioMidt"), "signer name");
    assert.equal(signerFieldsProblem("Mette Hansen", name), "signer name");
  }
  for (const separator of ["\u00b7", "\u0387", "\u2022", "\u2027", "\u2219", "\u22c5", "\u30fb", "\uff65"]) {
    assert.ok(nameIsAcceptable(`Mette ${separator} Hansen`), "a patient's name may hold it");
    assert.equal(signerFieldsProblem(`Mette ${separator} Hansen`, "FysioMidt"), "signer name");
    assert.equal(signerFieldsProblem("Mette Hansen", `Fysio${separator}Midt`), "signer name");
  }
  assert.equal(signerFieldsProblem("Mette Hansen", "FysioMidt"), null);
  assert.equal(patientNameProblem("Anna Jensen"), null);
});

test("link digits: 17 digits per 7 bytes, D(k) for a last chunk, both ways", async () => {
  const widths = { 0: 0, 1: 3, 2: 5, 3: 8, 4: 10, 5: 13, 6: 15, 7: 17, 8: 20, 14: 34, 15: 37 };
  for (const [size, digits] of Object.entries(widths)) {
    const bytes = Uint8Array.from({ length: Number(size) }, (_, i) => 255 - i);
    const text = bytesToDigits(bytes);
    assert.equal(text.length, digits);
    assert.deepEqual([...digitsToBytes(text)], [...bytes]);
    const zeros = new Uint8Array(Number(size));
    assert.equal(bytesToDigits(zeros), "0".repeat(digits));
  }
  assert.equal(bytesToDigits(Uint8Array.of(255)), "255");
  assert.equal(bytesToDigits(Uint8Array.of(1, 0)), "00256");
  assert.equal(bytesToDigits(new Uint8Array(7).fill(255)), "72057594037927935");
  for (const length of [1, 2, 4, 6, 7, 9, 11, 12, 14, 16, 18]) {
    assert.equal(await refusal(() => digitsToBytes("1".repeat(length))), "digits length", `length ${length}`);
  }
  assert.equal(await refusal(() => digitsToBytes("256")), "digits overflow");
  assert.equal(await refusal(() => digitsToBytes("72057594037927936")), "digits overflow");
  assert.equal(await refusal(() => digitsToBytes("00000000000000000" + "99999")), "digits overflow");
  assert.deepEqual([...digitsToBytes("65535")], [255, 255]);
});

const ALL = vectors();
const byName = Object.fromEntries(ALL.map((v) => [v.name, v]));

function asLink(code, address = "https://infocards.example.dk/laes/") {
  const match = /^I([CN])(\d+):/.exec(code);
  const bytes = b45decode(code.slice(match[0].length));
  return `${address}#${match[1] === "C" ? 1 : 2}${match[2].padStart(2, "0")}${bytesToDigits(bytes)}`;
}

test("a link reads as its text form: summaries of both formats and a note, any address", async () => {
  for (const name of ["format-ic1", "carried-two-notes", "note-bound", "expired", "tampered-body-signed"]) {
    const vector = byName[name];
    const now = new Date(vector.clock);
    const text = await inspectCode(vector.stages.code, { now });
    for (const address of ["https://infocards.example.dk/laes/", "HTTP://127.0.0.1:8000/x", "https://other.example/?q#"]) {
      const link = asLink(vector.stages.code, address.replace(/#$/, ""));
      assert.equal(linkToText(link), vector.stages.code);
      const read = await inspectCode(`  ${link}\r\n`, { now });
      assert.deepStrictEqual(read.read, text.read, `${name} at ${address}`);
      assert.equal(read.failsAt, text.failsAt);
    }
    assert.deepStrictEqual(withoutPresentation(vector.expected.read), await readCode(asLink(vector.stages.code), { now }));
  }
});

test("links: foreign or fragment-less links are not infocards; bad digits are invalid with their reason", async () => {
  const now = new Date(byName["format-ic1"].clock);
  const link = asLink(byName["format-ic1"].stages.code);
  const cases = [
    ["https://example.org/", { status: "not_infocards" }, "prefix"],
    ["https://example.org/page#section-2", { status: "not_infocards" }, "link"],
    ["https://example.org/#", { status: "not_infocards" }, "link"],
    ["https://example.org/#10", { status: "not_infocards" }, "link"],
    ["https://example.org/#301000", { status: "not_infocards" }, "link"],
    [`${link} `, { status: "not_infocards" }, "link"],
    [link.replace("#1", "#\u0661"), { status: "not_infocards" }, "link"],
    ["ftp://example.org/#101000", { status: "not_infocards" }, "prefix"],
    [`${link}0`, { status: "invalid", reason: "digits length" }, "digits"],
    ["https://x.example/#1019999", { status: "invalid", reason: "digits length" }, "digits"],
    ["https://x.example/#101999", { status: "invalid", reason: "digits overflow" }, "digits"],
    [link.replace("#101", "#100"), { status: "invalid" }, "prefix"],
    [link.replace("#101", "#103"), { status: "invalid" }, "prefix"],
    [link.replace("#101", "#201"), { status: "invalid", reason: "signature" }, "signature"],
    [link.replace("#101", "#102"), { status: "invalid", reason: "too short" }, "header"],
  ];
  for (const [text, read, stage] of cases) {
    const got = await inspectCode(text, { now });
    assert.deepStrictEqual(got.read, read, text.slice(0, 60));
    assert.equal(got.failsAt, stage, text.slice(0, 60));
  }
});

test("text refusals that need no vector: empty, too large, look-alike prefixes, other versions", async () => {
  const code = byName["format-ic1"].stages.code;
  const now = new Date(byName["format-ic1"].clock);
  const rest = code.slice(4);
  const cases = [
    ["", { status: "not_infocards" }],
    [" \t\r\n\u3000", { status: "not_infocards" }],
    ["hello", { status: "not_infocards" }],
    ["IC1234:" + rest, { status: "not_infocards" }],
    ["ic1:" + rest, { status: "not_infocards" }],
    ["IC01:" + rest, { status: "invalid", reason: "prefix" }],
    ["IC\u0661:" + rest, { status: "invalid", reason: "prefix" }],
    ["IC3:" + rest, { status: "invalid" }],
    ["IC0:" + rest, { status: "invalid" }],
    ["IN2:" + rest, { status: "invalid" }],
    ["IN01:" + rest, { status: "invalid" }],
    ["IN1:" + rest, { status: "invalid", reason: "signature" }],
    ["IC2:" + rest, { status: "invalid", reason: "too short" }],
    [code + " ", { status: "invalid", reason: "base45 overflow" }],
    [code + "  ", { status: "invalid", reason: "base45 length" }],
    [code + "\u00a0", { status: "invalid", reason: "character outside base45" }],
    [code + "A".repeat(64 * 1024), { status: "not_infocards" }],
    [12345, { status: "not_infocards" }],
  ];
  for (const [text, read] of cases) assert.deepStrictEqual(await readCode(text, { now }), read, String(text).slice(0, 12));
  // leading whitespace of any kind and trailing line ends are cleaned off
  const valid = await readCode(`\u2003\n ${code}\r\n\t\u0000`, { now });
  assert.equal(valid.status, "valid");
  // a BOM is no whitespace to Python: not an infocards code
  assert.deepStrictEqual(await readCode(`\ufeff${code}`, { now }), { status: "not_infocards" });
});

test("the clock: a Date or milliseconds, the real clock when none is given", async () => {
  const vector = byName["format-ic1"];
  const ms = Date.parse(vector.clock);
  assert.equal((await readCode(vector.stages.code, { now: ms })).status, "valid");
  assert.equal((await readCode(vector.stages.code)).status, Date.now() < Date.parse("2026-12-01T09:30:00Z") ? "valid" : "expired");
});
