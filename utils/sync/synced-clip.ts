import type { Clip } from '@/utils/models/clip';
import type { OutboxEntry } from '@/utils/store/database';
import type { WireChange } from '@/utils/remote/sync-wire';

/**
 * A clip row as sync leaves it. IndexedDB keeps properties the Clip type
 * does not name, and the clip repository's edits spread the stored row, so
 * the marker survives edits.
 */
export interface SyncedClip extends Clip {
  /** Set on a conflict copy: the id of the clip whose change conflicted. */
  conflictOf?: string;
}

/**
 * An outbox entry as sync leaves it. Once sent, the change is frozen on the
 * entry and sent again exactly as it was, so a retry whose first answer was
 * lost is answered from the server's record instead of applying twice.
 */
export interface SyncedOutboxEntry extends OutboxEntry {
  sent?: WireChange;
}
