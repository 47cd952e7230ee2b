import type { RemoteApi } from '@/utils/remote/remote-api';
import type { ChangeResult } from '@/utils/remote/sync-wire';
import type { PeerclipDb } from '@/utils/store/database';
import {
  applyResults,
  type ApplyContext,
  type PushOutcome,
} from './apply-results';
import { DEFAULT_BATCH_LIMITS, type BatchLimits } from './batching';
import { createsClip } from './change-kinds';
import { queueLostDeletions } from './lost-deletions';
import { nextBatch, type OutgoingChange } from './next-batch';

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

/** A request on its way, wrapped so that awaiting it is a choice. */
type Travelling = { answer?: Promise<ChangeResult[]> };

/**
 * Sends the outbox batch by batch until it is empty. The browser's work
 * overlaps the requests: while one batch travels, the answer to the one
 * before is applied and the next is taken. The next batch waits for the
 * answer to the last, as its changes may need what the last one made,
 * unless it only creates clips, which need nothing sent before: then it
 * leaves at once. A failed request rejects with its RemoteError and
 * leaves its entries queued, frozen, to be sent again as they were.
 */
export async function pushOutbox(
  db: PeerclipDb,
  remote: RemoteApi,
  options: PushOptions,
): Promise<PushReport> {
  const push = new PushRun(db, remote, options);
  await queueLostDeletions(db, options.clock);

  let batch = await nextBatch(db, push.limits);
  let travelling = push.send(batch);
  while (travelling.answer) {
    const answer = travelling.answer;
    const following = await whileTravelling(answer, () =>
      nextBatch(db, push.limits, batch),
    );
    const early = await whileTravelling(answer, () =>
      push.sendAlongside(following),
    );
    const results = await whileTravelling(early.answer, () => answer);

    const next = early.answer
      ? { ...early, sendable: true }
      : await push.sendAfter(following);
    await whileTravelling(next.answer, () => push.apply(batch, results));
    if (following.length > 0 || !next.sendable) {
      [batch, travelling] = [following, next];
    } else {
      // Nothing could leave beside this batch: what is left waited for
      // its answer, being changes of the same rows.
      batch = await nextBatch(db, push.limits);
      travelling = push.send(batch);
    }
  }
  return push.report;
}

/** A request that left, or why none did. */
type Sent = Travelling & { sendable: boolean };

/** What one push keeps between its requests. */
class PushRun {
  readonly limits: BatchLimits;
  readonly report: PushReport = {
    requests: 0,
    applied: 0,
    conflicts: 0,
    rejected: [],
  };
  /** Once a request failed, nothing more leaves: the push will fail. */
  private failed = false;

  constructor(
    private readonly db: PeerclipDb,
    private readonly remote: RemoteApi,
    private readonly options: PushOptions,
  ) {
    this.limits = options.limits ?? DEFAULT_BATCH_LIMITS;
  }

  /**
   * Sends a batch; nothing when it is empty, the run reached its bound of
   * requests, or a request failed.
   */
  send(batch: OutgoingChange[]): Travelling {
    const { report } = this;
    if (batch.length === 0 || report.requests >= MAX_REQUESTS) return {};
    if (this.failed) return {};

    report.requests += 1;
    const answer = this.remote.push(batch.map(({ change }) => change));
    // Awaited later; until then a failure must not count as unhandled.
    answer.catch(() => (this.failed = true));
    return { answer };
  }

  /** Sends a batch of new clips only at once, while the lock holds. */
  async sendAlongside(batch: OutgoingChange[]): Promise<Travelling> {
    const independent = batch.every(({ change }) => createsClip(change));
    if (!independent || !(await this.holding())) return {};
    return this.send(batch);
  }

  /** Sends a batch once the answer before it came, while the lock holds. */
  async sendAfter(batch: OutgoingChange[]): Promise<Sent> {
    const sendable = await this.holding();
    return { ...(sendable ? this.send(batch) : {}), sendable };
  }

  /** Applies the answers to a batch and counts what they did. */
  async apply(batch: OutgoingChange[], results: ChangeResult[]) {
    const outcome = await applyResults(this.db, batch, results, this.options);
    this.report.applied += outcome.applied;
    this.report.conflicts += outcome.conflicts;
    this.report.rejected.push(...outcome.rejected);
  }

  private async holding(): Promise<boolean> {
    const { stillHolding } = this.options;
    return !stillHolding || (await stillHolding());
  }
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
