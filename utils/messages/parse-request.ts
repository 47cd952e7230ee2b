import { BadRequestError } from './bad-request-error';
import {
  isAccountRequestType,
  parseAccountRequest,
} from './parse-account-request';
import { parseFeedRequest } from './parse-feed-request';
import { isPeerRequestType, parsePeerRequest } from './parse-peer-request';
import { parseQuoteCheckRequest } from './parse-quote-check-request';
import type { PeerclipRequest } from './protocol';

export { BadRequestError } from './bad-request-error';

const CLIP_MODES = ['selection', 'page'];

/**
 * Reads a message as a request of the protocol, or throws BadRequestError
 * saying what is wrong with it.
 */
export function parseRequest(message: unknown): PeerclipRequest {
  if (typeof message !== 'object' || message === null) {
    throw new BadRequestError('A request must be an object with a type.');
  }

  const fields = message as Record<string, unknown>;
  const { type, mode } = fields;
  if (isAccountRequestType(type)) return parseAccountRequest(type, fields);
  if (type === 'feed-page') return parseFeedRequest(fields);
  if (isPeerRequestType(type)) return parsePeerRequest(type, fields);
  if (type === 'check-page-quotes') return parseQuoteCheckRequest(fields);
  if (type !== 'clip-active-tab') {
    throw new BadRequestError(
      `Unknown request type ${JSON.stringify(type)}; ` +
        'see utils/messages/protocol.ts for the known ones.',
    );
  }
  if (typeof mode !== 'string' || !CLIP_MODES.includes(mode)) {
    throw new BadRequestError(
      `Unknown clip mode ${JSON.stringify(mode)}; ` +
        'use "selection" or "page".',
    );
  }

  return { type, mode: mode as 'selection' | 'page' };
}
