import type { IdentityFlow } from '@/utils/browser/identity';
import type { SyncAlarm } from '@/utils/browser/alarms';
import type {
  AccountReply,
  AccountStatus,
} from '@/utils/messages/account-protocol';
import type { RemoteSession } from '@/utils/remote/remote-api';
import { RemoteError } from '@/utils/remote/remote-error';
import type { WorkspaceConfig } from '@/utils/remote/supabase-client';
import type { DraftClock } from '@/utils/store/draft-from-capture';
import type { PeerclipDb } from '@/utils/store/database';
import { rejections } from '@/utils/sync/rejections';
import { readSyncState, type SyncState } from '@/utils/sync/sync-state';
import { AccountFailure, DONE, replyFromError } from './account-failure';
import {
  adoptLocalData,
  countLocalOnlyDrafts,
  forgetLocalData,
  keepDraftsLocally,
  localAccount,
  uploadHeldDrafts,
} from './local-data';
import { signInWithProvider } from './oauth-sign-in';
import type { SyncScheduler } from './sync-scheduler';
import type {
  WorkspaceClients,
  WorkspaceConnection,
} from './workspace-clients';
import { readWorkspaceInput } from './workspace-input';
import type { WorkspaceSettingsStore } from './workspace-settings';

/** What the account service is handed by the background. */
export interface AccountDeps {
  db: PeerclipDb;
  settings: WorkspaceSettingsStore;
  clients: WorkspaceClients;
  identity: IdentityFlow;
  alarm: SyncAlarm;
  sync: SyncScheduler;
  /** Checks a workspace answers like Supabase (see probeWorkspace). */
  probe(config: WorkspaceConfig): Promise<void>;
  clock: DraftClock;
}

/**
 * The background's answers to the account requests. Every action answers
 * `{ ok: true }` or a failure with one sentence; none rejects.
 */
export class AccountService {
  constructor(private readonly deps: AccountDeps) {}

  /** Who is signed in where, and how sync is doing. */
  async status(): Promise<AccountStatus> {
    const { db, settings } = this.deps;
    const workspace = await settings.current();
    return {
      workspace,
      user: workspace ? await this.signedInUser() : null,
      // The outbox now, not as the last run left it.
      sync: {
        ...(await readSyncState(db)),
        pendingCount: await db.outbox.count(),
      },
      localOnlyDrafts: await countLocalOnlyDrafts(db),
      rejectedChanges: (await rejections.list(db)).length,
      conflictCopies: await db.clips
        .orderBy('conflictOf')
        .filter((clip) => clip.state === 'draft')
        .count(),
    };
  }

  /** Checks and keeps a workspace a person typed in. */
  connect(url: string, anonKey: string): Promise<AccountReply> {
    return this.act(async () => {
      const config = readWorkspaceInput(url, anonKey);
      const current = await this.deps.settings.current();
      if (current?.url !== config.url && (await this.signedInUser())) {
        throw new AccountFailure(
          'failed',
          'Sign out before connecting another workspace.',
        );
      }

      await this.deps.probe(config);
      await this.deps.settings.saveUser(config);
    });
  }

  /** Back to local-only mode, signing out first. */
  disconnect(keepDrafts: boolean): Promise<AccountReply> {
    return this.act(async () => {
      const current = await this.deps.settings.current();
      if (current?.source === 'managed') {
        throw new AccountFailure(
          'managed',
          'Your administrator set the workspace; it cannot be changed here.',
        );
      }

      if (await this.signedInUser()) await this.leave(keepDrafts);

      await this.deps.settings.clearUser();
    });
  }

  /** Signs in with an email and password. */
  signInWithPassword(email: string, password: string): Promise<AccountReply> {
    return this.signIn((c) => c.remote.signInWithPassword(email, password));
  }

  /** Emails a one-time code to an existing account. */
  sendCode(email: string): Promise<AccountReply> {
    return this.act(async () => {
      await (await this.connection()).remote.signInWithOtp(email);
    });
  }

  /** Signs in with the code that was emailed. */
  verifyCode(email: string, code: string): Promise<AccountReply> {
    return this.signIn(async (c) => {
      try {
        return await c.remote.verifyOtp(email, code);
      } catch (error) {
        if (!(error instanceof RemoteError)) throw error;
        if (error.code !== 'invalid-credentials') throw error;
        throw new AccountFailure(
          'invalid-code',
          'This code is wrong or expired. Ask for a new one.',
        );
      }
    });
  }

  /** Signs in through a workplace identity provider's window. */
  signInWithProvider(provider: string): Promise<AccountReply> {
    return this.signIn((c) =>
      signInWithProvider(provider, c.oauth, this.deps.identity),
    );
  }

  /**
   * Signs out, keeping this account's drafts as local drafts or not.
   * Without keeping them, changes that could not be sent first refuse the
   * sign-out rather than vanish.
   */
  signOut(keepDrafts: boolean): Promise<AccountReply> {
    return this.act(() => this.leave(keepDrafts));
  }

  /** Queues the drafts written without an account, and syncs them. */
  uploadLocalDrafts(): Promise<AccountReply> {
    return this.act(async () => {
      if (!(await this.session())) {
        throw new AccountFailure('not-signed-in', 'Sign in to upload drafts.');
      }

      await uploadHeldDrafts(this.deps.db, this.deps.clock);
      await this.deps.sync.now();
    });
  }

  /** Syncs now and answers with the state the run recorded. */
  syncNow(): Promise<SyncState> {
    return this.deps.sync.now();
  }

  /**
   * After the worker starts: sync on the minute while signed in, and
   * once shortly. Never rejects.
   */
  async resume(): Promise<void> {
    try {
      if (!(await this.signedInUser())) {
        await this.deps.alarm.stop();
        return;
      }
      await this.deps.alarm.start();
      // Soon, not now: a worker woken by the alarm is about to sync anyway.
      this.deps.sync.soon();
    } catch (error) {
      console.warn('[peerclip] Could not resume sync.', error);
    }
  }

  private signIn(
    start: (connection: WorkspaceConnection) => Promise<RemoteSession>,
  ): Promise<AccountReply> {
    return this.act(async () => {
      const session = await start(await this.connection());

      const user = { id: session.userId, email: session.email };
      await adoptLocalData(this.deps.db, user, () => this.deps.clock.now());
      await this.deps.alarm.start();
      // The reply does not wait for the first sync; its state is stored.
      void this.deps.sync.now();
    });
  }

  private async leave(keepDrafts: boolean): Promise<void> {
    const connection = await this.connection();
    // Whatever can still reach the server goes before the account does.
    const { pendingCount } = await this.deps.sync.now();
    if (pendingCount > 0 && !keepDrafts) {
      const unsent =
        pendingCount === 1 ? 'A change has' : `${pendingCount} changes have`;
      throw new AccountFailure(
        'failed',
        `${unsent} not reached the workspace yet. ` +
          'Sync when you are online, or sign out keeping your drafts.',
      );
    }

    await connection.remote.signOut();
    await this.deps.alarm.stop();
    await (keepDrafts ? keepDraftsLocally : forgetLocalData)(this.deps.db);
  }

  private async connection(): Promise<WorkspaceConnection> {
    const connection = await this.deps.clients.connection();
    if (connection) return connection;
    throw new AccountFailure('not-connected', 'Connect a workspace first.');
  }

  private async session(): Promise<RemoteSession | null> {
    const connection = await this.deps.clients.connection();
    return connection ? connection.remote.getSession() : null;
  }

  /**
   * The signed-in person. Offline, the session cannot be refreshed but is
   * kept: the account the local data belongs to answers instead.
   */
  private async signedInUser() {
    try {
      const session = await this.session();
      return session ? { id: session.userId, email: session.email } : null;
    } catch (error) {
      if (!(error instanceof RemoteError) || error.code !== 'offline') {
        return null;
      }
      return (await localAccount(this.deps.db)) ?? null;
    }
  }

  private async act(action: () => Promise<void>): Promise<AccountReply> {
    try {
      await action();
      return DONE;
    } catch (error) {
      return replyFromError(error);
    }
  }
}
