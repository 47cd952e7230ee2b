import type { PeerclipRequest } from './protocol';

/** A message that is not a request of the protocol. */
export class BadRequestError extends Error {
  override name = 'BadRequestError';
  readonly code = 'bad-request';
}

const CLIP_MODES = ['selection', 'page'];

/**
 * Reads a message as a request of the protocol, or throws BadRequestError
 * saying what is wrong with it.
 */
export function parseRequest(message: unknown): PeerclipRequest {
  if (typeof message !== 'object' || message === null) {
    throw new BadRequestError('A request must be an object with a type.');
  }

  const { type, mode } = message as Record<string, unknown>;
  if (type !== 'clip-active-tab') {
    throw new BadRequestError(
      `Unknown request type ${JSON.stringify(type)}; ` +
        'the only one is "clip-active-tab".',
    );
  }
  if (typeof mode !== 'string' || !CLIP_MODES.includes(mode)) {
    throw new BadRequestError(
      `Unknown clip mode ${JSON.stringify(mode)}; ` +
        'use "selection" or "page".',
    );
  }

  return { type, mode: mode as PeerclipRequest['mode'] };
}
