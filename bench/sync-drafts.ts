// Drafts of typical size for the sync benchmarks: a quote of a few
// sentences with its selectors and snippet, as a capture makes them.
import type { Capture } from '../utils/capture/capture-result';

/** The capture of the n-th typical draft. */
export function typicalCapture(n: number): Capture {
  const quote =
    `Step ${n}: lift with your legs, keep the load close to your body ` +
    'and never twist while carrying. Ask for help with anything over ' +
    '25 kg, and use the trolley for boxes stacked higher than your chest.';
  return {
    kind: 'selection',
    url: `https://wiki.example.com/safety/lifting-${n}?utm_source=mail`,
    title: 'Safe lifting in the warehouse',
    byline: '',
    excerpt: '',
    quote,
    quoteTruncated: false,
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: quote,
        prefix: 'Before: ',
        suffix: ' After',
      },
      { type: 'TextPositionSelector', start: 120, end: 120 + quote.length },
    ],
    snippet: `<p>${quote}</p>`,
  };
}

/** The note written on the n-th typical draft. */
export function typicalNote(n: number): string {
  return `Remind the night shift (${n}).`;
}
