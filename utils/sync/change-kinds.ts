import type { WireChange } from '@/utils/remote/sync-wire';
import type { OutboxEntry, OutboxKind } from '@/utils/store/database';

/**
 * True for the changes of a clip itself. They hold back pulls of that
 * clip; changes of comments, endorsements and reviews do not.
 */
export function isClipKind(kind: OutboxKind): boolean {
  return kind.startsWith('clip.');
}

/**
 * True for a clip upsert that leaves as it was queued: its record and
 * base version were known then. Any other change of a clip reads the
 * clip, or what the server said of it, when it leaves.
 */
export function leavesAsQueued(entry: OutboxEntry): boolean {
  return entry.kind === 'clip.upsert' && !!entry.record && !entry.baseUnknown;
}

/**
 * True for a change that creates a clip the server did not know: it goes
 * on no base version, and needs nothing sent before it.
 */
export function createsClip(change: WireChange): boolean {
  return change.type === 'clip.upsert' && change.base_version === undefined;
}
