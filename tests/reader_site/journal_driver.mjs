// Reads [{read, lang, moment}] as JSON on stdin, prints [journal text or null] as JSON (or, with
// `view` set, the page's read JSON with its labels, from `cards` and `trust` if given): the page's
// own view.mjs and journal.mjs, run by Node for tests/reader_site/test_journal.py. A case whose
// `code` is set (and `read` is not) is read by the JavaScript decoder's readCode at `moment`.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [staticDir, stringsPath] = process.argv.slice(2);
const page = (name) => import(pathToFileURL(`${staticDir}/js/page/${name}`).href);
const { translator } = await page("text.mjs");
const { decorate } = await page("view.mjs");
const { journalText } = await page("journal.mjs");
const strings = JSON.parse(readFileSync(stringsPath, "utf-8"));
const cases = JSON.parse(readFileSync(0, "utf-8"));
let readCode = null;
if (cases.some((c) => c.code !== undefined)) {
  ({ readCode } = await import(pathToFileURL(`${staticDir}/js/codes/read.mjs`).href));
}
const out = [];
for (const c of cases) {
  const moment = new Date(c.moment);
  const read = c.code !== undefined ? await readCode(c.code, { now: moment }) : c.read;
  const t = translator(strings, c.lang);
  const view = decorate(read, t, { strings, cards: c.cards || {}, trust: c.trust || { keys: [] } });
  out.push(c.view ? view : journalText(view, t, moment));
}
process.stdout.write(JSON.stringify(out));
