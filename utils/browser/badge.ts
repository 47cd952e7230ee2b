import { browser } from 'wxt/browser';

/** How long a badge stays on the toolbar button. */
export const BADGE_MS = 2000;

/** The toolbar button's badge, shown for a moment on one tab. */
export interface BadgeService {
  flash(tabId: number, text: string, color: string): Promise<void>;
}

/** The two badge calls of `action`, typed loosely enough for fakes. */
export interface ActionApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  getBadgeText(details: { tabId?: number }): Promise<string>;
  setBadgeBackgroundColor(details: {
    tabId: number;
    color: string;
  }): Promise<void>;
}

/**
 * A badge over `action` (Manifest V3) or `browserAction` (Firefox's
 * Manifest V2 build). The timer is short enough to outlive no worker.
 */
export function actionBadge(
  action: ActionApi = browser.action ?? browser.browserAction,
  ms = BADGE_MS,
): BadgeService {
  return {
    async flash(tabId, text, color) {
      await action.setBadgeBackgroundColor({ tabId, color });
      await action.setBadgeText({ tabId, text });
      // Back to the global badge (news on the reader's clips), not to none.
      setTimeout(() => {
        action
          .getBadgeText({})
          .then((global) => action.setBadgeText({ tabId, text: global }))
          .catch(() => {});
      }, ms);
    },
  };
}
