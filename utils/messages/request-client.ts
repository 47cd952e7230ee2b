import type { PeerclipRequest, ReplyTo } from './protocol';

/** The one call the extension pages need from `runtime`. */
export interface MessageSender {
  sendMessage(message: unknown): Promise<unknown>;
}

/** The background did not answer in a way the page can read. */
export class NoReplyError extends Error {
  override name = 'NoReplyError';
  readonly code = 'no-reply';
}

/**
 * Sends a request to the background and checks the reply has the shape
 * every reply has: an object, with a `message` when `ok` is false. The
 * status and sync replies carry no `ok`.
 */
export async function sendRequest<R extends PeerclipRequest>(
  runtime: MessageSender,
  request: R,
): Promise<ReplyTo<R>> {
  let reply: unknown;
  try {
    reply = await runtime.sendMessage(request);
  } catch (error) {
    throw new NoReplyError('Peerclip’s background did not answer.', {
      cause: error,
    });
  }

  if (!isReply(reply)) {
    throw new NoReplyError('Peerclip’s background sent an unreadable reply.');
  }
  return reply as ReplyTo<R>;
}

function isReply(reply: unknown): boolean {
  if (typeof reply !== 'object' || reply === null) return false;

  const { ok, message } = reply as Record<string, unknown>;
  return ok !== false || typeof message === 'string';
}
