import { liveQuery } from 'dexie';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createAccountClient } from '@/utils/models/account-client';
import { createAccountModel } from '@/utils/models/account-model';
import { createGuideModel } from '@/utils/models/guide-model';
import { askBackground } from '@/utils/models/peer-client';
import { createRejectionsModel } from '@/utils/models/rejections-model';
import { openPeerclipDb } from '@/utils/store/database';
import { rejections } from '@/utils/sync/rejections';
import { observeSyncState } from '@/utils/sync/sync-state';
import '@/components/shared/surface.css';

const db = openPeerclipDb();
const account = createAccountModel({
  account: createAccountClient(browser.runtime),
  observeSync: () => observeSyncState(db),
  openOptions: () => browser.runtime.openOptionsPage(),
});
const refused = createRejectionsModel({
  observeRejections: () => liveQuery(() => rejections.list(db)),
  dismiss: (changeId) => rejections.dismiss(db, changeId),
});
// Empty when this build has no workplace identity provider set up.
const oauthProvider: string | undefined =
  import.meta.env.WXT_PEERCLIP_OAUTH_PROVIDER || undefined;

const guide = createGuideModel({
  directory: () => askBackground(browser.runtime, { type: 'directory' }),
  save: (checklist, policyLinks) =>
    askBackground(browser.runtime, {
      type: 'save-publishing-guide',
      checklist,
      policyLinks,
    }),
});

account.follow();
void account.refresh();
render(
  <OptionsApp
    account={account}
    rejections={refused}
    oauthProvider={oauthProvider}
    guide={guide}
  />,
  document.getElementById('app') as HTMLElement,
);
