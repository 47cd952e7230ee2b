import type { RemoteApi } from '@/utils/remote/remote-api';
import type { PulledChange, PullPage } from '@/utils/remote/sync-wire';
import type { PeerclipDb } from '@/utils/store/database';
import { recordToClip } from './clip-wire';
import {
  applyDiscussionChange,
  dropDiscussionOf,
  isDiscussionEntity,
} from './pull-discussion';
import { serverLedger } from './server-ledger';
import type { SyncedClip } from './synced-clip';

/** The meta key of the pull cursor. */
export const CURSOR_KEY = 'sync.cursor';

/** The page size asked of pull_changes. */
export const PULL_PAGE_SIZE = 500;

/** What a pull did. */
export interface PullReport {
  requests: number;
  applied: number;
  cursor: number;
}

/**
 * Applies pull_changes pages from the stored cursor until the server has
 * no more. Each page and the cursor after it are written in one
 * transaction, so a stop between pages resumes where it left off. Once
 * the server has no more, the facts of new clips whose rows the pages
 * did not bring are written onto those rows.
 */
export async function pullChanges(
  db: PeerclipDb,
  remote: RemoteApi,
  pageSize = PULL_PAGE_SIZE,
): Promise<PullReport> {
  const report: PullReport = {
    requests: 0,
    applied: 0,
    cursor: await readCursor(db),
  };
  const written = new Set<string>();

  for (;;) {
    const page = await remote.pull(report.cursor, pageSize);
    report.requests += 1;
    report.applied += await applyPage(db, page, written);

    const advanced = page.cursor > report.cursor;
    report.cursor = Math.max(report.cursor, page.cursor);
    if (!page.hasMore || !advanced) break;
  }
  await db.transaction('rw', db.clips, db.meta, () =>
    serverLedger.foldCreated(db, written),
  );
  return report;
}

/** The stored cursor; 0 before the first pull. */
export async function readCursor(db: PeerclipDb): Promise<number> {
  const entry = await db.meta.get(CURSOR_KEY);
  return typeof entry?.value === 'number' ? entry.value : 0;
}

/** What applying one page needs to know, and what it wrote. */
interface PageContext {
  /** Clips whose facts the meta table keeps, their row being gone. */
  gone: ReadonlySet<string>;
  /** Clip rows written with the server's facts. */
  written: Set<string>;
}

async function applyPage(
  db: PeerclipDb,
  page: PullPage,
  written: Set<string>,
): Promise<number> {
  const tables = [
    db.clips,
    db.outbox,
    db.meta,
    db.comments,
    db.endorsements,
    db.reviews,
  ];
  return db.transaction('rw', tables, async () => {
    const gone = new Set(await serverLedger.goneClipIds(db));
    const context = { gone, written };
    let applied = 0;
    for (const change of page.changes) {
      if (await applyChange(db, change, context)) applied += 1;
    }
    const cursor = Math.max(await readCursor(db), page.cursor);
    await db.meta.put({ key: CURSOR_KEY, value: cursor });
    return applied;
  });
}

function applyChange(
  db: PeerclipDb,
  change: PulledChange,
  context: PageContext,
): Promise<boolean> {
  if (change.entity === 'clip') return applyClipChange(db, change, context);
  if (isDiscussionEntity(change.entity)) {
    return applyDiscussionChange(db, change);
  }
  // An entity this version does not know; a later one may.
  return Promise.resolve(false);
}

/**
 * A clip with a change of its own still queued keeps its local text: its
 * push meets the server's newer version as a conflict and keeps both.
 * Queued comments, endorsements and reviews on it do not hold it back.
 */
async function applyClipChange(
  db: PeerclipDb,
  change: PulledChange,
  { gone, written }: PageContext,
): Promise<boolean> {
  const queued = db.outbox.where('subjectId').equals(change.id);
  if (await queued.count()) return false;

  const clip =
    change.deleted || !change.record ? undefined : recordToClip(change.record);
  if (!clip) {
    if (!change.deleted) {
      console.warn(
        '[peerclip] Skipped a clip the server sent malformed.',
        change.id,
      );
      return false;
    }
    await db.clips.delete(change.id);
    await serverLedger.remove(db, change.id);
    await dropDiscussionOf(db, change.id);
    return true;
  }

  const local = (await db.clips.get(change.id)) as SyncedClip | undefined;
  const marker = local?.conflictOf ? { conflictOf: local.conflictOf } : {};
  const facts = {
    version: Number(change.record?.version ?? 1),
    authorId: String(change.record?.author_id ?? '') || null,
  };
  await db.clips.put({ ...clip, ...marker, ...facts });
  if (gone.has(change.id)) await serverLedger.remove(db, change.id);
  written.add(change.id);
  return true;
}
