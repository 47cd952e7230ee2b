import { browser } from 'wxt/browser';

/** The little Peerclip needs to know about a tab. */
export interface TabInfo {
  id?: number;
  url?: string;
  windowId?: number;
}

/** Reads tabs; handed to the clip use case so tests can fake it. */
export interface TabsService {
  /** The tab as it is now, or undefined once it is closed. */
  get(tabId: number): Promise<TabInfo | undefined>;
  /** The active tab of the window the user is in. */
  activeTab(): Promise<TabInfo | undefined>;
}

/** The real `browser.tabs`. */
export function browserTabs(): TabsService {
  return {
    async get(tabId) {
      try {
        return await browser.tabs.get(tabId);
      } catch {
        return undefined;
      }
    },
    async activeTab() {
      const [tab] = await browser.tabs.query({
        active: true,
        lastFocusedWindow: true,
      });
      return tab;
    },
  };
}

/** Whether the user let Peerclip read file:// pages. */
export function fileAccessAllowed(): Promise<boolean> {
  return browser.extension.isAllowedFileSchemeAccess();
}
