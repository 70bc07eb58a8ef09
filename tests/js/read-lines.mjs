// A line server for the differential test (tests/codes/test_js_differential.py): each line on
// stdin is {"text": ..., "now": ISO time}; each answer one line {"read": ..., "failsAt": ...}.
import { createInterface } from "node:readline";
import { CODES } from "./helpers.mjs";

const { inspectCode } = await import(`${CODES}/read.mjs`);

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const { text, now } = JSON.parse(line);
  const { read, failsAt } = await inspectCode(text, { now: new Date(now) });
  process.stdout.write(`${JSON.stringify({ read, failsAt })}\n`);
}
