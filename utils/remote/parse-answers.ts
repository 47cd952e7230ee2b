import { RemoteError } from './remote-error';
import type {
  ChangeResult,
  FeedPage,
  PullPage,
  PulledChange,
  WireRecord,
} from './sync-wire';

/**
 * Checks push_changes' answer: one result per change sent, each with a
 * known status. A malformed answer throws, so nothing is acknowledged.
 */
export function parsePushAnswer(answer: unknown, sent: number): ChangeResult[] {
  const results = isRecord(answer) ? answer.results : undefined;
  if (!Array.isArray(results) || results.length !== sent) {
    throw badAnswer('push_changes');
  }
  return results.map((result) => {
    if (!isChangeResult(result)) throw badAnswer('push_changes');
    return result;
  });
}

/** Checks pull_changes' answer and turns it into a PullPage. */
export function parsePullAnswer(answer: unknown): PullPage {
  if (
    !isRecord(answer) ||
    !Array.isArray(answer.changes) ||
    typeof answer.cursor !== 'number' ||
    typeof answer.has_more !== 'boolean' ||
    !answer.changes.every(isPulledChange)
  ) {
    throw badAnswer('pull_changes');
  }
  return {
    changes: answer.changes,
    cursor: answer.cursor,
    hasMore: answer.has_more,
  };
}

/** Checks feed_page's answer; items are rendered later through sanitising. */
export function parseFeedAnswer(answer: unknown): FeedPage {
  if (
    !isRecord(answer) ||
    !Array.isArray(answer.items) ||
    !answer.items.every((item) => isRecord(item) && isText(item.id)) ||
    !(answer.cursor === null || isText(answer.cursor))
  ) {
    throw badAnswer('feed_page');
  }
  return answer as unknown as FeedPage;
}

function isChangeResult(value: unknown): value is ChangeResult {
  if (!isRecord(value) || typeof value.index !== 'number') return false;
  switch (value.status) {
    case 'applied':
      return isText(value.id) && isVersion(value.version, true);
    case 'conflict':
      return (
        isText(value.id) &&
        isVersion(value.server_version, false) &&
        isRecord(value.record)
      );
    case 'rejected':
      return isText(value.reason) && isText(value.code);
    default:
      return false;
  }
}

function isPulledChange(value: unknown): value is PulledChange {
  return (
    isRecord(value) &&
    typeof value.seq === 'number' &&
    isText(value.entity) &&
    isText(value.id) &&
    typeof value.deleted === 'boolean' &&
    (value.record === null || isRecord(value.record))
  );
}

function isVersion(value: unknown, nullable: boolean): boolean {
  return Number.isInteger(value) || (nullable && value === null);
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

/** True for a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is WireRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function badAnswer(fn: string): RemoteError {
  return new RemoteError(
    'bad-answer',
    `The workspace answered ${fn} in an unexpected shape.`,
  );
}
