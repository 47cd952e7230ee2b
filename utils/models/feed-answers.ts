import type { FeedReply } from '@/utils/messages/feed-protocol';
import type { FeedItem } from '@/utils/remote/sync-wire';

// What the background and the cache hand the feed is checked here: a bad
// row is dropped and a bad reply becomes a failure, never a crash.

const UNREADABLE = 'The feed sent something unreadable.';

const isText = (value: unknown): value is string => typeof value === 'string';
const count = (value: unknown) =>
  typeof value === 'number' && value >= 0 ? Math.floor(value) : 0;

/**
 * A feed item fit to render, or null: a bad row from the cache or the
 * server is dropped while the rest of its page still shows.
 */
export function readableFeedItem(raw: unknown): FeedItem | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const item = raw as Record<string, unknown>;
  const required = ['id', 'author_id', 'quote', 'published_at'];
  if (!required.every((field) => isText(item[field]))) return null;

  const text = (field: string) => (isText(item[field]) ? item[field] : '');
  const orNull = (field: string) => (isText(item[field]) ? item[field] : null);
  const trust = item.trust;
  return {
    ...(item as unknown as FeedItem),
    author_name: orNull('author_name'),
    author_team_name: orNull('author_team_name'),
    topic_name: orNull('topic_name'),
    title: text('title'),
    site: text('site'),
    source_url: text('source_url'),
    note: text('note'),
    tags: Array.isArray(item.tags) ? item.tags.filter(isText) : [],
    trust:
      trust === 'trusted' || trust === 'awaiting_endorsement' ? trust : 'none',
    comment_count: count(item.comment_count),
    peer_endorsement_count: count(item.peer_endorsement_count),
    official_endorsement_count: count(item.official_endorsement_count),
  };
}

/** Adds `more` after `list`, skipping bad rows and clips already listed. */
export function appendUnique(list: FeedItem[], more: unknown[]): FeedItem[] {
  const seen = new Set(list.map((item) => item.id));
  const added: FeedItem[] = [];
  for (const raw of more) {
    const item = readableFeedItem(raw);
    if (!item || seen.has(item.id)) continue;
    seen.add(item.id);
    added.push(item);
  }
  return added.length === 0 ? list : [...list, ...added];
}

/** A page reply fit to use, or a failure reply saying it was not. */
export function checkedReply(reply: unknown): FeedReply {
  const shaped = reply as FeedReply | null;
  if (shaped?.ok === false && isText(shaped.code)) return shaped;
  const page = shaped?.ok === true && Array.isArray(shaped.items);
  if (page && (shaped.cursor === null || isText(shaped.cursor))) {
    return shaped;
  }
  console.warn('[peerclip] The feed reply was unreadable.', reply);
  return { ok: false, code: 'failed', message: UNREADABLE };
}
