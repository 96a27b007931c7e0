// Reads the words of a PDF as `pdftotext -bbox-layout` gives them and
// checks that every footnote prints on the page of its first reference,
// below it. A reference is a small raised number set right after a word
// (no gap); a note starts a line with a small raised number at the left
// margin. A number's references count from the last time its note printed
// (a compilation numbers each part afresh). An asterisked note ("*2", a
// table's own) prints under its table: on the page of its last reference.
// Prints "ok"/"not ok" lines; exits 1 on a note away from its reference,
// or when no note was found at all (then the test tests nothing).
//
//   node footnote_pages.mjs BBOX.html LABEL
import { readFileSync } from 'node:fs';

const [bbox, label] = process.argv.slice(2);
const pages = [];
for (const m of readFileSync(bbox, 'utf8').matchAll(
  /<page[^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
  if (m[0].startsWith('<page')) pages.push([]);
  else pages[pages.length - 1].push({ x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], text: m[5] });
}
// Raised markers are 62% of the text they stand in: a number shorter
// than its neighbour by a quarter and more.
const height = w => w.y1 - w.y0;
const small = w => /^\*?\d+$/.test(w.text) && height(w) < 8.5;
const beside = (v, w) => v !== w && v.y0 < w.y1 && v.y1 > w.y0 &&
  height(v) > height(w) * 1.3;
let failed = 0, notes = 0;
const pending = new Map();   // number -> the page of its first reference
pages.forEach((words, i) => {
  const page = i + 1;
  const marks = words.filter(small).map(w => {
    const before = words.find(v => beside(v, w) && Math.abs(v.x1 - w.x0) < 1.5);
    const after = words.find(v => beside(v, w) && v.x0 - w.x1 >= 0 &&
      v.x0 - w.x1 < 5);
    return { n: w.text, y: w.y0, ref: !!before,
             note: !before && !!after && w.x0 < 62 };
  }).sort((a, b) => a.y - b.y);
  for (const m of marks) {
    if (m.ref && (!pending.has(m.n) || m.n.startsWith('*')))
      pending.set(m.n, { page, y: m.y });
    if (!m.note) continue;
    notes++;
    const first = pending.get(m.n);
    if (first === undefined) {
      console.log(`not ok - ${label}: note ${m.n} on page ${page} has no reference before it`);
      failed++;
    } else if (first.page !== page) {
      console.log(`not ok - ${label}: note ${m.n} prints on page ${page}, its first reference on page ${first.page}`);
      failed++;
    }
    pending.delete(m.n);
  }
});
if (notes === 0) {
  console.log(`not ok - ${label}: no footnote found (the test tests nothing)`);
  process.exit(1);
}
for (const [n, first] of pending)
  {
    console.log(`not ok - ${label}: the note of reference ${n} (page ${first.page}) never prints`);
    failed++;
  }
if (!failed) console.log(`ok - ${label}: ${notes} footnotes on the page of their first reference`);
process.exit(failed ? 1 : 0);
