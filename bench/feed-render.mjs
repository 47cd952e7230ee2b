/**
 * Peer feed budgets in headless Chromium (issue budgets: the first 20
 * cards within 150 ms, median, with 10,000 clips cached; fewer than 300
 * cards in the DOM at any time while scrolling through all of them).
 *
 * Builds bench/feed-page (PeerFeed, the feed model and the real Dexie
 * FeedCache on a page of its own, since the side panel does not mount the
 * feed yet), caches 10,000 clips in its IndexedDB, then loads the page
 * RUNS times and times from navigation start to 20 cards in the DOM.
 * Then scrolls to the end and reports the most cards ever in the DOM.
 *
 * Usage: node bench/feed-render.mjs [runs] [clips]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer from 'puppeteer';

const RUNS = Number(process.argv[2] ?? 15);
const CLIPS = Number(process.argv[3] ?? 10_000);
const root = resolve(import.meta.dirname, '..');
const pageDir = join(root, '.bench/feed-page');
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

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

const built = spawnSync(
  'node_modules/.bin/vite',
  ['build', '--config', 'bench/feed-vite.config.ts'],
  { cwd: root, stdio: 'inherit' },
);
if (built.status !== 0) process.exit(built.status ?? 1);

const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://bench').pathname;
  const file = join(pageDir, normalize(path === '/' ? '/index.html' : path));
  if (!file.startsWith(pageDir) || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'text/plain',
  });
  response.end(readFileSync(file));
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${server.address().port}/`;

const userDataDir = mkdtempSync(join(tmpdir(), 'peerclip-feed-bench-'));
const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless: true,
  pipe: true,
  userDataDir,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});

/** Scrolls the page to its end; answers the last card reached. */
async function scrollToEnd(page) {
  return page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    let steps = 0;
    const started = performance.now();
    while (innerHeight + scrollY < document.body.scrollHeight - 2) {
      scrollBy(0, innerHeight * 2);
      await frame();
      await frame();
      steps += 1;
    }
    const cards = document.getElementsByTagName('article');
    return {
      steps,
      msPerStep: (performance.now() - started) / steps,
      last: cards[cards.length - 1]?.getAttribute('aria-posinset'),
    };
  });
}

try {
  const page = await browser.newPage();
  // About the size of a side panel.
  await page.setViewport({ width: 400, height: 900 });
  await page.goto(`${url}?seed=${CLIPS}`);
  await page.waitForFunction(() => window.seeded, { timeout: 600_000 });

  const timings = [];
  for (let run = 0; run < RUNS + 2; run++) {
    await page.goto(url);
    await page.waitForFunction(() => window.twentyCardsAt !== undefined);
    timings.push(
      await page.evaluate(() => {
        const mark = (name) =>
          performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        return {
          script: mark('feed-script'),
          firstPage: mark('feed-cached-1'),
          cards: window.twentyCardsAt,
        };
      }),
    );
  }
  // The first two loads warm up the browser's cache of the page's script.
  const measured = timings.slice(2);

  await page.waitForSelector(`article[aria-setsize="${CLIPS}"]`, {
    timeout: 60_000,
  });
  const scroll = await scrollToEnd(page);
  const mostCards = await page.evaluate(() => window.mostCards);

  const cards = measured.map((timing) => timing.cards);
  const step = (name) => median(measured.map((timing) => timing[name]));
  console.log(`clips cached: ${CLIPS}, loads: ${measured.length}`);
  console.log(`load average: ${loadavg().map((load) => load.toFixed(1))}`);
  console.log(
    `navigation start -> 20 cards in the DOM, median: ${median(cards).toFixed(1)} ms` +
      ` (min ${Math.min(...cards).toFixed(1)}, max ${Math.max(...cards).toFixed(1)})`,
  );
  console.log(
    `  medians: script runs at ${step('script').toFixed(1)} ms,` +
      ` first cached page read at ${step('firstPage').toFixed(1)} ms`,
  );
  console.log(
    `scrolled to card ${scroll.last} in ${scroll.steps} steps of two screens,` +
      ` ${scroll.msPerStep.toFixed(1)} ms a step`,
  );
  console.log(`most cards in the DOM at any time: ${mostCards}`);
} finally {
  await browser.close();
  server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
