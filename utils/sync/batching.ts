import { SERVER_BATCH_CAP, type WireChange } from '@/utils/remote/sync-wire';

/** How much one push request may carry. */
export interface BatchLimits {
  maxItems: number;
  maxBytes: number;
}

/**
 * At most 500 changes or 2 MB a request; the item limit is push_changes'
 * own cap, so a full batch is never refused as a whole.
 */
export const DEFAULT_BATCH_LIMITS: BatchLimits = {
  maxItems: SERVER_BATCH_CAP,
  maxBytes: 2 * 1024 * 1024,
};

const encoder = new TextEncoder();

/** The size of a change on the wire, in bytes of UTF-8 JSON. */
export function changeBytes(change: WireChange): number {
  return encoder.encode(JSON.stringify(change)).length;
}

/**
 * Splits changes, in order, into batches within the limits. A change larger
 * than the byte limit travels alone rather than never.
 */
export function planBatches(
  changes: WireChange[],
  limits: BatchLimits = DEFAULT_BATCH_LIMITS,
): WireChange[][] {
  const batches: WireChange[][] = [];
  let current: WireChange[] = [];
  let bytes = 2; // the brackets of the JSON array

  for (const change of changes) {
    const size = changeBytes(change) + 1;
    const full =
      current.length >= limits.maxItems || bytes + size > limits.maxBytes;
    if (current.length > 0 && full) {
      batches.push(current);
      current = [];
      bytes = 2;
    }
    current.push(change);
    bytes += size;
  }

  if (current.length > 0) batches.push(current);
  return batches;
}
