import { RemoteError } from '../../../../utils/remote/remote-error';
import type {
  FeedItem,
  FeedPage,
  FeedQuery,
  WireRecord,
} from '../../../../utils/remote/sync-wire';
import type { FakeWorkspace } from './fake-workspace';

/**
 * feed_page over the fake's clips: published clips, newest first, with an
 * opaque cursor. Ranking by trust and network is not modelled: every clip
 * ranks as `none` and outside the reader's network.
 */
export function feedPageOf(workspace: FakeWorkspace) {
  return (_userId: string, query: FeedQuery): FeedPage => {
    const size = Math.min(Math.max(query.max ?? 20, 1), 100);
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const ranked = [...workspace.clips.values()]
      .filter((row) => row.state === 'published' && !row.deleted_at)
      .filter((row) => inScope(row, query))
      .sort(newestFirst)
      .filter((row) => !after || newestFirst(row, after) > 0);
    const page = ranked.slice(0, size);
    const last = page.at(-1);

    return {
      items: page.map((row) => toItem(workspace, row)),
      cursor: page.length === size && last ? encodeCursor(last) : null,
    };
  };
}

function inScope(row: WireRecord, { scope, target }: FeedQuery): boolean {
  if (scope === 'site') return row.site === target;
  if (scope === 'page') return row.canonical_url === target;
  return true;
}

function newestFirst(a: WireRecord, b: WireRecord): number {
  const byTime = String(b.published_at).localeCompare(String(a.published_at));
  return byTime || String(b.id).localeCompare(String(a.id));
}

function encodeCursor(row: WireRecord): string {
  return btoa(JSON.stringify({ published_at: row.published_at, id: row.id }));
}

function decodeCursor(cursor: string): WireRecord {
  try {
    return JSON.parse(atob(cursor)) as WireRecord;
  } catch {
    throw new RemoteError(
      'bad-request',
      'cursor is not one that feed_page returned',
    );
  }
}

function toItem(workspace: FakeWorkspace, row: WireRecord): FeedItem {
  const quote = String(row.quote);
  const author = workspace.users.find((user) => user.id === row.author_id);
  return {
    id: String(row.id),
    author_id: String(row.author_id),
    author_name: author?.name ?? null,
    title: String(row.title),
    site: String(row.site),
    source_url: String(row.source_url),
    canonical_url: String(row.canonical_url),
    quote: quote.slice(0, 1000),
    quote_is_excerpt: quote.length > 1000,
    note: String(row.note),
    tags: row.tags as string[],
    topic_id: (row.topic_id as string | null) ?? null,
    topic_name: null,
    visibility: String(row.visibility),
    published_at: String(row.published_at),
    version: Number(row.version),
    in_network: false,
    trust: 'none',
    comment_count: 0,
    peer_endorsement_count: 0,
    author_team_name: null,
    official_endorsement_count: 0,
    my_endorsement: null,
    can_endorse_officially: false,
  };
}
