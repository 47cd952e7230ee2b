import type { Page } from 'puppeteer';
import type { ExtensionBrowser } from './extension-browser';

/**
 * Opens the extension's toolbar popup over the tab `page` shows, the way a
 * click on the toolbar button does: the tab comes to the front, then the
 * worker calls `chrome.action.openPopup()`. Unlike `popup.html` opened as
 * a tab of its own, the web page stays the active tab of the focused
 * window, which is what the popup reads as "this page".
 */
export async function openToolbarPopup(
  extension: ExtensionBrowser,
  page: Page,
): Promise<Page> {
  const popupUrl = `chrome-extension://${extension.extensionId}/popup.html`;
  await page.bringToFront();

  const [target] = await Promise.all([
    extension.browser.waitForTarget((candidate) =>
      candidate.url().startsWith(popupUrl),
    ),
    extension.worker.evaluate(() =>
      (globalThis as unknown as WorkerGlobals).chrome.action.openPopup(),
    ),
  ]);
  const popup = await target.asPage();
  await popup.waitForSelector('main.popup');
  return popup;
}

interface WorkerGlobals {
  chrome: { action: { openPopup(): Promise<void> } };
}

/** The toolbar badge's text, as the worker set it for every tab. */
export function toolbarBadgeText(extension: ExtensionBrowser): Promise<string> {
  return extension.worker.evaluate(() =>
    (globalThis as unknown as BadgeGlobals).chrome.action.getBadgeText({}),
  );
}

interface BadgeGlobals {
  chrome: { action: { getBadgeText(details: object): Promise<string> } };
}

/**
 * Waits until the toolbar badge reads `text`, and resolves with what it
 * read last: the badge changes after a message round trip, not at once.
 */
export async function badgeTextSoon(
  extension: ExtensionBrowser,
  text: string,
  timeout = 5_000,
): Promise<string> {
  const until = Date.now() + timeout;
  let shown = await toolbarBadgeText(extension);
  while (shown !== text && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    shown = await toolbarBadgeText(extension);
  }
  return shown;
}
