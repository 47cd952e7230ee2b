import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { IdentityFlow } from '@/utils/browser/identity';
import type { SyncAlarm } from '@/utils/browser/alarms';
import { AccountService } from '@/utils/background/account-service';
import { backgroundSyncRun } from '@/utils/background/background-sync';
import type { OAuthApi } from '@/utils/background/oauth-api';
import { createSyncScheduler } from '@/utils/background/sync-scheduler';
import { WorkspaceClients } from '@/utils/background/workspace-clients';
import { WorkspaceSettingsStore } from '@/utils/background/workspace-settings';
import { ClipRepository } from '@/utils/store/clip-repository';
import type { PeerclipDb } from '@/utils/store/database';
import { freshDatabase } from '../../fakes/database';
import {
  createFakeRemote,
  type FakeRemote,
} from '../../sync/fakes/fake-remote';
import type { FakeWorkspace } from '../../sync/fakes/fake-workspace';
import { fakeWorkspace, uuidClock } from '../../sync/fakes/sync-world';

/** A JWT-shaped key whose payload has the role; unsigned, as tests need. */
export function fakeKey(role: string): string {
  const part = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '');
  return `${part({ alg: 'HS256' })}.${part({ role })}.signature`;
}

/** The anon key of the fake workspace. */
export const ANON_KEY = fakeKey('anon');

/** The alarm as a flag the tests read. */
export function fakeAlarm(): SyncAlarm & { running: boolean } {
  const alarm = {
    running: false,
    start: async () => void (alarm.running = true),
    stop: async () => void (alarm.running = false),
    onFire: () => undefined,
  };
  return alarm;
}

/** An identity window that returns to the redirect with the given query. */
export function fakeIdentity(query: string | Error): IdentityFlow {
  return {
    redirectUrl: () => 'https://peerclip.chromiumapp.org/',
    launch: async () => {
      if (query instanceof Error) throw query;
      return `https://peerclip.chromiumapp.org/?${query}`;
    },
  };
}

/** Everything an account test pulls on. */
export interface AccountHarness {
  db: PeerclipDb;
  workspace: FakeWorkspace;
  remote: FakeRemote;
  clips: ClipRepository;
  alarm: ReturnType<typeof fakeAlarm>;
  account: AccountService;
  /** URLs the probe was asked to check. */
  probed: string[];
}

/**
 * The account service over the fake workspace, the fake browser's
 * storage and a fresh database; OAuth codes are the fake's emailed codes.
 */
export function accountHarness(
  options: { identity?: IdentityFlow } = {},
): AccountHarness {
  const db = freshDatabase();
  const workspace = fakeWorkspace();
  const remote = createFakeRemote(workspace);
  const clock = uuidClock();
  const alarm = fakeAlarm();
  const probed: string[] = [];
  const settings = new WorkspaceSettingsStore({
    local: fakeBrowser.storage.local,
    readManaged: () => fakeBrowser.storage.managed.get(),
    buildDefault: {},
  });
  const clients = new WorkspaceClients(settings, () => ({
    remote,
    oauth: fakeOAuth(remote, workspace),
  }));
  const run = backgroundSyncRun({ db, clients, clock, alarm, owner: 'bg' });
  const account = new AccountService({
    ...{ db, settings, clients, alarm, clock },
    sync: createSyncScheduler(run, 0),
    identity: options.identity ?? fakeIdentity('code=alice@example.com'),
    probe: async (config) => void probed.push(config.url),
  });

  return {
    ...{ db, workspace, remote, alarm, account, probed },
    clips: new ClipRepository(db, clock),
  };
}

/**
 * OAuth against the fake workspace: the code is the email of the person
 * the provider vouches for, exchanged through a one-time code.
 */
function fakeOAuth(remote: FakeRemote, workspace: FakeWorkspace): OAuthApi {
  return {
    authorizeUrl: async (provider, redirectTo) =>
      `https://idp.example/${provider}?redirect_to=${redirectTo}`,
    exchangeCode: async (email) => {
      await remote.signInWithOtp(email);
      return remote.verifyOtp(email, workspace.mailbox.get(email) ?? '');
    },
  };
}
