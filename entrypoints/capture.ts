import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { captureSelection } from '@/utils/capture/capture-selection';

/**
 * Injected on demand to clip the selection; the value `main` returns is
 * the injection result the background receives. An unlisted script rather
 * than a content script: WXT's content-script wrapper brings the extension
 * API polyfill, and this script uses no extension API at all.
 */
export default defineUnlistedScript(() => captureSelection(window));
