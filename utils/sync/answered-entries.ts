import type { PeerclipDb } from '@/utils/store/database';

/** The first and last key of a run of outbox entries, both included. */
export type KeyRun = [first: number, last: number];

/**
 * Removes answered entries from the outbox with one range delete per run
 * of them: a batch is mostly consecutive entries, so its 500 answers cost
 * a couple of requests instead of 500. An entry inside the range that was
 * not answered (a second change of a row, left for the next batch) stays.
 * Call inside a transaction that includes `outbox`.
 */
export async function removeAnswered(
  db: PeerclipDb,
  seqs: number[],
): Promise<void> {
  const answered = [...new Set(seqs)].sort((a, b) => a - b);
  if (answered.length === 0) return;
  // No gap, nothing between them to read. Not an async helper: awaiting a
  // promise that does no IndexedDB work lets the transaction commit.
  const queued = hasGap(answered) ? await keysAmong(db, answered) : answered;

  for (const [first, last] of answeredRuns(answered, queued)) {
    await db.outbox.where(':id').between(first, last, true, true).delete();
  }
}

/**
 * The runs of answered keys among the queued keys, both in ascending
 * order: each run holds no queued key that was not answered.
 */
export function answeredRuns(answered: number[], queued: number[]): KeyRun[] {
  const isAnswered = new Set(answered);
  const runs: KeyRun[] = [];
  let run: KeyRun | undefined;

  for (const key of queued) {
    if (!isAnswered.has(key)) run = undefined;
    else if (run) run[1] = key;
    else runs.push((run = [key, key]));
  }
  return runs;
}

/** True when keys are missing between the first answered key and the last. */
function hasGap(answered: number[]): boolean {
  return answered[answered.length - 1]! - answered[0]! + 1 > answered.length;
}

/** The queued keys from the first answered one to the last. */
function keysAmong(db: PeerclipDb, answered: number[]): Promise<number[]> {
  const first = answered[0]!;
  const last = answered[answered.length - 1]!;
  const range = db.outbox.where(':id').between(first, last, true, true);
  return range.primaryKeys() as Promise<number[]>;
}
