import type { RemoteApi } from '@/utils/remote/remote-api';
import type { PulledChange, PullPage } from '@/utils/remote/sync-wire';
import type { PeerclipDb } from '@/utils/store/database';
import { recordToClip } from './clip-wire';
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
 * transaction, so a stop between pages resumes where it left off.
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

  for (;;) {
    const page = await remote.pull(report.cursor, pageSize);
    report.requests += 1;
    report.applied += await applyPage(db, page);

    const advanced = page.cursor > report.cursor;
    report.cursor = Math.max(report.cursor, page.cursor);
    if (!page.hasMore || !advanced) return report;
  }
}

/** The stored cursor; 0 before the first pull. */
export async function readCursor(db: PeerclipDb): Promise<number> {
  const entry = await db.meta.get(CURSOR_KEY);
  return typeof entry?.value === 'number' ? entry.value : 0;
}

async function applyPage(db: PeerclipDb, page: PullPage): Promise<number> {
  return db.transaction('rw', db.clips, db.outbox, db.meta, async () => {
    let applied = 0;
    for (const change of page.changes) {
      // Only clips have a local table; the rest waits for the store.
      if (change.entity !== 'clip') continue;
      if (await applyClipChange(db, change)) applied += 1;
    }
    const cursor = Math.max(await readCursor(db), page.cursor);
    await db.meta.put({ key: CURSOR_KEY, value: cursor });
    return applied;
  });
}

/**
 * A clip with a change still queued keeps its local text: its push meets
 * the server's newer version as a conflict and keeps both.
 */
async function applyClipChange(
  db: PeerclipDb,
  change: PulledChange,
): Promise<boolean> {
  if (await db.outbox.where('clipId').equals(change.id).count()) return false;

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
    return true;
  }

  const local = (await db.clips.get(change.id)) as SyncedClip | undefined;
  const marker = local?.conflictOf ? { conflictOf: local.conflictOf } : {};
  await db.clips.put({ ...clip, ...marker });
  await serverLedger.set(db, change.id, {
    version: Number(change.record?.version ?? 1),
    authorId: String(change.record?.author_id ?? ''),
  });
  return true;
}
