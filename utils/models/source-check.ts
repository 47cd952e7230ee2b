import {
  MAX_QUOTE_CHECKS,
  type QuoteCheckStatus,
  type QuoteToCheck,
} from '@/utils/messages/quote-check-protocol';
import type { FeedItem } from '@/utils/remote/sync-wire';

/**
 * What this browser just saw on the page wins over what the workspace
 * last heard; a page it could not read leaves the workspace's word.
 */
export function sourceChanged(
  item: FeedItem,
  seen: QuoteCheckStatus | undefined,
): boolean {
  if (seen === 'found' || seen === 'changed') return seen === 'changed';
  return item.source_changed === true;
}

/**
 * The quotes worth looking for: the clips that came with a selector, as
 * many as one check takes.
 */
export function quotesToCheck(items: FeedItem[]): QuoteToCheck[] {
  return items.slice(0, MAX_QUOTE_CHECKS).flatMap((item) => {
    const selector = item.quote_selector;
    if (!selector) return [];
    const { exact, prefix, suffix } = selector;
    const known = item.source_changed;
    return [
      {
        ...{ id: item.id, exact, prefix, suffix },
        ...(known === undefined ? {} : { sourceChanged: known }),
      },
    ];
  });
}
