import type { RequestHandlers } from '@/utils/messages/request-handler';
import type { AccountRequest } from '@/utils/messages/account-protocol';
import type { AccountService } from './account-service';

/** The request handlers of the account requests. */
export type AccountHandlers = Pick<RequestHandlers, AccountRequest['type']>;

/** Answers each account request through the account service. */
export function accountHandlers(account: AccountService): AccountHandlers {
  return {
    'account-status': () => account.status(),
    'workspace-connect': ({ url, anonKey }) => account.connect(url, anonKey),
    'workspace-disconnect': ({ keepDrafts }) => account.disconnect(keepDrafts),
    'sign-in-password': ({ email, password }) =>
      account.signInWithPassword(email, password),
    'sign-in-code-send': ({ email }) => account.sendCode(email),
    'sign-in-code-verify': ({ email, code }) => account.verifyCode(email, code),
    'sign-in-oauth': ({ provider }) => account.signInWithProvider(provider),
    'sign-out': ({ keepDrafts }) => account.signOut(keepDrafts),
    'upload-local-drafts': () => account.uploadLocalDrafts(),
    'sync-now': () => account.syncNow(),
  };
}
