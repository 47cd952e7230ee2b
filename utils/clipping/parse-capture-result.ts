import type {
  Capture,
  CaptureFailureReason,
  CaptureResult,
} from '@/utils/capture/capture-result';
import type { Selector } from '@/utils/models/clip';

/** A capture result whose shape is wrong; the page may have tampered. */
export class CaptureShapeError extends Error {
  override name = 'CaptureShapeError';
  readonly code = 'bad-capture';
}

const FAILURE_REASONS: CaptureFailureReason[] = [
  'no-selection',
  'selection-in-frame',
  'empty-page',
];

type Fields = Record<string, unknown>;

/**
 * Reads what an injected capture script returned. The script runs in the
 * page, which can replace any of it, so every field is checked here; a bad
 * one throws CaptureShapeError naming it.
 */
export function parseCaptureResult(value: unknown): CaptureResult {
  const result = asFields(value, 'result');

  if (result.ok === false) {
    const reason = result.reason as CaptureFailureReason;
    if (!FAILURE_REASONS.includes(reason)) fail('reason');
    return { ok: false, reason, message: text(result, 'message') };
  }
  if (result.ok !== true) fail('ok');

  return { ok: true, capture: parseCapture(result.capture) };
}

function parseCapture(value: unknown): Capture {
  const capture = asFields(value, 'capture');
  if (capture.kind !== 'selection' && capture.kind !== 'page') fail('kind');
  if (typeof capture.quoteTruncated !== 'boolean') fail('quoteTruncated');

  return {
    kind: capture.kind,
    url: webUrl(capture),
    title: text(capture, 'title'),
    byline: text(capture, 'byline'),
    excerpt: text(capture, 'excerpt'),
    quote: text(capture, 'quote'),
    quoteTruncated: capture.quoteTruncated,
    selectors: selectors(capture.selectors),
    snippet: text(capture, 'snippet'),
  };
}

function selectors(value: unknown): Selector[] {
  if (!Array.isArray(value)) fail('selectors');

  return value.map((entry) => {
    const selector = asFields(entry, 'selector');
    if (selector.type === 'TextQuoteSelector') {
      return {
        type: 'TextQuoteSelector',
        exact: text(selector, 'exact'),
        prefix: text(selector, 'prefix'),
        suffix: text(selector, 'suffix'),
      };
    }
    if (selector.type === 'TextPositionSelector') {
      return {
        type: 'TextPositionSelector',
        start: offset(selector, 'start'),
        end: offset(selector, 'end'),
      };
    }
    return fail('selector type');
  });
}

function webUrl(fields: Fields): string {
  const url = text(fields, 'url');
  if (!/^(https?|file):\/\//i.test(url)) fail('url');
  return url;
}

function text(fields: Fields, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string') fail(name);
  return value;
}

function offset(fields: Fields, name: string): number {
  const value = fields[name];
  if (!Number.isSafeInteger(value) || (value as number) < 0) fail(name);
  return value as number;
}

function asFields(value: unknown, name: string): Fields {
  if (typeof value !== 'object' || value === null) fail(name);
  return value as Fields;
}

function fail(field: string): never {
  throw new CaptureShapeError(`The capture's ${field} is missing or wrong.`);
}
