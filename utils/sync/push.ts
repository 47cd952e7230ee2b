import type { RemoteApi } from '@/utils/remote/remote-api';
import type { ChangeResult } from '@/utils/remote/sync-wire';
import type { PeerclipDb } from '@/utils/store/database';
import {
  applyResults,
  type ApplyContext,
  type PushOutcome,
} from './apply-results';
import { DEFAULT_BATCH_LIMITS, type BatchLimits } from './batching';
import { nextBatch, type OutgoingChange } from './next-batch';
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
 * Sends the outbox batch by batch until it is empty. The requests go one
 * after another, in outbox order, but the browser's work overlaps them:
 * while one batch travels, the answer to the one before is applied and
 * the next is taken. A failed request rejects with its RemoteError and
 * leaves its entries queued, frozen, to be sent again as they were.
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

  let batch = await nextBatch(db, limits);
  let answer = send(remote, batch, report);
  while (answer) {
    const following = await whileTravelling(answer, () =>
      nextBatch(db, limits, batch),
    );
    const results = await answer;
    const holding = !options.stillHolding || (await options.stillHolding());

    let next = holding ? send(remote, following, report) : undefined;
    const outcome = await whileTravelling(next, () =>
      applyResults(db, batch, results, options),
    );
    report.applied += outcome.applied;
    report.conflicts += outcome.conflicts;
    report.rejected.push(...outcome.rejected);

    // Nothing could leave beside this batch: what is left waited for its
    // answer, being changes of the same rows.
    if (holding && following.length === 0) {
      batch = await nextBatch(db, limits);
      next = send(remote, batch, report);
    } else {
      batch = following;
    }
    answer = next;
  }
  return report;
}

/**
 * Sends a batch; nothing when it is empty or the run reached its bound of
 * requests.
 */
function send(
  remote: RemoteApi,
  batch: OutgoingChange[],
  report: PushReport,
): Promise<ChangeResult[]> | undefined {
  if (batch.length === 0 || report.requests >= MAX_REQUESTS) return;
  report.requests += 1;
  const answer = remote.push(batch.map(({ change }) => change));
  // Awaited later; until then a failure must not count as unhandled.
  answer.catch(() => undefined);
  return answer;
}

/**
 * Does local work while a request travels. When the work fails, the
 * request is let finish first, so nothing runs on once the push has
 * failed; its batch stays in flight, to be sent again.
 */
async function whileTravelling<T>(
  request: Promise<unknown> | undefined,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await request?.catch(() => undefined);
    throw error;
  }
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
