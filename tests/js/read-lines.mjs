// A line server for the differential test (tests/codes/test_js_differential.py): each line on
// stdin is {"text": ..., "now": ISO time}, answered by one line {"read": ..., "failsAt": ...},
// or {"name": ...}, answered by {"patient": bool, "signer": bool} (the name rule, S2).
import { createInterface } from "node:readline";
import { CODES } from "./helpers.mjs";

const { inspectCode } = await import(`${CODES}/read.mjs`);
const { nameIsAcceptable } = await import(`${CODES}/names.mjs`);

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const request = JSON.parse(line);
  let answer;
  if ("name" in request) {
    answer = { patient: nameIsAcceptable(request.name), signer: nameIsAcceptable(request.name, { signer: true }) };
  } else {
    const { read, failsAt } = await inspectCode(request.text, { now: new Date(request.now) });
    answer = { read, failsAt };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
