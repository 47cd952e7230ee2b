import { RemoteError } from '../../../../utils/remote/remote-error';
import type { FeedQuoteSelector } from '../../../../utils/remote/sync-wire';
import type { WireRecord } from '../../../../utils/remote/sync-wire';
import { peerDataOf } from './fake-peer-data';
import type { FakeWorkspace } from './fake-workspace';

/**
 * When readers found each clip's quote gone, per workspace, by clip id.
 * Kept beside the clip rows, as the server keeps the mark out of the
 * change feed.
 */
const marks = new WeakMap<FakeWorkspace, Map<string, string>>();

function marksOf(workspace: FakeWorkspace): Map<string, string> {
  const found = marks.get(workspace) ?? new Map<string, string>();
  marks.set(workspace, found);
  return found;
}

/** report_source_check over the fake, with the server's refusals. */
export function reportSourceCheckOf(
  workspace: FakeWorkspace,
  userId: string,
  clipId: string,
  found: boolean,
  now = new Date(),
): void {
  const clip = workspace.clips.get(clipId);
  const readable = clip && peerDataOf(workspace).readsClip(userId, clip);
  if (!readable || clip.state !== 'published') {
    throw new RemoteError(
      'not-found',
      'no published clip with this id is shared with you',
    );
  }

  const clipMarks = marksOf(workspace);
  if (found) clipMarks.delete(clipId);
  else if (!clipMarks.has(clipId)) clipMarks.set(clipId, now.toISOString());
}

/** When a reader found the clip's quote gone; null if never. */
export function sourceChangedAt(
  workspace: FakeWorkspace,
  clipId: string,
): string | null {
  return marksOf(workspace).get(clipId) ?? null;
}

/** The clip's quote selector as feed_page sends it with the page scope. */
export function feedQuoteSelector(clip: WireRecord): FeedQuoteSelector | null {
  const selectors = Array.isArray(clip.selectors) ? clip.selectors : [];
  const quote = (selectors as WireRecord[]).find(
    (selector) =>
      selector.type === 'TextQuoteSelector' &&
      typeof selector.exact === 'string' &&
      selector.exact !== '',
  );
  if (!quote) return null;

  const exact = String(quote.exact);
  const prefix = String(quote.prefix ?? '');
  return {
    exact: exact.slice(0, 1000),
    prefix: prefix.slice(Math.max(0, prefix.length - 256)),
    suffix: exact.length > 1000 ? '' : String(quote.suffix ?? '').slice(0, 256),
  };
}
