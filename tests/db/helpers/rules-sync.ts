// push_changes and pull_changes as a client calls them, committed.
import { randomUUID } from 'node:crypto';
import { queryAs, type Caller, type Organisation } from './rules-org.ts';

/** One result of push_changes (see supabase/SYNC-PROTOCOL.md). */
export interface PushResult {
  index: number;
  change_id: string | null;
  status: 'applied' | 'conflict' | 'rejected';
  entity?: string;
  id?: string;
  version?: number | null;
  server_version?: number;
  record?: Record<string, unknown>;
  reason?: string;
  code?: string;
}

/** One change of pull_changes. */
export interface PulledChange {
  seq: number;
  entity: 'clip' | 'comment' | 'endorsement' | 'review';
  id: string;
  deleted: boolean;
  record: Record<string, unknown> | null;
}

/** One page of pull_changes. */
export interface PullPage {
  changes: PulledChange[];
  cursor: number;
  has_more: boolean;
}

/** Pushes a batch as the caller and commits. */
export async function push(
  org: Organisation,
  caller: Caller,
  batch: unknown,
): Promise<PushResult[]> {
  const [row] = await queryAs(
    org,
    caller,
    'select push_changes($1::jsonb) as outcome',
    [JSON.stringify(batch)],
    { commit: true },
  );
  return (row!.outcome as { results: PushResult[] }).results;
}

/** Pulls one page as the caller. */
export async function pull(
  org: Organisation,
  caller: Caller,
  since: number,
  max: number,
): Promise<PullPage> {
  const [row] = await queryAs(
    org,
    caller,
    'select pull_changes($1, $2) as page',
    [since, max],
  );
  return row!.page as PullPage;
}

/** Pulls page after page from a cursor until nothing more is left. */
export async function pullAll(
  org: Organisation,
  caller: Caller,
  since: number,
  max: number,
): Promise<{ changes: PulledChange[]; cursor: number }> {
  const changes: PulledChange[] = [];
  let cursor = since;
  for (;;) {
    const page = await pull(org, caller, cursor, max);
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.has_more) return { changes, cursor };
  }
}

/** A clip.upsert change for a new draft. */
export function newClipChange(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    change_id: randomUUID(),
    type: 'clip.upsert',
    record: {
      id: randomUUID(),
      source_url: 'https://wiki.example.com/page#part',
      canonical_url: 'https://wiki.example.com/page',
      title: 'A page',
      site: 'wiki.example.com',
      quote: 'A quote.',
      note: 'A note.',
      tags: ['one'],
      ...overrides,
    },
  };
}

/** `count` changes that each create a new clip. */
export function newClipChanges(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, () => newClipChange());
}
