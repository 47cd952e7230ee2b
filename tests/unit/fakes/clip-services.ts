import { fakeBrowser } from 'wxt/testing/fake-browser';
import { actionBadge } from '@/utils/browser/badge';
import { injectedToast } from '@/utils/browser/page-toast';
import { browserTabs } from '@/utils/browser/tabs';
import { badgeAndToast } from '@/utils/clipping/clip-feedback';
import type { ClipTabServices } from '@/utils/clipping/clip-tab';
import { ClipRepository } from '@/utils/store/clip-repository';
import type { PeerclipDb } from '@/utils/store/database';
import { countingClock } from './captures';
import { freshDatabase } from './database';
import { FakeScripting } from './fake-scripting';

/** The clip use case's services over WXT's fake browser and fakes. */
export interface FakeClipWorld {
  services: ClipTabServices;
  scripting: FakeScripting;
  db: PeerclipDb;
}

/** Builds the services `clipTab` gets, all in memory. */
export function fakeClipWorld(): FakeClipWorld {
  const db = freshDatabase();
  const scripting = new FakeScripting();
  const services: ClipTabServices = {
    clips: new ClipRepository(db, countingClock()),
    scripting,
    tabs: browserTabs(),
    feedback: badgeAndToast(
      actionBadge(fakeBrowser.action, 2000),
      injectedToast(scripting),
    ),
    scripts: {
      selection: '/content-scripts/capture.js',
      page: '/content-scripts/article.js',
    },
    fileAccessAllowed: async () => false,
  };

  return { services, scripting, db };
}

/** Opens a tab on a URL in the fake browser and returns it. */
export async function openTab(url: string) {
  const tab = await fakeBrowser.tabs.create({ url });
  return { id: tab.id as number, url };
}
