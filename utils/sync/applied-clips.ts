import type { AppliedResult } from '@/utils/remote/sync-wire';
import { createdClips } from '@/utils/store/created-clips';
import type { PeerclipDb, StoredClip } from '@/utils/store/database';
import type { DraftClock } from '@/utils/store/draft-from-capture';
import type { SettledChanges } from '@/utils/store/outbox-in-flight';
import type { ApplyContext } from './apply-results';
import { createsClip } from './change-kinds';
import { clipToRecord } from './clip-wire';
import type { AnsweredChange } from './next-batch';
import { sameJson } from './same-json';
import { serverLedger, type ServerFacts } from './server-ledger';

/** A clip whose change the server applied, with what it now says. */
interface WrittenClip {
  clipId: string;
  /** The record that was sent. */
  record: Record<string, unknown>;
  facts: ServerFacts;
  creates: boolean;
  /**
   * A new clip not written since it left: its row is as it was sent, so
   * it was not read.
   */
  asSent: boolean;
  /** The local row as read now, or undefined once discarded or unread. */
  clip: StoredClip | undefined;
}

/**
 * Takes the server's answers to applied changes of clips: what it now
 * says of each clip, and a follow-up for what it has not seen. Only the
 * rows that need it are read: edits, which take the server's facts, and
 * rows written while their change travelled. A batch of new drafts
 * reads none. Call inside applyResults' transaction.
 */
export async function takeAppliedClips(
  db: PeerclipDb,
  applied: AnsweredChange<AppliedResult>[],
  context: ApplyContext,
  settled: SettledChanges,
): Promise<void> {
  const deleted = applied.filter(({ change }) => change.type === 'clip.delete');
  await serverLedger.removeMany(
    db,
    deleted.map(({ entry }) => entry.clipId),
  );

  const saved = applied.filter(({ change }) => change.type !== 'clip.delete');
  const written = await readWritten(db, saved, context, settled);

  await recordFacts(db, written, context.userId);
  // A submission sends no text: there is nothing it could have missed.
  const upserted = written.filter(
    (_, index) => saved[index]?.change.type === 'clip.upsert',
  );
  await queueFollowUps(db, upserted, context.clock);
}

/**
 * Each saved clip with what the server now says of it, its row read
 * only when the change did not create it or the row changed since.
 */
async function readWritten(
  db: PeerclipDb,
  saved: AnsweredChange<AppliedResult>[],
  context: ApplyContext,
  { touched, unknown }: SettledChanges,
): Promise<WrittenClip[]> {
  const asSent = saved.map(
    ({ entry, change }) =>
      createsClip(change) &&
      !touched.has(entry.clipId) &&
      !unknown.has(entry.seq!),
  );
  const reread = saved.filter((_, index) => !asSent[index]);
  const clipIds = reread.map(({ entry }) => entry.clipId);
  const rows = await db.clips.bulkGet(clipIds);
  const row = new Map(clipIds.map((id, index) => [id, rows[index]]));
  const known = await knownFacts(db, reread, rows);

  return saved.map(({ entry, change, result }, index) => {
    const clipId = entry.clipId;
    const facts = {
      version: result.version ?? known.get(clipId)?.version ?? 1,
      authorId: known.get(clipId)?.authorId ?? context.userId,
    };
    const local = row.get(clipId);
    return {
      clipId,
      record: change.record,
      facts,
      creates: createsClip(change),
      asSent: asSent[index]!,
      clip: local && withFacts(local, facts),
    };
  });
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
  userId: string,
): Promise<void> {
  const created: WrittenClip[] = [];
  const rewritten: StoredClip[] = [];
  const gone: WrittenClip[] = [];
  for (const answered of written) {
    if (!answered.asSent && !answered.clip) gone.push(answered);
    else if (answered.creates) created.push(answered);
    else rewritten.push(answered.clip!);
  }

  await db.clips.bulkPut(rewritten);
  await createdClips.add(
    db,
    userId,
    created.map(({ clipId, facts }) => ({ clipId, version: facts.version })),
  );
  await serverLedger.keepForGone(db, gone);
}

/**
 * What the server said before of the clips whose change went on a base
 * version, from their rows as read now. A change without one created its
 * clip: nothing was known of it, and its author is the signed-in person.
 */
async function knownFacts(
  db: PeerclipDb,
  read: AnsweredChange<AppliedResult>[],
  rows: (StoredClip | undefined)[],
): Promise<Map<string, ServerFacts>> {
  const edits = read.flatMap(({ entry, change }, index) =>
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

/**
 * A clip may have changed while its change was on the way: an edit after
 * an entry left is a new entry, and a discarded draft drops its pending
 * one. Whatever the server has not seen yet goes out as a new change,
 * unless a change of the clip is queued already. Only the clips that
 * changed are looked up in the outbox: usually none.
 */
async function queueFollowUps(
  db: PeerclipDb,
  written: WrittenClip[],
  clock: DraftClock,
): Promise<void> {
  const changed = written.filter(
    ({ asSent, clip, record }) =>
      !asSent && (!clip || !sameJson(clipToRecord(clip), record)),
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
      ...(clip ? { record: clipToRecord(clip) } : {}),
    }));
  await db.outbox.bulkAdd(followUps);
}
