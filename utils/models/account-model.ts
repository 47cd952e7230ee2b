import { computed, signal } from '@preact/signals';
import type {
  AccountFailureCode,
  AccountRequest,
  AccountStatus,
} from '@/utils/messages/account-protocol';
import type { SyncState } from '@/utils/sync/sync-state';
import type { AccountClient } from './account-client';
import { problemFrom } from './clip-problem';
import type { LiveSource } from './drafts-model';

/** What the account and sync views reach the outside world through. */
export interface AccountServices {
  account: AccountClient;
  /** The sync state as the background records it, live. */
  observeSync?(): LiveSource<SyncState>;
  /** Opens the options page, where a person signs in. */
  openOptions(): Promise<void>;
}

/** The part of the page an action belongs to, where its failure shows. */
export type AccountSection = 'workspace' | 'account' | 'upload' | 'sync';

/**
 * A failed action, said in the section it belongs to; `code` is set when
 * the background refused it, so the page can say it in its own words.
 */
export interface SectionProblem {
  section: AccountSection;
  message: string;
  code?: AccountFailureCode;
}

/** A choice that drops or keeps local drafts, asked before acting. */
export type DraftsChoice = 'sign-out' | 'disconnect';

type ActionRequest = Exclude<
  AccountRequest,
  { type: 'account-status' } | { type: 'sync-now' }
>;

/**
 * The account as the options page and the side panel show it: the status
 * the background reports, the action in flight, and what went wrong, kept
 * as state so no failure goes unseen or unhandled.
 */
export function createAccountModel(services: AccountServices) {
  const status = signal<AccountStatus | null>(null);
  const statusProblem = signal<string | null>(null);
  const busy = signal<AccountSection | null>(null);
  const problem = signal<SectionProblem | null>(null);
  const syncing = signal(false);
  const codeSentTo = signal<string | null>(null);
  const asking = signal<DraftsChoice | null>(null);
  const uploadDeclined = signal(false);

  const uploadOffer = computed(() => {
    const current = status.value;
    if (!current?.workspace || !current.user || uploadDeclined.value) return 0;
    return current.localOnlyDrafts;
  });

  /** Reads the status again from the background. */
  async function refresh() {
    try {
      status.value = await services.account.send({ type: 'account-status' });
      statusProblem.value = null;
    } catch (error) {
      statusProblem.value = problemFrom(
        error,
        'The sync status could not be read.',
      ).message;
    }
  }

  async function act(section: AccountSection, request: ActionRequest) {
    busy.value = section;
    problem.value = null;

    try {
      const reply = await services.account.send(request);
      if (!reply.ok) {
        const { code, message } = reply;
        problem.value = { section, code, message };
        return false;
      }
      await refresh();
      return true;
    } catch (error) {
      const { message } = problemFrom(error, 'That did not work. Try again.');
      problem.value = { section, message };
      return false;
    } finally {
      busy.value = null;
    }
  }

  /** Asks the background to sync now; the outcome becomes the status. */
  async function syncNow() {
    syncing.value = true;

    try {
      const sync = await services.account.send({ type: 'sync-now' });
      if (status.value) status.value = { ...status.value, sync };
      if (problem.value?.section === 'sync') problem.value = null;
    } catch (error) {
      const { message } = problemFrom(error, 'Sync could not start.');
      problem.value = { section: 'sync', message };
    } finally {
      syncing.value = false;
    }
  }

  /** Follows the recorded sync state, so a run elsewhere shows here. */
  function follow() {
    const subscription = services.observeSync?.().subscribe({
      next: (sync) => {
        if (status.value) status.value = { ...status.value, sync };
      },
      error: (error) => {
        console.warn('[peerclip] The sync state could not be read.', error);
      },
    });
    return () => subscription?.unsubscribe();
  }

  async function sendCode(email: string) {
    if (await act('account', { type: 'sign-in-code-send', email })) {
      codeSentTo.value = email;
    }
  }

  async function verifyCode(code: string) {
    const email = codeSentTo.value;
    if (!email) return;

    if (await act('account', { type: 'sign-in-code-verify', email, code })) {
      codeSentTo.value = null;
    }
  }

  async function choose(keepDrafts: boolean) {
    const choice = asking.value;
    if (!choice) return;

    asking.value = null;
    if (choice === 'sign-out') {
      await act('account', { type: 'sign-out', keepDrafts });
    } else {
      await act('workspace', { type: 'workspace-disconnect', keepDrafts });
    }
  }

  return {
    status,
    statusProblem,
    busy,
    problem,
    syncing,
    codeSentTo,
    asking,
    uploadOffer,
    refresh,
    syncNow,
    follow,
    connect: (url: string, anonKey: string) =>
      act('workspace', { type: 'workspace-connect', url, anonKey }),
    signInWithPassword: (email: string, password: string) =>
      act('account', { type: 'sign-in-password', email, password }),
    signInWithProvider: (provider: string) =>
      act('account', { type: 'sign-in-oauth', provider }),
    sendCode,
    verifyCode,
    cancelCode: () => (codeSentTo.value = null),
    ask: (choice: DraftsChoice) => (asking.value = choice),
    choose,
    cancelChoice: () => (asking.value = null),
    uploadDrafts: () => act('upload', { type: 'upload-local-drafts' }),
    declineUpload: () => (uploadDeclined.value = true),
    openOptions: () => services.openOptions(),
  };
}

/** The account's state and actions, as the components see them. */
export type AccountModel = ReturnType<typeof createAccountModel>;
