import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** The rendered height of a card, or 0 where nothing is laid out. */
function heightOf(card: Element, entry?: ResizeObserverEntry): number {
  const box = entry?.borderBoxSize?.[0];
  return box ? box.blockSize : card.getBoundingClientRect().height;
}

/**
 * Measured heights of the feed's cards by clip id, and a version that
 * changes when one changed. Uses ResizeObserver, so a card that grows
 * later (fonts, a wider panel) is measured again; without it, the cards
 * are measured after each render. A height of 0 is ignored, so the list
 * falls back to its estimate where nothing is laid out.
 */
export function useRowHeights(listRef: RefObject<HTMLElement>) {
  const heights = useRef(new Map<string, number>()).current;
  const [version, setVersion] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  const observed = useRef(new Set<Element>()).current;

  function record(card: Element, height: number): boolean {
    const id = (card as HTMLElement).dataset.clipId;
    if (!id || height <= 0) return false;
    if (Math.abs((heights.get(id) ?? 0) - height) < 0.5) return false;
    heights.set(id, height);
    return true;
  }

  useEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver((entries) => {
      const changed = entries.filter((entry) =>
        record(entry.target, heightOf(entry.target, entry)),
      );
      if (changed.length > 0) setVersion((value) => value + 1);
    });
    return () => observer.current?.disconnect();
  }, []);

  /** Measures, or starts watching, the cards now rendered. */
  function measure() {
    const cards = Array.from(listRef.current?.children ?? []);
    const watcher = observer.current;
    if (!watcher) {
      const changed = cards.filter((card) => record(card, heightOf(card)));
      if (changed.length > 0) setVersion((value) => value + 1);
      return;
    }
    // Cards gone from the DOM are let go, or the observer would keep them.
    const current = new Set(cards);
    for (const card of observed) {
      if (!current.has(card)) {
        watcher.unobserve(card);
        observed.delete(card);
      }
    }
    for (const card of cards) {
      if (!observed.has(card)) {
        watcher.observe(card);
        observed.add(card);
      }
    }
  }

  return { heights, version, measure };
}
