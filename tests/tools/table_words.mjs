// Reads the words of a PDF page as `pdftotext -bbox-layout` gives them and
// checks that no table header or label of a Japanese release is broken
// inside a word: where one cell's text runs onto a second line (two words
// one above the other, aligned left or centred), and the two together are
// a message of the Japanese catalog, the break must fall where ICU's
// dictionary word breaker (Intl.Segmenter, Node's ICU) ends a word.
// Prints "ok"/"not ok" lines; exits 1 on a break inside a word, or when
// no wrapped cell was found at all (then the test tests nothing).
//
//   node table_words.mjs BBOX.html ja.xlf
import { readFileSync } from 'node:fs';

const [bbox, catalog] = process.argv.slice(2);
const unescape = s => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const squeeze = s => s.replace(/\s+/g, '');
const known = new Set([...readFileSync(catalog, 'utf8')
  .matchAll(/<target>([^<{]*)<\/target>/g)].map(m => squeeze(unescape(m[1]))));
const words = [...readFileSync(bbox, 'utf8').matchAll(
  /<page[^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
  .reduce((acc, m) => {
    if (m[0].startsWith('<page')) acc.page++;
    else acc.list.push({ page: acc.page, x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4],
                         text: unescape(m[5]) });
    return acc;
  }, { page: 0, list: [] }).list;
// Words one after another on a line, a space apart at most, are one run:
// a cell's line ("収益 %").
const runs = [];
for (const w of words) {
  const last = runs[runs.length - 1];
  if (last && last.page === w.page && Math.abs(last.y0 - w.y0) < 0.5 &&
      w.x0 - last.x1 >= 0 && w.x0 - last.x1 < (w.y1 - w.y0) * 0.6) {
    last.x1 = w.x1;
    last.text += ' ' + w.text;
  } else {
    runs.push({ ...w });
  }
}
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
const boundaries = s => new Set([...segmenter.segment(s)].map(g => g.index).concat(s.length));

let found = 0, bad = 0;
for (const a of runs) {
  const h = a.y1 - a.y0;
  for (const b of runs) {
    if (b.page !== a.page || b.y0 <= a.y0 || b.y0 - a.y1 > h * 0.8) continue;
    const left = Math.abs(b.x0 - a.x0) < 1.5;
    const centred = Math.abs((b.x0 + b.x1) / 2 - (a.x0 + a.x1) / 2) < 1.5;
    if (!left && !centred) continue;
    const first = squeeze(a.text), whole = first + squeeze(b.text);
    if (!known.has(whole) || !/[\u3040-\u9fff]/.test(whole)) continue;
    found++;
    if (!boundaries(whole).has(first.length)) {
      bad++;
      console.log(`not ok - page ${a.page}: "${first}|${squeeze(b.text)}" breaks inside a word`);
    }
  }
}
console.log(`${found > 0 ? 'ok' : 'not ok'} - ${found} wrapped Japanese table cells found`);
console.log(`${bad === 0 ? 'ok' : 'not ok'} - ${bad} of them broken inside a word`);
process.exit(found > 0 && bad === 0 ? 0 : 1);
