import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium-path';

/**
 * The test build of the extension (`wxt build --mode e2e`, which `npm test`
 * runs first). PEERCLIP_EXTENSION_DIR points the tests at another build,
 * e.g. one with a sanitising layer switched off to see its test fail.
 */
export const E2E_EXTENSION_DIR = resolve(
  process.env.PEERCLIP_EXTENSION_DIR ??
    join(import.meta.dirname, '../../../.output/chrome-mv3-e2e'),
);

/** Chromium with Peerclip loaded, and ways into its contexts. */
export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  /** The background service worker, for `worker.evaluate`. */
  worker: WebWorker;
  /** Opens an extension page (`popup.html`, `sidepanel.html`) as a tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/** Launches new-headless Chromium with the built extension loaded. */
export async function launchExtensionBrowser(
  extensionDir = E2E_EXTENSION_DIR,
): Promise<ExtensionBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'peerclip-e2e-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    enableExtensions: [extensionDir],
    userDataDir,
    args: CHROMIUM_FLAGS,
  });

  const workerTarget = await browser.waitForTarget(
    (target) =>
      target.type() === 'service_worker' &&
      target.url().endsWith('/background.js'),
  );
  const worker = (await workerTarget.worker()) as WebWorker;
  const extensionId = new URL(workerTarget.url()).host;

  return {
    browser,
    extensionId,
    worker,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await browser.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
