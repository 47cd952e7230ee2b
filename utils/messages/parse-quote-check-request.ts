import { BadRequestError } from './bad-request-error';
import {
  MAX_CHECKED_CONTEXT,
  MAX_CHECKED_EXACT,
  MAX_QUOTE_CHECKS,
  type CheckPageQuotesRequest,
  type QuoteToCheck,
} from './quote-check-protocol';

/** Longest clip id taken: a uuid, with room to spare. */
const MAX_ID = 64;

function text(
  fields: Record<string, unknown>,
  name: keyof QuoteToCheck,
  max: number,
  where: string,
): string {
  const value = fields[name];
  if (typeof value !== 'string') {
    throw new BadRequestError(`${where}: "${name}" must be a string.`);
  }
  if (value.length > max) {
    throw new BadRequestError(
      `${where}: "${name}" is longer than ${max} characters.`,
    );
  }
  return value;
}

function parseQuote(value: unknown, index: number): QuoteToCheck {
  const where = `clips[${index}]`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadRequestError(`${where} must be an object.`);
  }

  const fields = value as Record<string, unknown>;
  const id = text(fields, 'id', MAX_ID, where);
  if (id === '') throw new BadRequestError(`${where}: "id" is empty.`);
  const { sourceChanged } = fields;
  if (sourceChanged !== undefined && typeof sourceChanged !== 'boolean') {
    throw new BadRequestError(
      `${where}: "sourceChanged" must be true, false or absent.`,
    );
  }

  return {
    id,
    exact: text(fields, 'exact', MAX_CHECKED_EXACT, where),
    prefix: text(fields, 'prefix', MAX_CHECKED_CONTEXT, where),
    suffix: text(fields, 'suffix', MAX_CHECKED_CONTEXT, where),
    ...(sourceChanged === undefined ? {} : { sourceChanged }),
  };
}

/**
 * Reads a `check-page-quotes` request, or throws BadRequestError naming
 * the clip and field that is wrong: at most MAX_QUOTE_CHECKS clips, each
 * with an id and a quote selector of bounded length.
 */
export function parseQuoteCheckRequest(
  fields: Record<string, unknown>,
): CheckPageQuotesRequest {
  const { clips, pageUrl } = fields;
  if (typeof pageUrl !== 'string' || !/^https?:\/\//.test(pageUrl)) {
    throw new BadRequestError('"pageUrl" must be the page\'s web address.');
  }
  if (!Array.isArray(clips)) {
    throw new BadRequestError('"clips" must be a list of quotes to check.');
  }
  if (clips.length > MAX_QUOTE_CHECKS) {
    throw new BadRequestError(
      `"clips" holds ${clips.length} quotes; at most ` +
        `${MAX_QUOTE_CHECKS} are checked at once.`,
    );
  }

  return {
    type: 'check-page-quotes',
    pageUrl: pageUrl.slice(0, 4096),
    clips: clips.map(parseQuote),
  };
}
