// Opens a rendered HTML release in Debian's headless Chromium at 1024 px
// and checks it as a reader's browser shows it: the title, no horizontal
// overflow, figure cells right-aligned by their computed style, and every
// table cell equal to the text backend's cell. Saves a full-page
// screenshot. Prints "ok"/"not ok" lines; exits 1 on any failure.
//
//   node browser.mjs RELEASE.html RELEASE.txt "EXPECTED TITLE" SHOT.png
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { check, failures, launch } from './chromium.mjs';

const [html, txt, title, shot] = process.argv.slice(2);

// The text backend's table rows, in order: its lines holding a tab.
const expected = readFileSync(txt, 'utf8').split('\n').filter(l => l.includes('\t'));

const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 },
                                       javaScriptEnabled: true });
  await page.goto(pathToFileURL(html).href);
  check(await page.title() === title, `title is "${title}"`);
  const overflow = await page.evaluate(() =>
    document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `no horizontal overflow at 1024 px (${overflow} px)`);
  const aligns = await page.evaluate(() =>
    [...document.querySelectorAll('td.num')].map(td => getComputedStyle(td).textAlign));
  check(aligns.length > 100 && aligns.every(a => a === 'right'),
        `${aligns.length} figure cells right-aligned`);
  // Each row as the text backend writes it: cells joined by tabs, a
  // spanning cell followed by empty ones.
  const rows = await page.evaluate(() =>
    [...document.querySelectorAll('table tr')].map(tr =>
      [...tr.children].flatMap(c =>
        [c.textContent.trim(), ...Array(c.colSpan - 1).fill('')]).join('\t')));
  check(rows.length === expected.length,
        `${rows.length} table rows, ${expected.length} in the text`);
  let mismatched = 0;
  rows.forEach((row, i) => {
    if (row !== expected[i]) {
      if (mismatched++ < 5)
        console.log(`# row ${i + 1}: browser "${row}", text "${expected[i]}"`);
    }
  });
  check(mismatched === 0, `every table cell equals the text backend's (${mismatched} rows differ)`);
  await page.screenshot({ path: shot, fullPage: true });
  // Close-ups to look at: the first table, and the chart.
  await page.locator('table').first().screenshot({ path: shot.replace(/\.png$/, '-table.png') });
  if (await page.locator('figure').count() > 0)
    await page.locator('figure').first().screenshot({ path: shot.replace(/\.png$/, '-chart.png') });
} finally {
  await browser.close();
}
process.exit(failures() ? 1 : 0);
