import type { DraftClock } from '@/utils/store/draft-from-capture';
import type { PeerclipDb, StoredClip } from '@/utils/store/database';
import { clipToRecord } from './clip-wire';
import type { SyncedClip } from './synced-clip';

/** The fields that hold what the author wrote or chose. */
const AUTHORED_FIELDS = [
  'note',
  'tags',
  'quote',
  'title',
  'topicId',
  'visibility',
] as const;

/** True when the local clip says something the server's does not. */
export function differsInWriting(
  local: SyncedClip,
  server: SyncedClip | undefined,
): boolean {
  if (!server) return true;
  return AUTHORED_FIELDS.some(
    (field) => JSON.stringify(local[field]) !== JSON.stringify(server[field]),
  );
}

/**
 * Keeps the local text of a clip that lost a conflict as a new draft,
 * marked and linked to the original, and queues it so the text reaches
 * the server too. Call inside a transaction over clips and outbox.
 */
export async function keepConflictCopy(
  db: PeerclipDb,
  local: SyncedClip,
  clock: DraftClock,
): Promise<SyncedClip> {
  const time = clock.now().toISOString();
  // A new draft the server has never seen: no version yet, whatever the
  // clip it copies had, so its creation goes on no base version.
  const copy: StoredClip = {
    ...local,
    id: clock.newId(),
    state: 'draft',
    conflictOf: local.conflictOf ?? local.id,
    createdAt: time,
    updatedAt: time,
    version: null,
  };
  // The copy is a new draft: a submission of the original is not its own.
  delete copy.submitting;

  await db.clips.add(copy);
  await db.outbox.add({
    changeId: clock.newId(),
    clipId: copy.id,
    kind: 'clip.upsert',
    baseVersion: null,
    createdAt: time,
    record: clipToRecord(copy),
  });
  return copy;
}
