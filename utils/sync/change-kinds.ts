import type { OutboxKind } from '@/utils/store/database';

/**
 * True for the changes of a clip itself. They are built from the clip when
 * they leave and hold back pulls of that clip; changes of comments,
 * endorsements and reviews carry their own frozen record.
 */
export function isClipKind(kind: OutboxKind): boolean {
  return kind.startsWith('clip.');
}
