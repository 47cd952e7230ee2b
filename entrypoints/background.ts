import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startAccountBackground } from '@/utils/background/account-background';
import { registerClipGestures } from '@/utils/browser/clip-gestures';
import { createQuoteCheckService } from '@/utils/background/quote-check-service';
import { sourceCheckReporter } from '@/utils/background/source-check-reporter';
import { keepPopupOnToolbarButton } from '@/utils/browser/side-panel';
import type { TabInfo } from '@/utils/browser/tabs';
import { browserClipServices } from '@/utils/clipping/browser-clip-services';
import { clipTab } from '@/utils/clipping/clip-tab';
import type { ClipMode } from '@/utils/messages/protocol';
import { createRequestListener } from '@/utils/messages/request-handler';
import { openPeerclipDb } from '@/utils/store/database';

export default defineBackground(() => {
  const db = openPeerclipDb();
  const services = browserClipServices(db);
  const clip = (tab: TabInfo, mode: ClipMode) => clipTab(tab, mode, services);
  const activeTab = () => services.tabs.activeTab();

  registerClipGestures(browser, clip, activeTab);
  const {
    account,
    handlers: accountRequests,
    feed,
    peers,
    activity,
    connection,
  } = startAccountBackground(db);
  const quoteChecks = createQuoteCheckService({
    scripting: services.scripting,
    activeTab,
    report: sourceCheckReporter(connection),
  });
  browser.runtime.onMessage.addListener(
    createRequestListener({
      'clip-active-tab': async ({ mode }) =>
        clip((await activeTab()) ?? {}, mode),
      ...accountRequests,
      'feed-page': (request) => feed.page(request),
      'clip-detail': ({ clipId }) => peers.clipDetail(clipId),
      'review-queue': () => peers.reviewQueue(),
      directory: () => peers.directory(),
      follow: ({ target, follow }) => peers.follow(target, follow),
      'save-publishing-guide': ({ checklist, policyLinks }) =>
        peers.saveGuide(checklist, policyLinks),
      'activity-seen': () => activity.seen(),
      'check-page-quotes': (request) => quoteChecks.check(request),
    }),
  );
  keepPopupOnToolbarButton().catch((error) =>
    console.warn('[peerclip] Could not set the side panel behaviour.', error),
  );

  // The e2e tests and the latency benchmark start from the same function
  // the gestures call; the test build alone exposes it.
  if (import.meta.env.MODE === 'e2e') {
    Object.assign(globalThis, {
      peerclipTest: { clipTab: clip, services, account },
    });
  }
});
