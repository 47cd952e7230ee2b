/**
 * Clip latency on a long policy page (about 45 KB of HTML): the time from
 * the clip call to the draft persisted in IndexedDB, and to `clipTab`
 * resolving (badge and toast included), median of RUNS clips.
 *
 * Runs the test build (`npx wxt build --mode e2e`, built here when
 * missing) in headless Chromium and times inside the service worker.
 * Usage: node bench/clip-latency.mjs [runs]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer';

const RUNS = Number(process.argv[2] ?? 25);
const root = resolve(import.meta.dirname, '..');
const extensionDir = join(root, '.output/chrome-mv3-e2e');
const sharedPolicy = resolve(
  root,
  '../shared/fixtures/intranet/policy-travel-expenses.html',
);
const policyFile = existsSync(sharedPolicy)
  ? sharedPolicy
  : join(root, 'tests/fixtures/policy-remote-work.html');

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

if (!existsSync(join(extensionDir, 'manifest.json'))) {
  spawnSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: 'inherit' });
}

const html = readFileSync(policyFile);
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(html);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${server.address().port}/policy.html`;

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
  const worker = await target.worker();
  const page = await browser.newPage();
  await page.goto(url);
  await page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll('p')].filter(
      (paragraph) => paragraph.textContent.trim().length > 80,
    );
    const range = document.createRange();
    range.selectNodeContents(paragraphs[Math.floor(paragraphs.length / 2)]);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });

  const timings = await worker.evaluate(
    async (pageUrl, runs) => {
      const { clipTab, services } = globalThis.peerclipTest;
      const createDraft = services.clips.createDraft.bind(services.clips);
      let persistedAt = 0;
      services.clips = {
        createDraft: async (capture) => {
          const draft = await createDraft(capture);
          persistedAt = performance.now();
          return draft;
        },
      };
      const [tab] = (await globalThis.chrome.tabs.query({})).filter(
        (candidate) => candidate.url === pageUrl,
      );
      const results = [];
      for (let run = 0; run < runs + 2; run++) {
        const start = performance.now();
        const outcome = await clipTab(tab, 'selection');
        if (!outcome.ok) throw new Error(outcome.message);
        results.push([persistedAt - start, performance.now() - start]);
      }
      // The first two warm up the worker and the database.
      return results.slice(2);
    },
    url,
    RUNS,
  );

  const persisted = median(timings.map(([toDraft]) => toDraft));
  const resolved = median(timings.map(([, toEnd]) => toEnd));
  console.log(`page: ${policyFile} (${(html.length / 1024).toFixed(1)} KB)`);
  console.log(`runs: ${timings.length}`);
  console.log(
    `clip call -> draft persisted, median: ${persisted.toFixed(1)} ms`,
  );
  console.log(
    `clip call -> clipTab resolved, median: ${resolved.toFixed(1)} ms`,
  );
} finally {
  await browser.close();
  server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
