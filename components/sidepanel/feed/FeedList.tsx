import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'preact/hooks';
import type { RefObject } from 'preact';
import type { FeedItem } from '@/utils/remote/sync-wire';
import { FeedCard } from './FeedCard';
import { useRowHeights } from './row-heights';
import { rowOffsets, rowWindow, type RowWindow } from './row-window';

/** Props of FeedList. */
export interface FeedListProps {
  items: FeedItem[];
  now: Date;
  hasMore: boolean;
  /** Every clip of the tab is in `items`. */
  complete: boolean;
  loadingMore: boolean;
  /** Why the last page did not come, if it did not. */
  moreProblem: string | null;
  onLoadMore(): void;
  onOpen(clipId: string): void;
  /** Whom the reader follows; absent, cards offer no follow button. */
  follows?: FeedFollows;
}

/** Following the authors of the cards, as the feed's cards need it. */
export interface FeedFollows {
  readerId: string | null;
  people: ReadonlySet<string>;
  busy: ReadonlySet<string>;
  onFollowAuthor(authorId: string, follow: boolean): void;
}

/** Whether the reader follows a card's author; null on their own. */
function followingOf(follows: FeedFollows | undefined, authorId: string) {
  if (!follows?.readerId || follows.readerId === authorId) return null;
  return follows.people.has(authorId);
}

/** Cards left below the window when the next page is asked for. */
const LOAD_AHEAD = 10;

/** The part of the list in view, in the list's own pixels. */
function visibleSpan(list: HTMLElement | null) {
  const viewport = window.innerHeight || 800;
  const top = list ? -list.getBoundingClientRect().top : 0;
  return { top: Math.max(0, top), bottom: Math.max(0, top + viewport) };
}

const sameWindow = (a: RowWindow, b: RowWindow) =>
  a.start === b.start && a.end === b.end;

/**
 * The cards of the feed, virtualised: only the cards around the visible
 * part are in the DOM, the rest stand in as padding of the measured or
 * estimated height. It follows whatever scrolls it, the page or a panel,
 * by watching scroll events and its own position in the viewport.
 */
export function FeedList(props: FeedListProps) {
  const { items, hasMore, loadingMore, moreProblem, onLoadMore } = props;
  const listRef = useRef<HTMLDivElement>(null);
  const [span, setSpan] = useState(() => visibleSpan(null));
  const { heights, version, measure } = useRowHeights(
    listRef as RefObject<HTMLElement>,
  );

  const ids = useMemo(() => items.map((item) => item.id), [items]);
  const offsets = useMemo(
    () => rowOffsets(ids, heights),
    [ids, heights, version],
  );
  const rows = rowWindow(offsets, span.top, span.bottom);
  const shown = useRef(rows);
  shown.current = rows;

  useEffect(() => {
    let frame = 0;
    const follow = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const next = visibleSpan(listRef.current);
        const moved = rowWindow(offsets, next.top, next.bottom);
        if (!sameWindow(moved, shown.current)) setSpan(next);
      });
    };
    follow();
    document.addEventListener('scroll', follow, {
      capture: true,
      passive: true,
    });
    window.addEventListener('resize', follow);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('scroll', follow, { capture: true });
      window.removeEventListener('resize', follow);
    };
  }, [offsets]);

  useLayoutEffect(measure);

  const nearEnd = rows.end >= items.length - LOAD_AHEAD;
  useEffect(() => {
    if (nearEnd && hasMore && !loadingMore && !moreProblem) onLoadMore();
  }, [nearEnd, hasMore, loadingMore, moreProblem, items.length]);

  return (
    <>
      {/* Keys reach the feed from the focused card inside it. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        ref={listRef}
        role="feed"
        class="feed-list"
        aria-label="Clips from peers"
        aria-busy={loadingMore}
        style={{
          paddingTop: `${rows.before}px`,
          paddingBottom: `${rows.after}px`,
        }}
        onKeyDown={moveBetweenCards}
      >
        {items.slice(rows.start, rows.end).map((item, offset) => (
          <FeedCard
            key={item.id}
            item={item}
            now={props.now}
            position={rows.start + offset + 1}
            setSize={props.complete ? items.length : -1}
            sourceChanged={item.source_changed === true}
            onOpen={props.onOpen}
            followingAuthor={followingOf(props.follows, item.author_id)}
            followBusy={props.follows?.busy.has(item.author_id)}
            onFollowAuthor={props.follows?.onFollowAuthor}
          />
        ))}
      </div>
      <FeedEnd {...props} />
    </>
  );
}

/** Page Down and Page Up move between cards, as in the ARIA feed pattern. */
function moveBetweenCards(event: KeyboardEvent) {
  const step = { PageDown: 1, PageUp: -1 }[event.key];
  const card = (event.target as Element).closest('article');
  if (!step || !card) return;

  const position = Number(card.getAttribute('aria-posinset')) + step;
  const next = card.parentElement?.querySelector<HTMLElement>(
    `article[aria-posinset="${position}"]`,
  );
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/** The line under the cards: more coming, why not, or the end. */
function FeedEnd({
  items,
  complete,
  loadingMore,
  moreProblem,
  onLoadMore,
}: FeedListProps) {
  if (items.length === 0) return null;

  return (
    <div class="feed-end" role="status">
      {loadingMore && <p class="hint">Loading more clips…</p>}
      {moreProblem && !loadingMore && (
        <p class="notice notice--problem">
          {moreProblem}{' '}
          <button type="button" onClick={onLoadMore}>
            Try again
          </button>
        </p>
      )}
      {complete && <p class="hint">You have seen every clip in this tab.</p>}
    </div>
  );
}
