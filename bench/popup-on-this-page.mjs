/**
 * The popup's "On this page" budget (at most 100 ms, median): the time from
 * the page's navigation start to the list of cached clips painted, median
 * of RUNS loads, in headless Chromium with the test build of the extension.
 *
 * Until PopupApp mounts OnThisPage, the list is timed on a page of its own
 * (popup-on-this-page-page.tsx) added to a copy of the test build, so it
 * runs as an extension page over the extension's IndexedDB and
 * chrome.storage, with the component, model and store code the popup uses.
 * Builds the test build first when missing (`npx wxt build --mode e2e`).
 *
 * Usage: node bench/popup-on-this-page.mjs [runs] [clips]
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import puppeteer from 'puppeteer';

const RUNS = Number(process.argv[2] ?? 15);
const CLIPS = Number(process.argv[3] ?? 20);
const WARM_UP = 2;
const root = resolve(import.meta.dirname, '..');
const builtDir = join(root, '.output/chrome-mv3-e2e');

function chromiumPath() {
  if (process.env.PUPPETEER_EXECUTABLE_PATH) {
    return process.env.PUPPETEER_EXECUTABLE_PATH;
  }
  const downloaded = puppeteer.executablePath();
  return existsSync(downloaded) ? downloaded : '/usr/bin/chromium';
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A copy of the test build with the bench page added beside popup.html. */
async function extensionWithBenchPage() {
  if (!existsSync(join(builtDir, 'manifest.json'))) {
    spawnSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: 'inherit' });
  }
  const dir = mkdtempSync(join(tmpdir(), 'peerclip-bench-ext-'));
  cpSync(builtDir, dir, { recursive: true });

  await build({
    entryPoints: { 'bench-on-this-page': 'bench/popup-on-this-page-page.tsx' },
    absWorkingDir: root,
    outdir: dir,
    bundle: true,
    minify: true,
    format: 'esm',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { '@': root },
    logLevel: 'warning',
  });
  writeFileSync(
    join(dir, 'bench-on-this-page.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
      '<link rel="stylesheet" href="bench-on-this-page.css">' +
      '<script type="module" src="bench-on-this-page.js"></script>' +
      '</head><body><div id="app"></div></body></html>',
  );
  return dir;
}

const extensionDir = await extensionWithBenchPage();
const userDataDir = mkdtempSync(join(tmpdir(), 'peerclip-bench-'));
const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless: true,
  pipe: true,
  enableExtensions: [extensionDir],
  userDataDir,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

try {
  const target = await browser.waitForTarget(
    (candidate) =>
      candidate.type() === 'service_worker' &&
      candidate.url().endsWith('/background.js'),
  );
  const pageUrl = `chrome-extension://${new URL(target.url()).host}/bench-on-this-page.html`;
  const page = await browser.newPage();
  await page.setViewport({ width: 368, height: 600 });

  await page.goto(`${pageUrl}?seed=${CLIPS}`);
  await page.waitForFunction(() => globalThis.peerclipBench?.seeded);

  const timings = [];
  let shown = 0;
  for (let run = 0; run < RUNS + WARM_UP; run++) {
    await page.goto(pageUrl);
    await page.waitForFunction(() => globalThis.peerclipBench?.listAt);
    const result = await page.evaluate(() => globalThis.peerclipBench);
    shown = result.clips;
    if (run >= WARM_UP) timings.push(result);
  }

  const listAt = timings.map((timing) => timing.listAt);
  const sorted = [...listAt].sort((a, b) => a - b);
  const step = (name) => median(timings.map((timing) => timing[name]));
  console.log(`cached clips of the page: ${CLIPS}, shown: ${shown}`);
  console.log(`runs: ${timings.length} (after ${WARM_UP} warm-up loads)`);
  console.log(
    `page load -> "On this page" list painted, median: ` +
      `${median(listAt).toFixed(1)} ms (budget 100 ms); ` +
      `min ${sorted[0].toFixed(1)}, max ${sorted.at(-1).toFixed(1)}`,
  );
  console.log(
    `medians: script started ${step('scriptAt').toFixed(1)} ms, ` +
      `cache read began ${step('cacheReadAt').toFixed(1)} ms; ` +
      `script start -> list painted ` +
      `${median(timings.map((t) => t.listAt - t.scriptAt)).toFixed(1)} ms`,
  );
  console.log(`load average: ${loadavg().map((load) => load.toFixed(2))}`);
} finally {
  await browser.close();
  rmSync(userDataDir, { recursive: true, force: true });
  rmSync(extensionDir, { recursive: true, force: true });
}
