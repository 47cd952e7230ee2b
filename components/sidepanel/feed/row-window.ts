/** The height a card is taken to have until it was measured. */
export const ESTIMATED_CARD_HEIGHT = 220;

/** Pixels rendered above and below the visible part of the list. */
export const OVERSCAN_PX = 900;

/**
 * The fewest cards rendered from the first one shown: a panel taller than
 * expected, or cards shorter, still opens on a full screen of cards.
 */
export const MIN_RENDERED_ROWS = 24;

/** The most cards in the DOM, whatever the heights turn out to be. */
export const MAX_RENDERED_ROWS = 120;

/** The rows to render and the room the others take. */
export interface RowWindow {
  /** First row rendered. */
  start: number;
  /** One past the last row rendered. */
  end: number;
  /** Height of the rows above `start`. */
  before: number;
  /** Height of the rows from `end` on. */
  after: number;
}

/**
 * Top of each row, and the total height at the end: offsets[i] is where
 * row i starts. Unmeasured rows, and rows measured as 0 because nothing
 * was laid out, count at the estimated height.
 */
export function rowOffsets(
  ids: readonly string[],
  heights: ReadonlyMap<string, number>,
  estimate = ESTIMATED_CARD_HEIGHT,
): Float64Array {
  const offsets = new Float64Array(ids.length + 1);
  for (let index = 0; index < ids.length; index++) {
    const measured = heights.get(ids[index] ?? '') ?? 0;
    offsets[index + 1] = offsets[index]! + (measured > 0 ? measured : estimate);
  }
  return offsets;
}

/** The first row whose bottom lies below `y`. */
function rowAt(offsets: Float64Array, y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle + 1]! <= y) low = middle + 1;
    else high = middle;
  }
  return Math.max(0, low);
}

/**
 * The rows that cover the visible span of the list (`top` to `bottom`,
 * in the list's own pixels) with some room either side, capped so the
 * DOM stays small even when rows are far smaller than expected.
 */
export function rowWindow(
  offsets: Float64Array,
  top: number,
  bottom: number,
  overscan = OVERSCAN_PX,
): RowWindow {
  const count = offsets.length - 1;
  const total = offsets[count] ?? 0;
  if (count === 0) return { start: 0, end: 0, before: 0, after: 0 };

  const start = rowAt(offsets, Math.max(0, top - overscan));
  let end = rowAt(offsets, Math.max(0, bottom + overscan)) + 1;
  end = Math.max(end, start + MIN_RENDERED_ROWS);
  end = Math.min(count, end, start + MAX_RENDERED_ROWS);
  return {
    start,
    end,
    before: offsets[start] ?? 0,
    after: total - (offsets[end] ?? total),
  };
}
