import { LIMITS } from '@/utils/models/limits';
import type {
  TextPositionSelector,
  TextQuoteSelector,
} from '@/utils/models/clip';
import { readableText } from './readable-text';
import { buildTextModel, offsetOf, rangeOf } from './text-model';
import { collapseWhitespace } from './whitespace';

/** How many characters of context a quote selector keeps on each side. */
export const CONTEXT_CHARS = 32;

/** Never reach further than this for context, whatever the whitespace. */
const CONTEXT_REACH = 256;

/** A range described so it can be found again, with the quote to show. */
export interface RangeDescription {
  /** The text as a reader sees it (see `readableText`). */
  quote: string;
  quoteTruncated: boolean;
  selectors: [TextQuoteSelector, TextPositionSelector];
  /** The range described: the selection, or its start when truncated. */
  range: Range;
}

/**
 * Context before `start` holding at least CONTEXT_CHARS characters once
 * whitespace is collapsed, so indentation does not eat the context.
 */
function prefixBefore(text: string, start: number): string {
  let from = Math.max(0, start - CONTEXT_CHARS);
  while (
    from > 0 &&
    start - from < CONTEXT_REACH &&
    collapseWhitespace(text.slice(from, start)).length < CONTEXT_CHARS
  ) {
    from--;
  }
  return text.slice(from, start);
}

function suffixAfter(text: string, end: number): string {
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  while (
    to < text.length &&
    to - end < CONTEXT_REACH &&
    collapseWhitespace(text.slice(end, to)).length < CONTEXT_CHARS
  ) {
    to++;
  }
  return text.slice(end, to);
}

/**
 * Describes a range inside `root` as a quote selector (the exact text with
 * context) and a position selector (offsets into the text model). A range
 * longer than `maxChars` is cut and the selectors describe the part kept.
 * Returns null when the range holds no text.
 */
export function describeRange(
  range: Range,
  root: Node,
  maxChars: number = LIMITS.quoteChars,
): RangeDescription | null {
  const model = buildTextModel(root);
  const start = offsetOf(model, range.startContainer, range.startOffset);
  const fullEnd = offsetOf(model, range.endContainer, range.endOffset);
  const end = Math.min(fullEnd, start + maxChars);
  const kept = rangeOf(model, start, end);
  if (!kept) return null;

  const exact = model.text.slice(start, end);
  if (exact.trim() === '') return null;

  const quote = readableText(kept);
  return {
    quote: quote.slice(0, maxChars),
    quoteTruncated: fullEnd > end || quote.length > maxChars,
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact,
        prefix: prefixBefore(model.text, start),
        suffix: suffixAfter(model.text, end),
      },
      { type: 'TextPositionSelector', start, end },
    ],
    range: kept,
  };
}
