import type {
  AccountReplies,
  AccountRequest,
} from '@/utils/messages/account-protocol';
import {
  NoReplyError,
  type MessageSender,
} from '@/utils/messages/request-client';

/** The account and sync requests as typed calls to the background. */
export interface AccountClient {
  send<R extends AccountRequest>(
    request: R,
  ): Promise<AccountReplies[R['type']]>;
}

type ReplyCheck = (reply: Record<string, unknown>) => boolean;

const isSyncState: ReplyCheck = (reply) =>
  typeof reply.pendingCount === 'number' && 'problem' in reply;

const isStatus: ReplyCheck = (reply) =>
  'workspace' in reply &&
  'user' in reply &&
  typeof reply.sync === 'object' &&
  reply.sync !== null &&
  isSyncState(reply.sync as Record<string, unknown>);

const isAccountReply: ReplyCheck = (reply) =>
  reply.ok === true ||
  (reply.ok === false && typeof reply.message === 'string');

function checkFor(type: AccountRequest['type']): ReplyCheck {
  if (type === 'account-status') return isStatus;
  if (type === 'sync-now') return isSyncState;
  return isAccountReply;
}

/**
 * Sends account requests over `runtime` and checks each reply has the
 * shape its request expects, so a page never renders a half-read answer.
 * A refusal of a status or sync request (e.g. an unknown request) throws
 * with the background's sentence.
 */
export function createAccountClient(runtime: MessageSender): AccountClient {
  return {
    async send<R extends AccountRequest>(
      request: R,
    ): Promise<AccountReplies[R['type']]> {
      let reply: unknown;
      try {
        reply = await runtime.sendMessage(request);
      } catch (error) {
        throw new NoReplyError('Peerclip’s background did not answer.', {
          cause: error,
        });
      }

      const fields = (typeof reply === 'object' && reply) || {};
      if (checkFor(request.type)(fields as Record<string, unknown>)) {
        return reply as AccountReplies[R['type']];
      }
      const { message } = fields as { message?: unknown };
      throw new NoReplyError(
        typeof message === 'string'
          ? message
          : 'Peerclip’s background sent an unreadable reply.',
      );
    },
  };
}
