import type {
  ClipKind,
  ClipState,
  ClipVisibility,
  Selector,
} from '@/utils/models/clip';
import type { WireRecord } from '@/utils/remote/sync-wire';
import type { SyncedClip } from './synced-clip';

/** The clip fields an author may send with `clip.upsert`. */
export function clipToRecord(clip: SyncedClip): WireRecord {
  const record: WireRecord = {
    id: clip.id,
    kind: clip.kind,
    source_url: clip.sourceUrl,
    canonical_url: clip.canonicalUrl,
    title: clip.title,
    site: clip.site,
    quote: clip.quote,
    quote_truncated: clip.quoteTruncated,
    selectors: clip.selectors,
    snippet: clip.snippet,
    byline: clip.byline,
    excerpt: clip.excerpt,
    note: clip.note,
    tags: clip.tags,
    topic_id: clip.topicId,
    visibility: clip.visibility,
  };
  // Publishing goes through review; an author only moves to these states.
  if (clip.state === 'draft' || clip.state === 'archived') {
    record.state = clip.state;
  }
  return record;
}

/**
 * A clip row from the server as the browser keeps it, or undefined when the
 * row lacks what a clip needs: a bad row is skipped, the rest still apply.
 */
export function recordToClip(record: WireRecord): SyncedClip | undefined {
  const text = (field: string) =>
    typeof record[field] === 'string' ? (record[field] as string) : '';
  if (!text('id') || !text('source_url') || !text('state')) return undefined;

  return {
    id: text('id'),
    kind: (text('kind') || 'selection') as ClipKind,
    sourceUrl: text('source_url'),
    canonicalUrl: text('canonical_url'),
    title: text('title'),
    site: text('site'),
    quote: text('quote'),
    quoteTruncated: record.quote_truncated === true,
    selectors: listOf(record.selectors) as Selector[],
    snippet: text('snippet'),
    byline: text('byline'),
    excerpt: text('excerpt'),
    note: text('note'),
    tags: listOf(record.tags).filter((tag) => typeof tag === 'string'),
    topicId: text('topic_id') || null,
    state: text('state') as ClipState,
    visibility: (text('visibility') || 'organisation') as ClipVisibility,
    createdAt: text('created_at'),
    updatedAt: text('updated_at'),
  };
}

/** True when the server's row is gone: tombstoned or soft-deleted. */
export function isDeletedRecord(record: WireRecord | null): boolean {
  return (
    !record || (record.deleted_at !== null && record.deleted_at !== undefined)
  );
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
