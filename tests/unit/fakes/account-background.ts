import type {
  AccountRequest,
  AccountStatus,
  WorkspaceSettings,
} from '@/utils/messages/account-protocol';
import type { MessageSender } from '@/utils/messages/request-client';
import { INITIAL_SYNC_STATE } from '@/utils/sync/sync-state';

/** A workspace a person connected by hand. */
export const USER_WORKSPACE: WorkspaceSettings = {
  url: 'https://northwind.supabase.co',
  anonKey: 'anon-key',
  source: 'user',
};

/** The status of a browser in local-only mode, with overrides. */
export function fakeStatus(overrides: Partial<AccountStatus> = {}) {
  return {
    workspace: null,
    user: null,
    sync: { ...INITIAL_SYNC_STATE },
    localOnlyDrafts: 0,
    rejectedChanges: 0,
    conflictCopies: 0,
    ...overrides,
  } satisfies AccountStatus;
}

/** Signed in as Carol on the hand-connected workspace. */
export function signedInStatus(overrides: Partial<AccountStatus> = {}) {
  return fakeStatus({
    workspace: USER_WORKSPACE,
    user: { id: 'user-carol', email: 'carol@northwind.example' },
    ...overrides,
  });
}

function apply(status: AccountStatus, request: AccountRequest): AccountStatus {
  const email = (request as { email?: string }).email ?? 'sso@example';
  const user = { id: 'user-1', email };
  switch (request.type) {
    case 'workspace-connect': {
      const { url, anonKey } = request;
      return { ...status, workspace: { ...USER_WORKSPACE, url, anonKey } };
    }
    case 'workspace-disconnect':
      return { ...status, workspace: null, user: null };
    case 'sign-in-password':
    case 'sign-in-code-verify':
    case 'sign-in-oauth':
      return { ...status, user };
    case 'sign-out':
      return { ...status, user: null };
    case 'upload-local-drafts':
      return { ...status, localOnlyDrafts: 0 };
    default:
      return status;
  }
}

/**
 * The background as the pages see it over `runtime`: an account status
 * that the actions change, and any answer a test sets instead.
 */
export function fakeAccountBackground(initial = fakeStatus()) {
  const sent: AccountRequest[] = [];
  const answers = new Map<AccountRequest['type'], () => unknown>();
  let status: AccountStatus = initial;

  const runtime: MessageSender = {
    async sendMessage(message) {
      const request = message as AccountRequest;
      sent.push(request);

      const answer = answers.get(request.type);
      if (answer) return answer();
      if (request.type === 'account-status') return status;
      if (request.type === 'sync-now') return status.sync;
      status = apply(status, request);
      return { ok: true };
    },
  };

  return {
    runtime,
    sent,
    /** Makes every request of `type` answer `reply` (or throw). */
    answer(type: AccountRequest['type'], reply: () => unknown) {
      answers.set(type, reply);
    },
  };
}
