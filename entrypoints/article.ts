import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { captureArticle } from '@/utils/capture/capture-article';

/**
 * Injected on demand for "Clip page": reads the article with Readability,
 * which stays out of the smaller selection script. Its `main` returns the
 * injection result the background receives.
 */
export default defineUnlistedScript(() => captureArticle(window));
