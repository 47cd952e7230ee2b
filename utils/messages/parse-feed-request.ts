import type { FeedScope } from '@/utils/remote/sync-wire';
import { BadRequestError } from './bad-request-error';
import type { FeedRequest } from './feed-protocol';

const SCOPES: readonly FeedScope[] = [
  'following',
  'team',
  'everyone',
  'site',
  'page',
];

/** Longest target and cursor the background passes on. */
const MAX_TEXT = 4096;

/**
 * Reads a `feed-page` request, or throws BadRequestError naming the field
 * that is wrong. `site` and `page` need the target they are about.
 */
export function parseFeedRequest(fields: Record<string, unknown>): FeedRequest {
  const { scope } = fields;
  if (!SCOPES.includes(scope as FeedScope)) {
    throw new BadRequestError(
      `Unknown feed scope ${JSON.stringify(scope)}; ` +
        `use one of ${SCOPES.join(', ')}.`,
    );
  }

  const target = optionalText(fields, 'target');
  const cursor = optionalText(fields, 'cursor');
  if ((scope === 'site' || scope === 'page') && !target) {
    throw new BadRequestError(`The "${scope}" feed needs a "target".`);
  }

  return {
    type: 'feed-page',
    scope: scope as FeedScope,
    ...(target ? { target } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

function optionalText(
  fields: Record<string, unknown>,
  name: string,
): string | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new BadRequestError(`"${name}" must be a non-empty string.`);
  }
  if (value.length > MAX_TEXT) {
    throw new BadRequestError(`"${name}" is longer than ${MAX_TEXT}.`);
  }
  return value;
}
