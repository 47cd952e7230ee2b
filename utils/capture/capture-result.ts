import type { ClipKind, Selector } from '@/utils/models/clip';

/** What the capture script read from the page, ready to become a draft. */
export interface Capture {
  kind: ClipKind;
  url: string;
  title: string;
  /** Empty for selection clips. */
  byline: string;
  excerpt: string;
  quote: string;
  quoteTruncated: boolean;
  selectors: Selector[];
  /** Already sanitised by the capture script. */
  snippet: string;
}

/** Why a capture produced nothing; each reason has a message for people. */
export type CaptureFailureReason =
  'no-selection' | 'selection-in-frame' | 'empty-page';

/**
 * The value an injected capture script returns to the background, which
 * validates it on arrival: a page may have tampered with it.
 */
export type CaptureResult =
  | { ok: true; capture: Capture }
  | { ok: false; reason: CaptureFailureReason; message: string };
