import { browser } from 'wxt/browser';
import { canonicalUrl, siteOf } from '@/utils/capture/canonical-url';

/** The page the reader is on, as the feed's "This site" and "page" need. */
export interface ActivePage {
  url: string;
  /** The address without fragment and tracking parameters. */
  canonicalUrl: string;
  site: string;
}

/**
 * The active tab's page, or null when the browser does not tell: the side
 * panel learns a tab's address only with the optional `tabs` permission
 * (or a host permission for that page); the popup, through `activeTab`.
 */
export async function activePage(): Promise<ActivePage | null> {
  const [tab] = await browser.tabs.query({
    active: true,
    lastFocusedWindow: true,
  });
  const url = tab?.url;
  if (!url || !/^https?:/.test(url)) return null;
  return { url, canonicalUrl: canonicalUrl(url), site: siteOf(url) };
}

/** Asks for the `tabs` permission; must run in a click's handler. */
export function requestTabsPermission(): Promise<boolean> {
  return browser.permissions.request({ permissions: ['tabs'] });
}
