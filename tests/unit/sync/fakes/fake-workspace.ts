import { RemoteError } from '../../../../utils/remote/remote-error';
import {
  SERVER_BATCH_CAP,
  type ChangeResult,
  type PullPage,
  type WireRecord,
} from '../../../../utils/remote/sync-wire';
import {
  FakeRejection,
  expectChange,
  expectClip,
  expectFields,
  expectUuid,
} from './fake-clip-rules';
import { pushDiscussion, keptDiscussionRow } from './fake-discussion';
import { feedPageOf } from './fake-feed';
import { peerDataOf } from './fake-peer-data';

/** An account of the fake workspace. */
export interface FakeUser {
  id: string;
  email: string;
  password: string;
  name: string;
}

/** A result before push_changes numbers it. */
export type Outcome = ChangeResult extends infer Result
  ? Result extends ChangeResult
    ? Omit<Result, 'index' | 'change_id'>
    : never
  : never;

/**
 * An in-memory Supabase project with the wire semantics of push_changes,
 * pull_changes and feed_page (SYNC-PROTOCOL.md): versions,
 * idempotency by change id, conflicts with the server's row, rejections
 * with reasons, a per-person change feed with tombstones. The contract
 * suite runs the same cases here and on the local stack.
 */
export class FakeWorkspace {
  readonly clips = new Map<string, WireRecord>();
  readonly mailbox = new Map<string, string>();
  private readonly applied = new Map<string, Outcome>();
  private readonly feeds = new Map<string, Map<string, number>>();
  /** The entity of every row in a feed other than a clip. */
  private readonly entities = new Map<string, string>();
  private seq = 0;
  private ticks = 0;

  constructor(readonly users: FakeUser[]) {}

  /** push_changes as the user: one result per change, in order. */
  push(userId: string, batch: unknown): ChangeResult[] {
    if (!Array.isArray(batch)) {
      throw wholeCall('batch must be a JSON array of changes');
    }
    if (batch.length > SERVER_BATCH_CAP) {
      throw wholeCall(`a batch holds at most ${SERVER_BATCH_CAP} changes`);
    }
    return batch.map((change: unknown, index) => {
      const changeId = (change as WireRecord | null)?.change_id ?? null;
      return { index, change_id: changeId, ...this.pushOne(userId, change) };
    }) as ChangeResult[];
  }

  /** pull_changes as the user. */
  pull(userId: string, since: number, max: number): PullPage {
    const size = Math.min(Math.max(max, 1), 1000);
    const after = [...(this.feeds.get(userId) ?? new Map()).entries()]
      .filter(([, seq]) => seq > since)
      .sort((a, b) => a[1] - b[1]);
    const page = after.slice(0, size).map(([id, seq]) => {
      const entity = this.entities.get(id) ?? 'clip';
      const record =
        entity === 'clip'
          ? this.keptClip(userId, id)
          : keptDiscussionRow(this, userId, entity, id);
      return { seq, entity, id, deleted: !record, record };
    });
    return {
      changes: page,
      cursor: page.at(-1)?.seq ?? since,
      hasMore: after.length > size,
    };
  }

  /** feed_page as the user. */
  feedPage = feedPageOf(this);

  /** What pull_changes would send in full: the user's kept clips. */
  keptClips(userId: string): WireRecord[] {
    return [...this.clips.keys()]
      .map((id) => this.keptClip(userId, id))
      .filter((record): record is WireRecord => record !== null);
  }

  /** Adds a published clip of another person, as a seed would. */
  seedPublished(record: WireRecord): void {
    const row = this.newRow(String(record.author_id), record);
    this.clips.set(String(row.id), { ...row, state: 'published' });
  }

  /**
   * Puts a changed row in the feed of everyone who keeps it, or kept it:
   * they pull it, or its tombstone.
   */
  touch(entity: string, id: string, keepers: string[]): void {
    if (entity !== 'clip') this.entities.set(id, entity);
    const seq = ++this.seq;
    for (const keeper of new Set(keepers)) {
      const feed = this.feeds.get(keeper) ?? new Map<string, number>();
      feed.set(id, seq);
      this.feeds.set(keeper, feed);
    }
  }

  /** The server's clock: one second further at every call. */
  now(): string {
    return new Date(
      Date.UTC(2026, 11, 3, 9) + 1000 * ++this.ticks,
    ).toISOString();
  }

  /** Saves a changed clip row and feeds it to its author. */
  save(row: WireRecord): Outcome {
    this.clips.set(String(row.id), row);
    this.touch('clip', String(row.id), [String(row.author_id)]);
    return applied(row);
  }

  /** The clip row after a change: the next version, now. */
  changed(existing: WireRecord, record: WireRecord): WireRecord {
    return {
      ...existing,
      ...structuredClone(record),
      version: Number(existing.version) + 1,
      updated_at: this.now(),
    };
  }

  private pushOne(userId: string, change: unknown): Outcome {
    try {
      expectChange(change);
      const previous = this.applied.get(`${userId}:${change.change_id}`);
      if (previous) return previous;

      const outcome = this.apply(userId, change);
      if (outcome.status === 'applied') {
        this.applied.set(`${userId}:${change.change_id}`, outcome);
      }
      return outcome;
    } catch (error) {
      if (!(error instanceof FakeRejection)) throw error;
      return { status: 'rejected', reason: error.reason, code: error.code };
    }
  }

  private apply(userId: string, change: WireRecord): Outcome {
    const record = change.record as WireRecord;
    const base = change.base_version as number | undefined;
    if (change.type === 'clip.upsert') return this.upsert(userId, record, base);
    if (change.type === 'clip.delete') return this.remove(userId, record, base);
    if (change.type === 'clip.submit') return this.submit(userId, record, base);
    return pushDiscussion(this, userId, change);
  }

  private upsert(userId: string, record: WireRecord, base?: number): Outcome {
    expectClip(record, false);
    const existing = this.visibleClip(userId, String(record.id));
    if (!existing) {
      if (this.clips.has(String(record.id))) {
        throw new FakeRejection('this id is already taken', '23505');
      }
      expectClip(record, true);
      return this.save(this.newRow(userId, record));
    }

    if (existing.author_id !== userId) {
      throw new FakeRejection('only the author changes a clip');
    }
    if (base !== existing.version) return conflict(existing);
    if (existing.deleted_at) {
      throw new FakeRejection('this clip is deleted', '23514');
    }
    checkTransition(String(existing.state), record.state);
    return this.save(this.changed(existing, record));
  }

  private remove(userId: string, record: WireRecord, base?: number): Outcome {
    expectFields(record, ['id']);
    expectUuid(record, 'id', true);
    const existing = this.clips.get(String(record.id));
    if (!existing || existing.author_id !== userId) {
      throw new FakeRejection('you have no clip with this id');
    }
    if (existing.deleted_at) return applied(existing);
    if (base !== existing.version) return conflict(existing);

    const deleted = this.changed(existing, {});
    return this.save({ ...deleted, deleted_at: deleted.updated_at });
  }

  /**
   * Sends a clip for review with the checklist version its author ticked.
   * Known simplification: the fake never publishes at once; every
   * submitted clip waits in review.
   */
  private submit(userId: string, record: WireRecord, base?: number): Outcome {
    expectFields(record, ['id', 'checklist_version']);
    expectUuid(record, 'id', true);
    const existing = this.clips.get(String(record.id));
    if (!existing || existing.author_id !== userId || existing.deleted_at) {
      throw new FakeRejection('you have no clip with this id');
    }
    if (base !== existing.version) return conflict(existing);
    if (record.checklist_version !== peerDataOf(this).guide.version) {
      throw new FakeRejection(
        'acknowledge the current publishing checklist',
        '23514',
      );
    }

    const submitted = this.changed(existing, { state: 'in_review' });
    submitted.checklist_version = record.checklist_version;
    submitted.submitted_at = submitted.updated_at;
    return this.save(submitted);
  }

  private keptClip(userId: string, id: string): WireRecord | null {
    const row = this.clips.get(id);
    if (!row || row.deleted_at) return null;
    const kept = row.author_id === userId || row.state === 'in_review';
    return kept ? structuredClone(row) : null;
  }

  private visibleClip(userId: string, id: string): WireRecord | undefined {
    const row = this.clips.get(id);
    const visible = row?.author_id === userId || row?.state === 'published';
    return visible ? row : undefined;
  }

  private newRow(authorId: string, record: WireRecord): WireRecord {
    const time = this.now();
    return {
      id: record.id,
      author_id: authorId,
      team_id: null,
      kind: 'selection',
      source_url: '',
      canonical_url: '',
      title: '',
      site: '',
      quote: '',
      quote_truncated: false,
      selectors: [],
      snippet: '',
      byline: '',
      excerpt: '',
      note: '',
      tags: [],
      topic_id: null,
      state: 'draft',
      visibility: 'organisation',
      content_hash: '',
      version: 1,
      checklist_version: null,
      submitted_at: null,
      published_at: null,
      created_at: time,
      updated_at: time,
      deleted_at: null,
      ...structuredClone(record),
    };
  }
}

/** The answer to an applied change of a clip. */
export function applied(row: WireRecord): Outcome {
  return {
    status: 'applied',
    entity: 'clip',
    id: String(row.id),
    version: Number(row.version),
  };
}

/** The answer to a change of a clip that changed meanwhile. */
export function conflict(row: WireRecord): Outcome {
  return {
    status: 'conflict',
    entity: 'clip',
    id: String(row.id),
    server_version: Number(row.version),
    record: structuredClone(row),
  };
}

function checkTransition(from: string, to: unknown): void {
  if (to === undefined || to === from || to === 'draft' || to === 'archived') {
    return;
  }
  throw new FakeRejection(
    `a clip cannot go from ${from} to ${String(to)}`,
    '23514',
  );
}

function wholeCall(message: string): RemoteError {
  return new RemoteError('bad-request', message);
}
