import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { checkPageQuotes } from '@/utils/capture/page-quote-check';

/**
 * Injected on demand to tell which clips' quotes are still on the page;
 * the value `main` returns is the injection result the background reads.
 * Unlisted, like capture.js, so it carries no extension API polyfill.
 */
export default defineUnlistedScript(() => checkPageQuotes(window));
