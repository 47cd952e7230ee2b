import type { RemoteApi } from '@/utils/remote/remote-api';
import type { PulledChange, PullPage } from '@/utils/remote/sync-wire';
import type { PeerclipDb } from '@/utils/store/database';
import { applyPulledClips } from './pull-clips';
import { applyDiscussionChange, isDiscussionEntity } from './pull-discussion';
import { serverLedger } from './server-ledger';

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
    let applied = 0;
    for (const run of runsOf(page.changes)) {
      applied += run.clips
        ? await applyPulledClips(db, run.changes, { gone, written })
        : await applyOthers(db, run.changes);
    }
    const cursor = Math.max(await readCursor(db), page.cursor);
    await db.meta.put({ key: CURSOR_KEY, value: cursor });
    return applied;
  });
}

/** Consecutive changes of clips, or of anything else, in page order. */
interface ChangeRun {
  clips: boolean;
  changes: PulledChange[];
}

function runsOf(changes: PulledChange[]): ChangeRun[] {
  const runs: ChangeRun[] = [];
  for (const change of changes) {
    const clips = change.entity === 'clip';
    const last = runs[runs.length - 1];
    if (last?.clips === clips) last.changes.push(change);
    else runs.push({ clips, changes: [change] });
  }
  return runs;
}

/** Applies comments, endorsements and reviews one by one, in order. */
async function applyOthers(
  db: PeerclipDb,
  changes: PulledChange[],
): Promise<number> {
  let applied = 0;
  for (const change of changes) {
    // An entity this version does not know; a later one may.
    if (!isDiscussionEntity(change.entity)) continue;
    if (await applyDiscussionChange(db, change)) applied += 1;
  }
  return applied;
}
