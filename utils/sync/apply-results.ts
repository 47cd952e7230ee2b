import type {
  AppliedResult,
  ChangeResult,
  RejectedResult,
  WireChange,
} from '@/utils/remote/sync-wire';
import type { DraftClock } from '@/utils/store/draft-from-capture';
import { createdClips, type CreatedClip } from '@/utils/store/created-clips';
import { outboxInFlight } from '@/utils/store/outbox-in-flight';
import type { PeerclipDb, StoredClip } from '@/utils/store/database';
import { clipToRecord } from './clip-wire';
import { applyDiscussionResults } from './apply-discussion';
import { takeClipConflict } from './clip-conflict';
import { removeAnswered } from './answered-entries';
import { createsClip, isClipKind } from './change-kinds';
import type { AnsweredChange, OutgoingChange } from './next-batch';
import { rejections, type RejectedChange } from './rejections';
import { sameJson } from './same-json';
import { serverLedger, type ServerFacts } from './server-ledger';

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
    await outboxInFlight.settle(db, seqs);
    await removeAnswered(db, seqs);

    const ofClips = answered.filter(({ entry }) => isClipKind(entry.kind));
    const applied = ofClips.filter(({ result }) => result.status === 'applied');
    await takeApplied(db, applied as AnsweredChange<AppliedResult>[], context);
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

async function takeApplied(
  db: PeerclipDb,
  applied: AnsweredChange<AppliedResult>[],
  context: ApplyContext,
): Promise<void> {
  const deleted = applied.filter(({ change }) => change.type === 'clip.delete');
  await serverLedger.removeMany(
    db,
    deleted.map(({ entry }) => entry.clipId),
  );

  const saved = applied.filter(({ change }) => change.type !== 'clip.delete');
  const clipIds = saved.map(({ entry }) => entry.clipId);
  const clips = await db.clips.bulkGet(clipIds);
  const known = await knownFacts(db, saved, clips);
  const written = saved.map(({ change, result }, index): WrittenClip => {
    const clipId = clipIds[index]!;
    const facts = {
      version: result.version ?? known.get(clipId)?.version ?? 1,
      authorId: known.get(clipId)?.authorId ?? context.userId,
    };
    const clip = clips[index] && withFacts(clips[index], facts);
    return { clipId, record: change.record, facts, clip };
  });

  await recordFacts(db, written, saved, context.userId);
  // A submission sends no text: there is nothing it could have missed.
  const upserted = written.filter(
    (_, index) => saved[index]?.change.type === 'clip.upsert',
  );
  await queueFollowUps(db, upserted, context.clock);
}

/**
 * Puts what the server now says on the rows, except a new clip's row,
 * left for the pull, which writes it anyway: one record says what the
 * answer said of them all. A clip discarded meanwhile keeps its facts
 * apart, for its deletion.
 */
async function recordFacts(
  db: PeerclipDb,
  written: WrittenClip[],
  saved: AnsweredChange<AppliedResult>[],
  userId: string,
): Promise<void> {
  const created: CreatedClip[] = [];
  const rewritten: StoredClip[] = [];
  written.forEach(({ clipId, clip, facts }, index) => {
    if (!clip) return;
    if (createsClip(saved[index]!.change)) {
      created.push({ clipId, version: facts.version });
    } else {
      rewritten.push(clip);
    }
  });

  await db.clips.bulkPut(rewritten);
  await createdClips.add(db, userId, created);
  await serverLedger.keepForGone(
    db,
    written.filter(({ clip }) => !clip),
  );
}

/**
 * What the server said before of the clips whose change went on a base
 * version, from their rows as read now. A change without one created its
 * clip: nothing was known of it, and its author is the signed-in person.
 */
async function knownFacts(
  db: PeerclipDb,
  saved: AnsweredChange<AppliedResult>[],
  rows: (StoredClip | undefined)[],
): Promise<Map<string, ServerFacts>> {
  const edits = saved.flatMap(({ entry, change }, index) =>
    change.base_version === undefined
      ? []
      : [{ clipId: entry.clipId, row: rows[index] }],
  );
  const clipIds = edits.map(({ clipId }) => clipId);
  const rowsOfEdits = edits.map(({ row }) => row);
  const facts = await serverLedger.withRows(db, clipIds, rowsOfEdits);

  const known = new Map<string, ServerFacts>();
  facts.forEach((fact, index) => fact && known.set(clipIds[index]!, fact));
  return known;
}

/** The clip row with what the server now says of it. */
function withFacts(clip: StoredClip, facts: ServerFacts): StoredClip {
  return { ...clip, version: facts.version, authorId: facts.authorId || null };
}

/** A clip whose change the server applied, with what it now says. */
interface WrittenClip {
  clipId: string;
  /** The record that was sent. */
  record: Record<string, unknown>;
  facts: ServerFacts;
  /** The local row as it is now, or undefined once it was discarded. */
  clip: StoredClip | undefined;
}

/**
 * A clip may have changed while its change was on the way: edits fold
 * into the entry that was just sent, and a discarded draft drops it.
 * Whatever the server has not seen yet goes out as a new change, unless
 * a change of the clip is queued already. Only the clips that changed are
 * looked up in the outbox: usually none.
 */
async function queueFollowUps(
  db: PeerclipDb,
  written: WrittenClip[],
  clock: DraftClock,
): Promise<void> {
  const changed = written.filter(
    ({ clip, record }) => !clip || !sameJson(clipToRecord(clip), record),
  );
  if (changed.length === 0) return;
  const queued = new Set(
    await db.outbox
      .where('subjectId')
      .anyOf(changed.map(({ clipId }) => clipId))
      .keys(),
  );

  const followUps = changed
    .filter(({ clipId }) => !queued.has(clipId))
    .map(({ clipId, clip, facts }) => ({
      changeId: clock.newId(),
      clipId,
      kind: clip ? ('clip.upsert' as const) : ('clip.delete' as const),
      baseVersion: facts.version,
      createdAt: clock.now().toISOString(),
    }));
  await db.outbox.bulkAdd(followUps);
}
