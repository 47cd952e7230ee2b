import type { Capture } from '@/utils/capture/capture-result';
import { canonicalUrl, siteOf } from '@/utils/capture/canonical-url';
import type { Clip } from '@/utils/models/clip';
import { LIMITS } from '@/utils/models/limits';

/** Where a new draft's id and time come from; tests pin both. */
export interface DraftClock {
  newId(): string;
  now(): Date;
}

/** Random UUIDs and the wall clock. */
export const systemClock: DraftClock = {
  newId: () => crypto.randomUUID(),
  now: () => new Date(),
};

/**
 * Turns what the capture script read into a new draft, holding it to the
 * limits whatever the script claimed: a page can tamper with the script.
 */
export function draftFromCapture(
  capture: Capture,
  clock: DraftClock = systemClock,
): Clip {
  const quoteTooLong = capture.quote.length > LIMITS.quoteChars;
  const time = clock.now().toISOString();

  return {
    id: clock.newId(),
    kind: capture.kind,
    sourceUrl: capture.url,
    canonicalUrl: canonicalUrl(capture.url),
    title: capture.title,
    site: siteOf(capture.url),
    quote: capture.quote.slice(0, LIMITS.quoteChars),
    quoteTruncated: capture.quoteTruncated || quoteTooLong,
    selectors: capture.selectors,
    snippet: withinSnippetLimit(capture.snippet),
    byline: capture.byline,
    excerpt: capture.excerpt,
    note: '',
    tags: [],
    topicId: null,
    state: 'draft',
    visibility: 'organisation',
    createdAt: time,
    updatedAt: time,
  };
}

/**
 * Cutting HTML at a byte count would leave broken markup, and the worker has
 * no DOM to repair it, so an oversized snippet is dropped: the quote keeps
 * the text.
 */
function withinSnippetLimit(snippet: string): string {
  const bytes = new TextEncoder().encode(snippet).length;
  return bytes > LIMITS.snippetBytes ? '' : snippet;
}
