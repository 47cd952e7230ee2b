import type { ClipFailure, ClipFailureCode } from '@/utils/messages/protocol';

const MESSAGES: Record<ClipFailureCode, string> = {
  'unclippable-page': 'Peerclip can’t clip this page',
  'no-selection':
    'Nothing is selected. Select some text, or clip the whole page.',
  'selection-in-frame':
    'The selection is inside an embedded frame Peerclip can’t read. ' +
    'Open the frame on its own, or clip the whole page.',
  'empty-page': 'This page has no text to clip.',
  'page-changed':
    'The page changed while clipping, so nothing was saved. Try again.',
  'bad-capture':
    'The page sent back something Peerclip can’t read, so nothing was saved.',
  'not-saved': 'The draft could not be saved. Try again.',
};

/**
 * The failure of a given kind, with the sentence people see. `detail` is
 * the reason behind an unclippable page or an unsaved draft.
 */
export function clipFailure(
  code: ClipFailureCode,
  detail?: string,
): ClipFailure {
  const message =
    code === 'unclippable-page' && detail
      ? `${MESSAGES[code]}: ${detail}`
      : MESSAGES[code];

  return {
    ok: false,
    code,
    message,
    ...(code === 'no-selection' ? { offerClipPage: true } : {}),
  };
}
