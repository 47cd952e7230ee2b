import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/PopupApp';
import { localAccount } from '@/utils/background/local-data';
import { activePage } from '@/utils/browser/active-page';
import { openDraftsPanel } from '@/utils/browser/side-panel';
import type { FeedReply } from '@/utils/messages/feed-protocol';
import { sendRequest } from '@/utils/messages/request-client';
import { createAccountClient } from '@/utils/models/account-client';
import { createAccountModel } from '@/utils/models/account-model';
import { createOnThisPageModel } from '@/utils/models/on-this-page-model';
import { hintedReader, rememberReader } from '@/utils/models/reader-hint';
import { createPopupModel } from '@/utils/models/popup-model';
import { ClipRepository } from '@/utils/store/clip-repository';
import { openPeerclipDb } from '@/utils/store/database';
import { DiscussionRepository } from '@/utils/store/discussion-repository';
import { FeedCache } from '@/utils/store/feed-cache';
import { observeSyncState } from '@/utils/sync/sync-state';
import '@/components/shared/surface.css';

const db = openPeerclipDb();
// Opened at once, so the list of this page's clips does not wait for it.
void db.open();
const clips = new ClipRepository(db);
const discussion = new DiscussionRepository(db);
const feedCache = new FeedCache(db);
const reader = localAccount(db).then((account) => {
  rememberReader(account?.id ?? null);
  return account?.id ?? null;
});
// Known before any click: opening the side panel must happen within the
// click's user gesture, which an await before it would lose.
const windowId = browser.windows.getCurrent().then((window) => window.id);

const model = createPopupModel({
  clipActiveTab: (mode) =>
    sendRequest(browser.runtime, { type: 'clip-active-tab', mode }),
  clips,
  openDrafts: async () => {
    await openDraftsPanel(
      (await windowId) ?? browser.windows.WINDOW_ID_CURRENT,
    );
    window.close();
  },
});

// Closing the popup must not lose the last keystrokes.
addEventListener('pagehide', () => void model.flush());
addEventListener('blur', () => void model.flush());

const account = createAccountModel({
  account: createAccountClient(browser.runtime),
  openOptions: () => browser.runtime.openOptionsPage(),
  observeSync: () => observeSyncState(db),
});

const onThisPage = createOnThisPageModel({
  pageUrl: async () =>
    (await activePage().catch(() => null))?.canonicalUrl ?? null,
  readCachedPage: async (target) => {
    const query = { scope: 'page' as const, target, cursor: null };
    // Read for the hinted reader while IndexedDB says who reads; kept only
    // if it names the same one.
    const hinted = hintedReader();
    const early = hinted ? feedCache.read(hinted, query) : undefined;
    const id = await reader;
    if (!id) return undefined;
    return id === hinted ? early : feedCache.read(id, query);
  },
  fetchPage: async (target) =>
    (await sendRequest(browser.runtime, {
      type: 'feed-page',
      scope: 'page',
      target,
    })) as FeedReply,
  myEndorsements: async (clipIds) =>
    discussion.myActiveEndorsements((await reader) ?? '', clipIds),
  myRefusals: async (clipIds) =>
    discussion.myRefusedEndorsements((await reader) ?? '', clipIds),
  endorse: async (clipId, kind) =>
    discussion.endorse({ clipId, kind, endorserId: (await reader) ?? '' }),
  withdraw: (endorsementId) => discussion.withdraw(endorsementId),
  me: async () => {
    const id = await reader;
    return id ? { status: 'signed-in', id } : { status: 'local-only' };
  },
  checkQuotes: (quotes, pageUrl) =>
    sendRequest(browser.runtime, {
      type: 'check-page-quotes',
      pageUrl,
      clips: quotes,
    }),
});

void onThisPage.load();
void model.restore();
account.follow();
void account.refresh();
// Opening the popup is a moment to sync; a failure stays in the model.
void account.syncNow();
render(
  <PopupApp model={model} account={account} onThisPage={onThisPage} />,
  document.getElementById('app') as HTMLElement,
);
