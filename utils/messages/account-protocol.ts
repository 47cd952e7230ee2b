import type { SyncState } from '@/utils/sync/sync-state';

/** Where the workspace settings came from. */
export type WorkspaceSource = 'user' | 'managed' | 'build';

/** The Supabase project this browser syncs with. */
export interface WorkspaceSettings {
  url: string;
  anonKey: string;
  source: WorkspaceSource;
}

/** The person signed in to the workspace. */
export interface SignedInUser {
  id: string;
  email: string;
}

/** What the options page and the side panel show about the account. */
export interface AccountStatus {
  /** Null in local-only mode. */
  workspace: WorkspaceSettings | null;
  user: SignedInUser | null;
  sync: SyncState;
  /** Drafts made in local-only mode that were never uploaded. */
  localOnlyDrafts: number;
  /** Changes the server refused, still shown to the user. */
  rejectedChanges: number;
  /** Conflict copies waiting for the author to resolve them. */
  conflictCopies: number;
}

/** The requests about the workspace, the account and sync. */
export type AccountRequest =
  | { type: 'account-status' }
  | { type: 'workspace-connect'; url: string; anonKey: string }
  | { type: 'workspace-disconnect'; keepDrafts: boolean }
  | { type: 'sign-in-password'; email: string; password: string }
  | { type: 'sign-in-code-send'; email: string }
  | { type: 'sign-in-code-verify'; email: string; code: string }
  | { type: 'sign-in-oauth'; provider: string }
  | { type: 'sign-out'; keepDrafts: boolean }
  | { type: 'upload-local-drafts' }
  | { type: 'sync-now' };

/** Why an account action failed, for the UI to tell apart. */
export type AccountFailureCode =
  | 'unreachable'
  | 'not-supabase'
  | 'bad-settings'
  | 'managed'
  | 'invalid-credentials'
  | 'invalid-code'
  | 'not-connected'
  | 'not-signed-in'
  | 'oauth-cancelled'
  | 'failed';

/** The answer to an account action: done, or one sentence saying why not. */
export type AccountReply =
  { ok: true } | { ok: false; code: AccountFailureCode; message: string };

/** The reply to each account request. */
export interface AccountReplies {
  'account-status': AccountStatus;
  'workspace-connect': AccountReply;
  'workspace-disconnect': AccountReply;
  'sign-in-password': AccountReply;
  'sign-in-code-send': AccountReply;
  'sign-in-code-verify': AccountReply;
  'sign-in-oauth': AccountReply;
  'sign-out': AccountReply;
  'upload-local-drafts': AccountReply;
  'sync-now': SyncState;
}
