import type { WireChange } from '@/utils/remote/sync-wire';
import type { OutboxKind } from '@/utils/store/database';

/**
 * True for the changes of a clip itself. They are built from the clip when
 * they leave and hold back pulls of that clip; changes of comments,
 * endorsements and reviews carry their own frozen record.
 */
export function isClipKind(kind: OutboxKind): boolean {
  return kind.startsWith('clip.');
}

/**
 * True for a change that creates a clip the server did not know: it goes
 * on no base version, and needs nothing sent before it.
 */
export function createsClip(change: WireChange): boolean {
  return change.type === 'clip.upsert' && change.base_version === undefined;
}
