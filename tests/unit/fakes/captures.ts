import type { Capture } from '@/utils/capture/capture-result';
import type { DraftClock } from '@/utils/store/draft-from-capture';

/** A selection capture as the capture script returns it, with overrides. */
export function fakeCapture(overrides: Partial<Capture> = {}): Capture {
  return {
    kind: 'selection',
    url: 'https://wiki.northwind.example/safety/lifting?utm_source=mail#top',
    title: 'Safe lifting',
    byline: '',
    excerpt: '',
    quote: 'Bend your knees, not your back.',
    quoteTruncated: false,
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: 'Bend your knees, not your back.',
        prefix: 'Before lifting: ',
        suffix: ' Keep the load close.',
      },
      { type: 'TextPositionSelector', start: 16, end: 47 },
    ],
    snippet: '<p>Bend your knees, <strong>not your back</strong>.</p>',
    ...overrides,
  };
}

/**
 * A clock that counts: ids `clip-1`, `clip-2`… and times one second apart,
 * so "newest first" is decided by the order of the calls.
 */
export function countingClock(start = Date.UTC(2026, 11, 3, 9)): DraftClock {
  let ids = 0;
  let ticks = 0;
  return {
    newId: () => `id-${++ids}`,
    now: () => new Date(start + 1000 * ticks++),
  };
}
