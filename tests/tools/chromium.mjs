// What the browser tests share: Debian's headless Chromium, started with
// no network chatter and a fresh profile, and ok/not ok reporting.
// The packages come from KESSAN_NODE_MODULES (set by `make check`; a
// distcheck's unpacked tree has none of its own), else from beside this file.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const modules = process.env.KESSAN_NODE_MODULES ||
  fileURLToPath(new URL('node_modules', import.meta.url));
const { chromium } = createRequire(`${modules}/`)('playwright-core');

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
