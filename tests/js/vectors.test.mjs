// Every public test vector (docs/format/vectors) read by the JavaScript reader: the status, the
// reason word, the stage that refuses it and the read result of `infocards read --json`.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CODES, fromHex, toHex, vectors, withoutPresentation } from "./helpers.mjs";

const { inspectCode, readCode } = await import(`${CODES}/read.mjs`);
const { inflateWithDictionary } = await import(`${CODES}/inflate.mjs`);

const ALL = vectors();

test("the vectors are there", () => {
  assert.ok(ALL.length >= 40, `only ${ALL.length} vectors found`);
});

for (const vector of ALL) {
  test(`vector ${vector.name}`, async () => {
    const now = new Date(vector.clock);
    const { read, failsAt } = await inspectCode(vector.stages.code, { now });
    const expected = vector.expected;
    assert.equal(read.status, expected.status);
    assert.equal(read.reason ?? null, expected.reason);
    assert.equal(failsAt, expected.fails_at);
    assert.deepStrictEqual(read, withoutPresentation(expected.read));
    assert.deepStrictEqual(await readCode(vector.stages.code, { now }), read);
  });
}

for (const vector of ALL.filter((v) => v.stages.deflated_hex && v.stages.body_hex)) {
  test(`inflate ${vector.name}: deflated_hex gives body_hex byte for byte`, async () => {
    const body = await inflateWithDictionary(fromHex(vector.stages.deflated_hex));
    assert.equal(toHex(body), vector.stages.body_hex);
  });
}
