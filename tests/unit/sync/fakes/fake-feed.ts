import { RemoteError } from '../../../../utils/remote/remote-error';
import type {
  FeedItem,
  FeedPage,
  FeedQuery,
  WireRecord,
} from '../../../../utils/remote/sync-wire';
import { peerDataOf } from './fake-peer-data';
import { nameOf, teamName, trustOf } from './fake-peer-reads';
import { feedQuoteSelector, sourceChangedAt } from './fake-source-checks';
import type { FakeWorkspace } from './fake-workspace';

/**
 * feed_page over the fake's clips: published clips the reader may see,
 * newest first, with an opaque cursor. Ranking by trust and network is not
 * modelled (items still say their trust), nor are the team and following
 * scopes, which answer everyone's clips.
 */
export function feedPageOf(workspace: FakeWorkspace) {
  return (userId: string, query: FeedQuery): FeedPage => {
    const data = peerDataOf(workspace);
    const size = Math.min(Math.max(query.max ?? 20, 1), 100);
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const ranked = [...workspace.clips.values()]
      .filter((row) => row.state === 'published' && data.readsClip(userId, row))
      .filter((row) => inScope(row, query))
      .sort(newestFirst)
      .filter((row) => !after || newestFirst(row, after) > 0);
    const page = ranked.slice(0, size);
    const last = page.at(-1);

    return {
      items: page.map((row) => ({
        ...toItem(workspace, userId, row),
        source_changed: sourceChangedAt(workspace, String(row.id)) !== null,
        quote_selector: query.scope === 'page' ? feedQuoteSelector(row) : null,
      })),
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

function toItem(
  workspace: FakeWorkspace,
  userId: string,
  row: WireRecord,
): FeedItem {
  const data = peerDataOf(workspace);
  const now = new Date();
  const quote = String(row.quote);
  const active = data.endorsements.filter(
    (e) => e.clip_id === row.id && data.isActive(e, row, now),
  );
  const mine = active.find((e) => e.endorser_id === userId);
  const count = (kind: string) => active.filter((e) => e.kind === kind).length;
  return {
    id: String(row.id),
    author_id: String(row.author_id),
    author_name: nameOf(workspace, row.author_id),
    title: String(row.title),
    site: String(row.site),
    source_url: String(row.source_url),
    canonical_url: String(row.canonical_url),
    quote: quote.slice(0, 1000),
    quote_is_excerpt: quote.length > 1000,
    note: String(row.note),
    tags: row.tags as string[],
    topic_id: (row.topic_id as string | null) ?? null,
    topic_name: data.topics.get(String(row.topic_id))?.name ?? null,
    visibility: String(row.visibility),
    published_at: String(row.published_at),
    version: Number(row.version),
    in_network: false,
    trust: trustOf(data, row, now),
    comment_count: data.comments.filter(
      (c) => c.clip_id === row.id && !c.deleted_at,
    ).length,
    peer_endorsement_count: count('peer'),
    author_team_name: teamName(
      data,
      data.profileOf(String(row.author_id)).teamId,
    ),
    official_endorsement_count: count('official'),
    my_endorsement: mine
      ? { id: String(mine.id), kind: mine.kind as 'peer' | 'official' }
      : null,
    can_endorse_officially: data.endorsesTopicOf(userId, row),
  };
}
