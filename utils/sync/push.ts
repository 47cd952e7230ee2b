import type { RemoteApi } from '@/utils/remote/remote-api';
import type { PeerclipDb } from '@/utils/store/database';
import {
  applyResults,
  type ApplyContext,
  type PushOutcome,
} from './apply-results';
import { DEFAULT_BATCH_LIMITS, type BatchLimits } from './batching';
import { nextBatch } from './next-batch';
import { serverLedger } from './server-ledger';

/** What a push needs. */
export interface PushOptions extends ApplyContext {
  limits?: BatchLimits;
  /** Called between requests; a false answer stops (the lock was lost). */
  stillHolding?: () => Promise<boolean>;
}

/** What a whole push did, summed over its requests. */
export interface PushReport extends PushOutcome {
  requests: number;
}

/** Edits made during a push go out in the same run, within this bound. */
const MAX_REQUESTS = 1000;

/**
 * Sends the outbox batch by batch until it is empty. A failed request
 * rejects with its RemoteError and leaves its entries queued, frozen, to be
 * sent again as they were.
 */
export async function pushOutbox(
  db: PeerclipDb,
  remote: RemoteApi,
  options: PushOptions,
): Promise<PushReport> {
  const limits = options.limits ?? DEFAULT_BATCH_LIMITS;
  const report: PushReport = {
    requests: 0,
    applied: 0,
    conflicts: 0,
    rejected: [],
  };
  await queueLostDeletions(db, options);

  // Known debt: building the next batch and applying the last one wait
  // for the request between them instead of overlapping with it.
  while (report.requests < MAX_REQUESTS) {
    const batch = await nextBatch(db, limits);
    if (batch.length === 0) break;

    const results = await remote.push(batch.map(({ change }) => change));
    const outcome = await applyResults(db, batch, results, options);

    report.requests += 1;
    report.applied += outcome.applied;
    report.conflicts += outcome.conflicts;
    report.rejected.push(...outcome.rejected);
    if (options.stillHolding && !(await options.stillHolding())) break;
  }
  return report;
}

/**
 * A clip the server has, gone from this browser with no deletion queued:
 * discarding a draft with a pending edit drops the entry without queueing
 * the deletion. Queue it, so the server forgets the clip too.
 */
async function queueLostDeletions(
  db: PeerclipDb,
  { clock }: ApplyContext,
): Promise<void> {
  await db.transaction('rw', db.clips, db.outbox, db.meta, async () => {
    // Only clips whose row is gone are candidates; usually there are none.
    const gone = await serverLedger.goneClipIds(db);
    const [rows, queued] = await Promise.all([
      db.clips.bulkGet(gone),
      db.outbox.where('subjectId').anyOf(gone).keys(),
    ]);
    const deleting = new Set(queued.map(String));
    const lost = gone.filter((id, index) => !rows[index] && !deleting.has(id));

    const known = await serverLedger.ofGone(db, lost);
    await db.outbox.bulkAdd(
      lost.map((clipId, index) => ({
        changeId: clock.newId(),
        clipId,
        kind: 'clip.delete' as const,
        baseVersion: known[index]?.version ?? null,
        createdAt: clock.now().toISOString(),
      })),
    );
  });
}
