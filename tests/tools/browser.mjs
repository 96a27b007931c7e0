// Opens rendered HTML releases in Debian's headless Chromium at 1024 px
// and checks each as a reader's browser shows it: the title, no horizontal
// overflow (nor at a phone's 390 px, where wide tables scroll in their own
// box), figure cells right-aligned by their computed style, an English
// article of a Japanese page set in a Latin face, every table cell
// equal to the text backend's cell, and, printed to PDF (A4, the page's
// own print styles), within 15% of the pages of kessan's PDF beside it
// (RELEASE.pdf, counted by pdfinfo). One browser serves every
// page. With SHOT given, saves a full-page screenshot and close-ups of the
// first table and the chart. Prints "ok"/"not ok" lines; exits 1 on any
// failure.
//
//   node browser.mjs RELEASE.html RELEASE.txt "EXPECTED TITLE" [SHOT.png|-] ...
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { check, failures, launch } from './chromium.mjs';

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 4 !== 0) {
  console.error('usage: node browser.mjs RELEASE.html RELEASE.txt TITLE SHOT.png|- ...');
  process.exit(2);
}

async function checkPage(browser, html, txt, title, shot) {
  // The text backend's table rows, in order: its lines holding a tab.
  const expected = readFileSync(txt, 'utf8').split('\n').filter(l => l.includes('\t'));
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 },
                                       javaScriptEnabled: true });
  try {
    await page.goto(pathToFileURL(html).href);
    check(await page.title() === title, `${html}: title is "${title}"`);
    const overflow = await page.evaluate(() =>
      document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, `${html}: no horizontal overflow at 1024 px (${overflow} px)`);
    const aligns = await page.evaluate(() =>
      [...document.querySelectorAll('td.num')].map(td => getComputedStyle(td).textAlign));
    check(aligns.length > 100 && aligns.every(a => a === 'right'),
          `${html}: ${aligns.length} figure cells right-aligned`);
    // Each row as the text backend writes it: cells joined by tabs, a
    // spanning cell followed by empty ones.
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('table tr')].map(tr =>
        [...tr.children].flatMap(c =>
          [c.textContent.trim(), ...Array(c.colSpan - 1).fill('')]).join('\t')));
    check(rows.length === expected.length,
          `${html}: ${rows.length} table rows, ${expected.length} in the text`);
    let mismatched = 0;
    rows.forEach((row, i) => {
      if (row !== expected[i]) {
        if (mismatched++ < 5)
          console.log(`# row ${i + 1}: browser "${row}", text "${expected[i]}"`);
      }
    });
    check(mismatched === 0,
          `${html}: every table cell equals the text backend's (${mismatched} rows differ)`);
    // An English article inside a Japanese page is set in a Latin face,
    // not the page's Mincho (computed, as the browser resolves it).
    const english = await page.evaluate(() => {
      const p = document.querySelector('article[lang="en"] p');
      return document.documentElement.lang === 'ja' && p
        ? getComputedStyle(p).fontFamily : null;
    });
    if (english !== null)
      check(/^"?Liberation Sans"?,/.test(english) && !/Mincho/.test(english.split(',')[0]),
            `${html}: the English article is set in a Latin face (${english.split(',')[0]})`);
    // A phone: nothing wider than the screen; wide tables scroll in their
    // own box.
    await page.setViewportSize({ width: 390, height: 844 });
    const phone = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      scrolling: [...document.querySelectorAll('.table-scroll')].filter(b =>
        b.scrollWidth > b.clientWidth && getComputedStyle(b).overflowX === 'auto').length,
      boxed: [...document.querySelectorAll('table')].every(t =>
        t.parentElement.classList.contains('table-scroll')),
    }));
    check(phone.overflow <= 0, `${html}: no horizontal overflow at 390 px (${phone.overflow} px)`);
    check(phone.boxed && phone.scrolling > 0,
          `${html}: at 390 px every table in a scrolling box, ${phone.scrolling} of them scrolling`);
    await page.setViewportSize({ width: 1024, height: 768 });
    // The browser's print against kessan's PDF of the same release.
    const pdf = html.replace(/\.html$/, '.pdf');
    if (existsSync(pdf)) {
      const printed = html.replace(/\.html$/, '.print.pdf');
      const pages = f => +/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [f],
        { encoding: 'utf8' }))[1];
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: printed, preferCSSPageSize: true });
      await page.emulateMedia({ media: 'screen' });
      const want = pages(pdf), got = pages(printed);
      check(Math.abs(got - want) <= Math.ceil(want * 0.15),
            `${html}: printed, ${got} pages against the PDF's ${want}`);
    }
    if (shot !== '-') {
      await page.screenshot({ path: shot, fullPage: true });
      await page.locator('table').first().screenshot({ path: shot.replace(/\.png$/, '-table.png') });
      if (await page.locator('figure').count() > 0)
        await page.locator('figure').first().screenshot({ path: shot.replace(/\.png$/, '-chart.png') });
    }
  } finally {
    await page.close();
  }
}

const browser = await launch();
try {
  for (let i = 0; i < args.length; i += 4)
    await checkPage(browser, ...args.slice(i, i + 4));
} finally {
  await browser.close();
}
process.exit(failures() ? 1 : 0);
