import type {
  Selector,
  TextPositionSelector,
  TextQuoteSelector,
} from '@/utils/models/clip';
import { buildTextModel, rangeOf, type TextModel } from './text-model';
import { collapseWhitespace, collapseWithSources } from './whitespace';

/** Enough to pick among repeats on any real page, and bounded in time. */
const MAX_CANDIDATES = 1_000;

/** Nearness to the old position only breaks ties between equal contexts. */
const PROXIMITY_WEIGHT = 0.5;

/** The context score of a candidate whose prefix and suffix both match. */
const FULL_CONTEXT = 2;

/** Where a quote might be, in offsets of the text model. */
interface Candidate {
  start: number;
  end: number;
}

function commonSuffixLength(a: string, b: string): number {
  let length = 0;
  while (
    length < a.length &&
    length < b.length &&
    a[a.length - 1 - length] === b[b.length - 1 - length]
  ) {
    length++;
  }
  return length;
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) {
    length++;
  }
  return length;
}

/** How well the text around a candidate matches the stored context, 0-2. */
function contextScore(
  text: string,
  candidate: Candidate,
  quote: TextQuoteSelector,
): number {
  const prefix = collapseWhitespace(quote.prefix);
  const suffix = collapseWhitespace(quote.suffix);
  const reach = 2 * Math.max(prefix.length, suffix.length) + 64;
  const before = collapseWhitespace(
    text.slice(Math.max(0, candidate.start - reach), candidate.start),
  );
  const after = collapseWhitespace(
    text.slice(candidate.end, candidate.end + reach),
  );

  const prefixScore = prefix.length
    ? commonSuffixLength(before, prefix) / prefix.length
    : 1;
  const suffixScore = suffix.length
    ? commonPrefixLength(after, suffix) / suffix.length
    : 1;
  return prefixScore + suffixScore;
}

function proximityScore(
  candidate: Candidate,
  position: TextPositionSelector | undefined,
  textLength: number,
): number {
  if (!position) return 0;

  const distance = Math.abs(candidate.start - position.start);
  return 1 - Math.min(1, distance / Math.max(1, textLength));
}

function exactMatches(text: string, exact: string): Candidate[] {
  const found: Candidate[] = [];
  let index = text.indexOf(exact);
  while (index >= 0 && found.length < MAX_CANDIDATES) {
    found.push({ start: index, end: index + exact.length });
    index = text.indexOf(exact, index + 1);
  }
  return found;
}

/** Matches that differ only in whitespace, for re-indented pages. */
function looseMatches(text: string, exact: string): Candidate[] {
  const collapsed = collapseWithSources(text);
  const needle = collapseWhitespace(exact).trim();
  if (needle === '') return [];

  return exactMatches(collapsed.text, needle).map(({ start, end }) => ({
    start: collapsed.sources[start] ?? 0,
    end: (collapsed.sources[end - 1] ?? 0) + 1,
  }));
}

function bestCandidate(
  model: TextModel,
  quote: TextQuoteSelector,
  position: TextPositionSelector | undefined,
): Candidate | undefined {
  let candidates = exactMatches(model.text, quote.exact);
  if (candidates.length === 0)
    candidates = looseMatches(model.text, quote.exact);

  let best: Candidate | undefined;
  let bestScore = -1;
  for (const candidate of candidates) {
    const score =
      contextScore(model.text, candidate, quote) +
      PROXIMITY_WEIGHT * proximityScore(candidate, position, model.text.length);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Finds a clip's quote again inside `root`. The position selector is tried
 * first and kept when the text there is still the quote; otherwise every
 * occurrence of the quote is scored by how well its context matches and by
 * how near it is to the old position, and the best one wins. Returns null
 * when the quote is no longer on the page.
 */
export function anchor(selectors: Selector[], root: Node): Range | null {
  const quote = selectors.find(
    (selector): selector is TextQuoteSelector =>
      selector.type === 'TextQuoteSelector',
  );
  const position = selectors.find(
    (selector): selector is TextPositionSelector =>
      selector.type === 'TextPositionSelector',
  );
  const model = buildTextModel(root);

  if (position && !quote) {
    return rangeOf(model, position.start, position.end);
  }
  if (!quote || quote.exact === '') return null;

  // A repeated sentence can slide into the old position of another one, so
  // the position is trusted only with its whole context intact.
  if (
    position &&
    model.text.slice(position.start, position.end) === quote.exact
  ) {
    const kept = { start: position.start, end: position.end };
    if (contextScore(model.text, kept, quote) === FULL_CONTEXT) {
      return rangeOf(model, kept.start, kept.end);
    }
  }

  const best = bestCandidate(model, quote, position);
  return best ? rangeOf(model, best.start, best.end) : null;
}
