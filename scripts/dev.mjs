/**
 * `npm run dev`: builds Peerclip and opens Chromium with it loaded, in a
 * persistent profile (.dev-profile/) so drafts survive restarts. Without a
 * display it runs Chromium under `xvfb-run`. Until a backend is connected
 * the extension runs in local-only mode: drafts stay in the browser.
 *
 * Chromium comes from PUPPETEER_EXECUTABLE_PATH, /usr/bin/chromium or
 * puppeteer's download. The script ends when the browser is closed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer';

const root = resolve(import.meta.dirname, '..');
const extensionDir = join(root, '.output/chrome-mv3');
const profileDir = join(root, '.dev-profile');

function chromiumPath() {
  const candidates = [
    process.env.PUPPETEER_EXECUTABLE_PATH,
    '/usr/bin/chromium',
    puppeteer.executablePath(),
  ];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    console.error(
      'No Chromium found: install it or set PUPPETEER_EXECUTABLE_PATH.',
    );
    process.exit(1);
  }
  return found;
}

const build = spawnSync('npx', ['wxt', 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

mkdirSync(profileDir, { recursive: true });
const chromium = chromiumPath();
const chromiumArgs = [
  `--user-data-dir=${profileDir}`,
  `--load-extension=${extensionDir}`,
  `--disable-extensions-except=${extensionDir}`,
  '--no-first-run',
  '--disable-sync',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  'about:blank',
];
const [command, args] = process.env.DISPLAY
  ? [chromium, chromiumArgs]
  : ['xvfb-run', ['-a', chromium, ...chromiumArgs]];

console.log(`Peerclip (local-only mode: sync is off) in ${chromium}`);
console.log(
  `Profile: ${profileDir}. Close the browser or press Ctrl+C to stop.`,
);
const browser = spawn(command, args, { stdio: 'inherit' });
browser.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => browser.kill(signal));
}
