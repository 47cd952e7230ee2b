import { LIMITS } from '@/utils/models/limits';
import {
  captureFailure,
  type Capture,
  type CaptureResult,
} from './capture-result';
import { describeRange } from './describe';
import { selectedFieldText } from './field-selection';
import { rangeContent } from './range-html';
import { rebuildSnippet, rebuildSnippetFrom } from './rebuild-snippet';

type PageWindow = Window & typeof globalThis;

/** Frames inside frames are rare; this bounds a hostile page's nesting. */
const MAX_FRAME_DEPTH = 3;

/** The selection as one range, or null when nothing is selected. */
function selectedRange(view: Window): Range | null {
  const selection = view.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
    return null;
  }

  // Firefox keeps one range per table cell; the clip spans all of them.
  const first = selection.getRangeAt(0);
  const last = selection.getRangeAt(selection.rangeCount - 1);
  const range = first.cloneRange();
  range.setEnd(last.endContainer, last.endOffset);
  return range;
}

/**
 * The window of the frame that has the focus, when it is one. A frame
 * from another origin throws on access and gives `undefined`.
 */
function focusedFrame(view: Window): Window | null | undefined {
  const active = view.document.activeElement;
  if (!active || !['iframe', 'frame'].includes(active.localName)) return null;

  try {
    const frame = (active as HTMLIFrameElement).contentWindow;
    void frame?.document;
    return frame ?? undefined;
  } catch {
    return undefined;
  }
}

function pageTitle(view: Window): string {
  return view.document.title.trim() || view.location.hostname;
}

/**
 * A clip of text selected in a form field. It has no selectors: a field's
 * value is not part of the page's text, so it cannot be found again.
 */
function fieldCapture(view: PageWindow, text: string): CaptureResult {
  const quote = text.slice(0, LIMITS.quoteChars);
  const inert = view.document.implementation.createHTMLDocument('');
  const paragraph = inert.createElement('p');
  paragraph.textContent = quote;
  const capture: Capture = {
    kind: 'selection',
    url: view.location.href,
    title: pageTitle(view),
    byline: '',
    excerpt: '',
    quote,
    quoteTruncated: text.length > quote.length,
    selectors: [],
    snippet: rebuildSnippet(paragraph.outerHTML, {}, view),
  };
  return { ok: true, capture };
}

/** Nothing is selected in the page: try the focused frame. */
function captureInFrame(view: PageWindow, depth: number): CaptureResult {
  const frame = depth < MAX_FRAME_DEPTH ? focusedFrame(view) : null;
  if (frame) return captureSelection(frame as PageWindow, depth + 1);
  if (frame === undefined) return captureFailure('selection-in-frame');
  return captureFailure('no-selection');
}

/**
 * Reads the selection of `view` as a clip: the quote a person reads, the
 * selectors that find it again, a sanitised snippet and the page's title
 * and URL. When nothing is selected here but the focus is in a frame, the
 * frame's selection is used if the frame can be read, and the person is
 * told why not otherwise. Text selected in a focused text field is clipped
 * too, without selectors.
 */
export function captureSelection(
  view: PageWindow = window,
  depth = 0,
): CaptureResult {
  // First, since browsers disagree on how a field's selection shows in
  // the page's selection.
  const fieldText = selectedFieldText(view.document);
  if (fieldText !== null) return fieldCapture(view, fieldText);

  const range = selectedRange(view);
  if (!range) return captureInFrame(view, depth);

  const document = view.document;
  // Documents without a body (SVG, XML) count their whole text.
  const root = document.body ?? document.documentElement;
  const described = describeRange(range, root);
  if (!described) return captureFailure('no-selection');

  const snippet = rebuildSnippetFrom(
    rangeContent(described.range),
    { baseUrl: document.baseURI },
    view,
  );
  return {
    ok: true,
    capture: {
      kind: 'selection',
      url: view.location.href,
      title: pageTitle(view),
      byline: '',
      excerpt: '',
      quote: described.quote,
      quoteTruncated: described.quoteTruncated,
      selectors: described.selectors,
      snippet,
    },
  };
}
