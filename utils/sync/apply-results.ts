import type {
  AppliedResult,
  ChangeResult,
  RejectedResult,
  WireChange,
} from '@/utils/remote/sync-wire';
import type { DraftClock } from '@/utils/store/draft-from-capture';
import { outboxInFlight } from '@/utils/store/outbox-in-flight';
import type { PeerclipDb } from '@/utils/store/database';
import { applyDiscussionResults } from './apply-discussion';
import { takeAppliedClips } from './applied-clips';
import { takeClipConflict } from './clip-conflict';
import { removeAnswered } from './answered-entries';
import { isClipKind } from './change-kinds';
import type { AnsweredChange, OutgoingChange } from './next-batch';
import { rejections, type RejectedChange } from './rejections';

/** What one push request did. */
export interface PushOutcome {
  applied: number;
  conflicts: number;
  rejected: RejectedChange[];
}

/** What applying results needs besides the database. */
export interface ApplyContext {
  clock: DraftClock;
  /** The signed-in person: the author of what they create. */
  userId: string;
}

/**
 * Applies the server's answers in one transaction: every answered entry
 * leaves the outbox and the batch in flight, conflicts keep the local
 * text as a copy, rejections are kept for the author. Applied changes are
 * written with bulk operations: a batch holds one change per clip, so
 * they are independent.
 */
export async function applyResults(
  db: PeerclipDb,
  sent: OutgoingChange[],
  results: ChangeResult[],
  context: ApplyContext,
): Promise<PushOutcome> {
  const outcome: PushOutcome = { applied: 0, conflicts: 0, rejected: [] };
  const answered = sent.flatMap((item, index) => {
    const result = results[index];
    return result ? [{ ...item, result }] : [];
  });

  const tables = [
    db.clips,
    db.outbox,
    db.meta,
    db.comments,
    db.endorsements,
    db.reviews,
  ];
  await db.transaction('rw', tables, async () => {
    const seqs = answered.map(({ entry }) => entry.seq!);
    const settled = await outboxInFlight.settle(db, seqs);
    await removeAnswered(db, seqs);

    const ofClips = answered.filter(({ entry }) => isClipKind(entry.kind));
    const applied = ofClips.filter(({ result }) => result.status === 'applied');
    await takeAppliedClips(
      db,
      applied as AnsweredChange<AppliedResult>[],
      context,
      settled,
    );
    outcome.applied = applied.length;

    for (const { entry, result } of ofClips) {
      if (result.status === 'conflict') {
        await takeClipConflict(db, entry.clipId, result, context.clock);
        outcome.conflicts += 1;
      } else if (result.status === 'rejected' && entry.kind === 'clip.submit') {
        // The draft can be sent for publishing again once fixed.
        await db.clips.update(entry.clipId, { submitting: false });
      }
    }
    const ofRows = answered.filter(({ entry }) => !isClipKind(entry.kind));
    const rows = await applyDiscussionResults(db, ofRows, context.clock);
    outcome.applied += rows.applied;
    outcome.conflicts += rows.conflicts;

    // Known gap: a refused clip edit keeps the clip's local text, and a
    // server change of it that a pull skipped meanwhile is not fetched
    // again.
    outcome.rejected = answered.flatMap(({ entry, change, result }) =>
      result.status === 'rejected'
        ? [rejectionOf(entry.clipId, change, result, context)]
        : [],
    );
    await rejections.add(db, outcome.rejected);
  });
  return outcome;
}

function rejectionOf(
  clipId: string,
  change: WireChange,
  result: RejectedResult,
  context: ApplyContext,
): RejectedChange {
  return {
    changeId: change.change_id,
    clipId,
    type: change.type,
    reason: result.reason,
    code: result.code,
    rejectedAt: context.clock.now().toISOString(),
  };
}
