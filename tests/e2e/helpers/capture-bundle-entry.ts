/**
 * What the anchoring tests run inside a real page: the capture code itself
 * and the passage helpers, exposed on `window.peerclipAnchoring`.
 */
import { anchor } from '@/utils/capture/anchor';
import { captureSelection } from '@/utils/capture/capture-selection';
import { readableText } from '@/utils/capture/readable-text';
import { findDisallowedMarkup } from '@/utils/capture/snippet-allow-list';
import { buildTextModel } from '@/utils/capture/text-model';
import {
  insertTextBefore,
  pickPassages,
  repeatedSentences,
} from './capture-bundle-passages';

const anchoring = {
  anchor,
  buildTextModel,
  captureSelection,
  findDisallowedMarkup,
  insertTextBefore,
  pickPassages,
  readableText,
  repeatedSentences,
};

/** The shape of `window.peerclipAnchoring` in the page. */
export type Anchoring = typeof anchoring;

(globalThis as unknown as { peerclipAnchoring: Anchoring }).peerclipAnchoring =
  anchoring;
