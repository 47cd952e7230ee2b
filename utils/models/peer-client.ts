import type { PeerReplies, PeerRequest } from '@/utils/messages/peer-protocol';
import {
  sendRequest,
  type MessageSender,
} from '@/utils/messages/request-client';

/** The reply to a peer request, whatever went wrong on the way. */
export type PeerReply<R extends PeerRequest> = PeerReplies[R['type']];

/**
 * Sends a peer request to the background. A background that does not
 * answer, or refuses the request as malformed, becomes a `failed` reply
 * with its sentence, so the surfaces only ever handle replies.
 */
export async function askBackground<R extends PeerRequest>(
  runtime: MessageSender,
  request: R,
): Promise<PeerReply<R>> {
  try {
    const reply = await sendRequest(runtime, request);
    if (!reply.ok && reply.code === 'bad-request') {
      return { ok: false, code: 'failed', message: reply.message } as never;
    }
    return reply as PeerReply<R>;
  } catch (error) {
    const message =
      error instanceof Error ? error.message : 'Peerclip did not answer.';
    return { ok: false, code: 'failed', message } as never;
  }
}
