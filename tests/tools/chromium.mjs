// What the browser tests share: Debian's headless Chromium, started with
// no network chatter and a fresh profile, and ok/not ok reporting.
import { chromium } from 'playwright-core';

export const launch = () => chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
         '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--disable-quic'],
});

// Prints "ok"/"not ok" lines; failures() counts the latter.
let failed = 0;
export const check = (ok, what) => {
  console.log(`${ok ? 'ok' : 'not ok'} - ${what}`);
  if (!ok) failed++;
};
export const failures = () => failed;
