import type { Page } from 'puppeteer';
import type { ExtensionBrowser } from './extension-browser';

/**
 * Opens the toolbar popup over a web page, as a click on the toolbar
 * button does: the page's tab comes to the front first, so the popup
 * reads it as the active tab. Resolves with the popup and the page's tab.
 */
export async function openPopupOver(
  extension: ExtensionBrowser,
  url: string,
): Promise<{ popup: Page; tab: Page }> {
  const tab = await extension.browser.newPage();
  await tab.goto(url);
  await tab.bringToFront();

  await extension.worker.evaluate(() =>
    (globalThis as unknown as ActionGlobals).chrome.action.openPopup(),
  );
  const target = await extension.browser.waitForTarget(
    (candidate) => candidate.url().endsWith('/popup.html'),
    { timeout: 10_000 },
  );
  const popup = await target.asPage();
  return { popup, tab };
}

interface ActionGlobals {
  chrome: { action: { openPopup(): Promise<void> } };
}
