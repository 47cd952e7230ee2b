import type {
  AccountReplies,
  AccountRequest,
} from '@/utils/messages/account-protocol';
import {
  NoReplyError,
  sendRequest,
  type MessageSender,
} from '@/utils/messages/request-client';

/** The account and sync requests as typed calls to the background. */
export interface AccountClient {
  send<R extends AccountRequest>(
    request: R,
  ): Promise<AccountReplies[R['type']]>;
}

type Fields = Record<string, unknown>;

const isSyncState = (reply: Fields) =>
  typeof reply.pendingCount === 'number' && 'problem' in reply;

const isStatus = (reply: Fields) =>
  'workspace' in reply &&
  'user' in reply &&
  typeof reply.sync === 'object' &&
  reply.sync !== null &&
  isSyncState(reply.sync as Fields);

/** A status or sync reply must have its fields; an action's, `ok`. */
function fits(type: AccountRequest['type'], reply: Fields): boolean {
  if (type === 'account-status') return isStatus(reply);
  if (type === 'sync-now') return isSyncState(reply);
  return typeof reply.ok === 'boolean';
}

/**
 * Sends account requests through the request client and checks each
 * reply has the shape its request expects, so a page never renders a
 * half-read answer. A status or sync request the background refused
 * (e.g. as unknown) throws with the background's sentence.
 */
export function createAccountClient(runtime: MessageSender): AccountClient {
  return {
    async send<R extends AccountRequest>(
      request: R,
    ): Promise<AccountReplies[R['type']]> {
      const reply = (await sendRequest(runtime, request)) as unknown as Fields;
      if (fits(request.type, reply)) {
        return reply as AccountReplies[R['type']];
      }

      const { message } = reply;
      throw new NoReplyError(
        typeof message === 'string'
          ? message
          : 'Peerclip’s background sent an unreadable reply.',
      );
    },
  };
}
