import type { ScriptingService } from '@/utils/browser/scripting';
import type { TabInfo } from '@/utils/browser/tabs';
import { canonicalUrl } from '@/utils/capture/canonical-url';
import { injectQuoteCheck } from '@/utils/clipping/quote-check-injection';
import type {
  CheckPageQuotesReply,
  CheckPageQuotesRequest,
  QuoteCheckResult,
  QuoteToCheck,
} from '@/utils/messages/quote-check-protocol';
import type { SourceCheck } from '@/utils/remote/peer-wire';

/** What the quote check reaches the page and the workspace through. */
export interface QuoteCheckDeps {
  scripting: ScriptingService;
  /** The tab the popup was opened on. */
  activeTab(): Promise<TabInfo | undefined>;
  /**
   * Tells the workspace what was found. Best effort: it may fail or be
   * skipped offline; the check's answer never waits for it.
   */
  report(checks: SourceCheck[]): Promise<void>;
}

/** Outcomes the workspace does not know yet: the ones worth sending. */
function newsFor(
  clips: QuoteToCheck[],
  results: QuoteCheckResult[],
): SourceCheck[] {
  return results.flatMap(({ id, status }, index) => {
    if (status === 'unknown') return [];
    const found = status === 'found';
    const known = clips[index]?.sourceChanged;
    return known === undefined || known === found
      ? [{ clipId: id, found }]
      : [];
  });
}

/**
 * Answers `check-page-quotes`: looks for the clips' quotes in the active
 * tab (which opening the popup let the extension script) and reports what
 * changed since the workspace last heard. A page that cannot be read makes
 * every result `unknown`.
 */
export function createQuoteCheckService(deps: QuoteCheckDeps) {
  // A tab that went to another page since the list was made says nothing
  // about the list's page.
  async function pageTabId(pageUrl: string): Promise<number | undefined> {
    const tab = await deps.activeTab();
    if (tab?.id === undefined || !tab.url) return undefined;
    return canonicalUrl(tab.url) === pageUrl ? tab.id : undefined;
  }

  async function check({
    pageUrl,
    clips,
  }: CheckPageQuotesRequest): Promise<CheckPageQuotesReply> {
    const tabId = await pageTabId(pageUrl);
    const found =
      tabId === undefined || clips.length === 0
        ? null
        : await injectQuoteCheck(deps.scripting, tabId, clips.map(quoteOf));
    const results: QuoteCheckResult[] = clips.map(({ id }) => {
      const there = found?.get(id);
      if (there === undefined) return { id, status: 'unknown' };
      return { id, status: there ? 'found' : 'changed' };
    });

    const news = newsFor(clips, results);
    if (news.length > 0) {
      deps.report(news).catch((error: unknown) => {
        console.warn('[peerclip] Could not report source checks.', error);
      });
    }
    return { ok: true, results };
  }

  return { check };
}

/** The quote check of the background, as its request handler sees it. */
export type QuoteCheckService = ReturnType<typeof createQuoteCheckService>;

function quoteOf({ id, exact, prefix, suffix }: QuoteToCheck) {
  return { id, exact, prefix, suffix };
}
