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

/** What people are told when a capture produced nothing, by reason. */
export const CAPTURE_FAILURE_MESSAGES: Readonly<
  Record<CaptureFailureReason, string>
> = {
  'no-selection':
    'Nothing is selected on this page. Clip the whole page instead?',
  'selection-in-frame':
    'The selection is inside a frame Peerclip can’t read from here. ' +
    'Select the text outside the frame, or clip the whole page.',
  'empty-page': 'This page has no text Peerclip can clip.',
};

/** A failed capture with its message for people. */
export function captureFailure(reason: CaptureFailureReason): CaptureResult {
  return { ok: false, reason, message: CAPTURE_FAILURE_MESSAGES[reason] };
}
