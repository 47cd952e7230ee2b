import type { Clip } from '@/utils/models/clip';

/**
 * A clip row as sync leaves it. IndexedDB keeps properties the Clip type
 * does not name, and the clip repository's edits spread the stored row, so
 * the marker survives edits.
 */
export interface SyncedClip extends Clip {
  /** Set on a conflict copy: the id of the clip whose change conflicted. */
  conflictOf?: string;
}
