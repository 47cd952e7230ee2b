import { parseRequest } from './parse-request';
import type {
  BadRequestReply,
  PeerclipReplies,
  PeerclipRequest,
} from './protocol';

/** How the background answers each kind of request. */
export type RequestHandlers = {
  [Type in PeerclipRequest['type']]: (
    request: Extract<PeerclipRequest, { type: Type }>,
    sender: { tab?: { id?: number } },
  ) => Promise<PeerclipReplies[Type]>;
};

/**
 * Makes a `runtime.onMessage` listener that validates each message and
 * answers it through the matching handler. A message that is not a request
 * of the protocol gets a `bad-request` reply, not silence.
 */
export function createRequestListener(handlers: RequestHandlers) {
  return (
    message: unknown,
    sender: { tab?: { id?: number } },
  ): Promise<PeerclipReplies[PeerclipRequest['type']] | BadRequestReply> => {
    let request: PeerclipRequest;
    try {
      request = parseRequest(message);
    } catch (error) {
      return Promise.resolve(badRequest(error));
    }

    // TypeScript cannot pair a union's member with its handler by itself.
    const handler = handlers[request.type] as (
      request: PeerclipRequest,
      sender: { tab?: { id?: number } },
    ) => Promise<PeerclipReplies[PeerclipRequest['type']]>;
    return handler(request, sender);
  };
}

function badRequest(error: unknown): BadRequestReply {
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, code: 'bad-request', message };
}
