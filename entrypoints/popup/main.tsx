import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup/PopupApp';
import { openDraftsPanel } from '@/utils/browser/side-panel';
import { sendRequest } from '@/utils/messages/request-client';
import { createAccountClient } from '@/utils/models/account-client';
import { createAccountModel } from '@/utils/models/account-model';
import { createPopupModel } from '@/utils/models/popup-model';
import { ClipRepository } from '@/utils/store/clip-repository';
import { openPeerclipDb } from '@/utils/store/database';
import { observeSyncState } from '@/utils/sync/sync-state';
import '@/components/shared/surface.css';

const db = openPeerclipDb();
const clips = new ClipRepository(db);
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

void model.restore();
account.follow();
void account.refresh();
// Opening the popup is a moment to sync; a failure stays in the model.
void account.syncNow();
render(
  <PopupApp model={model} account={account} />,
  document.getElementById('app') as HTMLElement,
);
