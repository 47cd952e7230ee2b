import type { Page, WebWorker } from 'puppeteer';
import type { ClipMode, ClipOutcome } from '../../../utils/messages/protocol';

/**
 * Calls `clipTab` inside the service worker, the function the context
 * menu, the command and the popup all call, on the tab showing `url`.
 * The test build exposes it as `globalThis.peerclipTest`.
 */
export function clipInWorker(
  worker: WebWorker,
  url: string,
  mode: ClipMode,
): Promise<ClipOutcome> {
  return worker.evaluate(
    async (pageUrl, clipMode) => {
      const worker = globalThis as unknown as WorkerGlobals;
      const tabs = await worker.chrome.tabs.query({});
      const tab = tabs.find((candidate) => candidate.url === pageUrl);
      return worker.peerclipTest.clipTab(tab ?? {}, clipMode);
    },
    url,
    mode,
  );
}

interface WorkerGlobals {
  chrome: { tabs: { query(filter: object): Promise<{ url?: string }[]> } };
  peerclipTest: {
    clipTab(tab: object, mode: ClipMode): Promise<ClipOutcome>;
  };
}

/**
 * Sends a message from an extension page to the background, as the popup
 * does, and returns the reply.
 */
export function sendFromPage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((body) => {
    const runtime = (globalThis as unknown as PageGlobals).chrome.runtime;
    return runtime.sendMessage(body);
  }, message);
}

interface PageGlobals {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}
