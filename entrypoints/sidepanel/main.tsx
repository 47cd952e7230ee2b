import { liveQuery } from 'dexie';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { createAccountClient } from '@/utils/models/account-client';
import { createAccountModel } from '@/utils/models/account-model';
import { createDraftsModel } from '@/utils/models/drafts-model';
import { createRejectionsModel } from '@/utils/models/rejections-model';
import { createStorageModel } from '@/utils/models/storage-model';
import { ClipRepository } from '@/utils/store/clip-repository';
import { openPeerclipDb } from '@/utils/store/database';
import { rejections } from '@/utils/sync/rejections';
import { observeSyncState } from '@/utils/sync/sync-state';
import '@/components/shared/surface.css';

const db = openPeerclipDb();
const clips = new ClipRepository(db);
const drafts = createDraftsModel({
  observeDrafts: (search) => clips.observeDrafts(search),
});
const storage = createStorageModel(navigator.storage);
const account = createAccountModel({
  account: createAccountClient(browser.runtime),
  observeSync: () => observeSyncState(db),
  openOptions: () => browser.runtime.openOptionsPage(),
});
const refused = createRejectionsModel({
  observeRejections: () => liveQuery(() => rejections.list(db)),
  dismiss: (changeId) => rejections.dismiss(db, changeId),
});

void storage.request();
account.follow();
void account.refresh();
// Opening the panel is a moment to sync; how it went shows as the status.
void account.syncNow();
render(
  <SidePanelApp
    drafts={drafts}
    storage={storage}
    account={account}
    rejections={refused}
  />,
  document.getElementById('app') as HTMLElement,
);
