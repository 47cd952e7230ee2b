import type { PageQuote, PageQuoteResult } from '@/utils/capture/quote-check';
import {
  QUOTE_CHECK_INPUT,
  QUOTE_CHECK_SCRIPT_FILE,
} from '@/utils/capture/script-files';
import type { ScriptingService } from '@/utils/browser/scripting';

/**
 * Leaves the quotes where the quote-check script takes them. Runs in the
 * page, so it must use nothing but its arguments.
 */
function leaveQuotes(name: string, quotes: PageQuote[]): void {
  (globalThis as unknown as Record<string, unknown>)[name] = quotes;
}

function isResult(value: unknown): value is PageQuoteResult {
  const result = value as Partial<PageQuoteResult> | null;
  return (
    typeof result === 'object' &&
    result !== null &&
    typeof result.id === 'string' &&
    typeof result.found === 'boolean'
  );
}

/**
 * Which quotes the page in the tab still holds, by clip id, read by the
 * quote-check script in the top frame. Null when the page could not be
 * read: the browser refused the script (a browser page, the web store), or
 * the script answered nothing usable. The page's answer is checked like
 * any other input from a page.
 */
export async function injectQuoteCheck(
  scripting: ScriptingService,
  tabId: number,
  quotes: PageQuote[],
): Promise<Map<string, boolean> | null> {
  try {
    await scripting.executeScript({
      target: { tabId },
      func: leaveQuotes as (...args: never[]) => unknown,
      args: [QUOTE_CHECK_INPUT, quotes],
    });
    const [top] = await scripting.executeScript({
      target: { tabId },
      files: [QUOTE_CHECK_SCRIPT_FILE],
    });
    const results = top?.result;
    if (!Array.isArray(results) || !results.every(isResult)) return null;

    return new Map(results.map(({ id, found }) => [id, found]));
  } catch {
    // Pages an extension may not script answer "unknown", never "changed".
    return null;
  }
}
