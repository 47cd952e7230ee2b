/**
 * The popup's "On this page" budget, on the real `popup.html` of the test
 * build opened as the toolbar button opens it, over a tab showing a
 * fixture page whose clips are cached: the time from the popup's
 * navigation start to the list in the DOM, median of RUNS openings
 * (at most 100 ms). Run through bench/popup-on-this-page.mjs.
 */
import type { CDPSession, Page } from 'puppeteer';
import { canonicalUrl } from '../utils/capture/canonical-url';
import { startFixtureServer } from '../tests/helpers/fixture-server';
import { openToolbarPopup } from '../tests/e2e/helpers/toolbar-popup';
import { feedChain, seedExtensionDb } from './feed-cache-seed';
import {
  launchBenchBrowser,
  loadLine,
  median,
  spread,
} from './feed-bench-browser';

const RUNS = Number(process.argv[2] ?? 15);
const CLIPS = Number(process.argv[3] ?? 20);
const WARM_UP = 2;
const WIKI_PAGE = '/own/wiki-cold-chain.html';

/** What the watcher in the popup saw of one opening. */
interface PopupTiming {
  listAt: number;
  paintedAt: number;
  clips: number;
  /** When the popup's script first opened IndexedDB. */
  dbOpenAt: number;
  domContentLoaded: number;
}

/**
 * Runs in the popup before its own scripts: notes when the first clip of
 * "On this page" is in the DOM, and the frame after, when it is painted.
 */
function watchList() {
  if (location.pathname !== '/popup.html') return;
  const bench = { listAt: -1, paintedAt: -1, dbOpenAt: -1, clips: 0 };
  Object.assign(globalThis, { peerclipBench: bench });
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    if (bench.dbOpenAt < 0) bench.dbOpenAt = performance.now();
    return open.apply(this, args);
  };
  const clips = document.getElementsByClassName('page-clip');
  const observer = new MutationObserver(() => {
    if (clips.length === 0) return;
    observer.disconnect();
    bench.listAt = performance.now();
    bench.clips = clips.length;
    requestAnimationFrame(() =>
      setTimeout(() => (bench.paintedAt = performance.now())),
    );
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Has every page Chromium starts run `watchList` first. Puppeteer holds
 * each new target until it resumes it, and the browser session hears of
 * the target before then, so the script is in place for the first load.
 */
function watchNewPopups(browserSession: CDPSession): void {
  browserSession.connection()?.on('sessionattached', (session) => {
    // Without the Page domain on, the popup's target ignores the script.
    void session.send('Page.enable').catch(() => {});
    void session
      .send('Page.addScriptToEvaluateOnNewDocument', {
        source: `(${watchList.toString()})()`,
      })
      // Workers and tab targets have no pages to add a script to.
      .catch(() => {});
  });
}

async function timeOpening(popup: Page): Promise<PopupTiming> {
  await popup.waitForFunction(
    () =>
      ((globalThis as { peerclipBench?: { paintedAt: number } }).peerclipBench
        ?.paintedAt ?? -1) > -1,
    { timeout: 10_000 },
  );
  return popup.evaluate(() => {
    const seen = (globalThis as unknown as { peerclipBench: PopupTiming })
      .peerclipBench;
    const [navigation] = performance.getEntriesByType('navigation');
    const domContentLoaded =
      (navigation as PerformanceNavigationTiming | undefined)
        ?.domContentLoadedEventEnd ?? NaN;
    return { ...seen, domContentLoaded };
  });
}

const extension = await launchBenchBrowser();
const server = await startFixtureServer();
try {
  const tabUrl = `${server.urlOf(WIKI_PAGE)}?utm_source=mail#cold-chain`;
  const target = canonicalUrl(tabUrl);
  // Opening an extension page once makes the database and its stores.
  const opener = await extension.openExtensionPage('popup.html');
  await opener.waitForSelector('main.popup');
  await seedExtensionDb(opener, feedChain('page', target, CLIPS, target));
  await opener.close();

  const tab = await extension.browser.newPage();
  await tab.goto(tabUrl);
  watchNewPopups(await extension.browser.target().createCDPSession());

  const openings: PopupTiming[] = [];
  for (let run = 0; run < RUNS + WARM_UP; run++) {
    const popup = await openToolbarPopup(extension, tab);
    const timing = await timeOpening(popup);
    await popup.close();
    // The first openings warm the browser's caches of the popup's scripts.
    if (run >= WARM_UP) openings.push(timing);
  }

  const listed = openings.map((opening) => opening.listAt);
  const painted = openings.map((opening) => opening.paintedAt);
  console.log('popup.html of the test build, opened by chrome.action');
  console.log(`tab: ${tabUrl}`);
  console.log(
    `cached clips of the page: ${CLIPS}, listed: ${openings[0]?.clips}; ` +
      `openings timed: ${openings.length} after ${WARM_UP} warm-up ones`,
  );
  console.log(
    `navigation start -> "On this page" list in the DOM: ${spread(listed)}` +
      ' (budget 100 ms)',
  );
  console.log(`navigation start -> the frame after it: ${spread(painted)}`);
  const step = (name: keyof PopupTiming) =>
    median(openings.map((opening) => opening[name] ?? NaN)).toFixed(1);
  console.log(
    `  medians: DOMContentLoaded ${step('domContentLoaded')} ms,` +
      ` IndexedDB first opened ${step('dbOpenAt')} ms`,
  );
  console.log(loadLine());
} finally {
  await server.close();
  await extension.close();
}
