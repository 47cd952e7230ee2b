import { browser } from 'wxt/browser';
import { browserSyncAlarm } from '@/utils/browser/alarms';
import { browserIdentityFlow } from '@/utils/browser/identity';
import { readManagedSettings } from '@/utils/browser/managed-storage';
import { onBackOnline } from '@/utils/browser/online';
import { systemClock } from '@/utils/store/draft-from-capture';
import type { PeerclipDb } from '@/utils/store/database';
import {
  countActivity,
  markActivitySeen,
  readActivitySeenAt,
} from '@/utils/store/activity';
import { FeedCache } from '@/utils/store/feed-cache';
import { PeerAnswerStore } from '@/utils/store/peer-answer-store';
import { accountHandlers, type AccountHandlers } from './account-handlers';
import { createActivityBadge, type ActivityBadge } from './activity-badge';
import { AccountService } from './account-service';
import { backgroundSyncRun } from './background-sync';
import { createFeedService, type FeedService } from './feed-service';
import { localAccount } from './local-data';
import { createPeerService, type PeerService } from './peer-service';
import { supabaseConnection } from './supabase-connection';
import { createSyncScheduler } from './sync-scheduler';
import { startSyncTriggers } from './sync-triggers';
import {
  WorkspaceClients,
  type WorkspaceConnection,
} from './workspace-clients';
import { probeWorkspace } from './workspace-probe';
import { WorkspaceSettingsStore } from './workspace-settings';

/** The account side of the background, built over the real browser. */
export interface AccountBackground {
  account: AccountService;
  handlers: AccountHandlers;
  /** Answers `feed-page`: the peer feed, fetched and cached. */
  feed: FeedService;
  /** Answers clip detail, review queue, directory, follow and guide. */
  peers: PeerService;
  /** News on the reader's clips on the toolbar button. */
  activity: ActivityBadge;
  /** The workspace connection in force; null in local-only mode. */
  connection(): Promise<WorkspaceConnection | null>;
}

/** The activity badge over the database and the toolbar button. */
function activityBadge(db: PeerclipDb, now: () => Date): ActivityBadge {
  return createActivityBadge({
    action: browser.action ?? browser.browserAction,
    async unseen() {
      const reader = await localAccount(db);
      if (!reader) return 0;
      return countActivity(db, reader.id, await readActivitySeenAt(db));
    },
    markSeen: () => markActivitySeen(db, now()),
  });
}

/**
 * Builds the account and sync services of the service worker, starts the
 * sync triggers and resumes syncing when someone is signed in.
 */
export function startAccountBackground(db: PeerclipDb): AccountBackground {
  const settings = new WorkspaceSettingsStore({
    local: browser.storage.local,
    readManaged: readManagedSettings,
    buildDefault: {
      url: import.meta.env.WXT_PEERCLIP_SUPABASE_URL,
      anonKey: import.meta.env.WXT_PEERCLIP_SUPABASE_ANON_KEY,
    },
  });
  const clients = new WorkspaceClients(settings, supabaseConnection);
  const alarm = browserSyncAlarm();
  const clock = systemClock;
  const owner = `background-${crypto.randomUUID()}`;
  const activity = activityBadge(db, () => clock.now());
  const syncOnce = backgroundSyncRun({ db, clients, clock, alarm, owner });
  const sync = createSyncScheduler(async () => {
    const state = await syncOnce();
    await activity.refresh();
    return state;
  });
  const account = new AccountService({
    ...{ db, settings, clients, alarm, sync, clock },
    identity: browserIdentityFlow(),
    probe: (config) => probeWorkspace(config, (url, init) => fetch(url, init)),
  });

  startSyncTriggers(db, { alarm, scheduler: sync, onBackOnline });
  void account.resume();
  const reading = {
    connection: () => clients.connection(),
    localUserId: async () => (await localAccount(db))?.id,
    now: () => clock.now(),
  };
  const feed = createFeedService({ ...reading, cache: new FeedCache(db) });
  const peers = createPeerService({
    ...reading,
    cache: new PeerAnswerStore(db),
  });
  void activity.refresh();
  return {
    ...{ account, handlers: accountHandlers(account) },
    ...{ feed, peers, activity },
    connection: reading.connection,
  };
}
