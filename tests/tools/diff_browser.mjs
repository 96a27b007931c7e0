// Opens a `kessan diff --format html` page in Debian's headless Chromium
// at 1024 px and checks it as a proofreader sees it: the title, no
// horizontal overflow, every link of the summary landing on an element
// that holds a <del> or <ins> (or is itself marked added or removed), and
// as many changed figures listed as expected. Saves a screenshot of the
// top of the page unless SHOT is -. Prints "ok"/"not ok" lines; exits 1 on any failure.
//
//   node diff_browser.mjs DIFF.html "EXPECTED TITLE" FIGURES SHOT.png
import { pathToFileURL } from 'node:url';
import { check, failures, launch } from './chromium.mjs';

const [html, title, figures, shot] = process.argv.slice(2);

const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  await page.goto(pathToFileURL(html).href);
  check(await page.title() === title, `title is "${title}"`);
  const overflow = await page.evaluate(() =>
    document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `no horizontal overflow at 1024 px (${overflow} px)`);
  const links = await page.evaluate(() =>
    [...document.querySelectorAll('.changes a[href^="#"]')].map(a => {
      const id = a.getAttribute('href').slice(1);
      let target = document.getElementById(id);
      // An anchor placed before an element that has an id of its own.
      if (target && target.tagName === 'A' && !target.hasAttribute('href'))
        target = target.nextElementSibling;
      return !!target && (target.querySelector('del, ins') !== null ||
        /\b(added|removed)\b/.test(target.className) ||
        target.tagName === 'FIGURE');
    }));
  check(links.length > 0 && links.every(Boolean),
        `${links.filter(Boolean).length} of ${links.length} summary links land on a change`);
  const rows = await page.evaluate(() =>
    document.querySelectorAll('table.changes tbody tr').length);
  check(rows === Number(figures), `${rows} changed figures listed, ${figures} expected`);
  if (shot !== '-')
    await page.screenshot({ path: shot });
} finally {
  await browser.close();
}
process.exit(failures() ? 1 : 0);
