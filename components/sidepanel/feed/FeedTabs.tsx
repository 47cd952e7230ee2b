import { useRef } from 'preact/hooks';
import { FEED_TABS, type FeedTab } from '@/utils/models/feed-model';

/** Props of FeedTabs. */
export interface FeedTabsProps {
  selected: FeedTab;
  onSelect(tab: FeedTab): void;
}

/** The id of a tab's button, which labels its panel. */
export const tabId = (tab: FeedTab) => `peer-feed-tab-${tab}`;

/** The id of the panel every tab controls. */
export const PANEL_ID = 'peer-feed-panel';

const KEY_STEPS: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

/**
 * The feed's tabs as an ARIA tablist: one tab stop, arrow keys, Home and
 * End move between tabs and show the one they land on.
 */
export function FeedTabs({ selected, onSelect }: FeedTabsProps) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent, index: number) {
    const step = KEY_STEPS[event.key];
    if (!step) return;
    event.preventDefault();

    const next = step(index, FEED_TABS.length);
    const target = FEED_TABS[next];
    if (!target) return;
    buttons.current[next]?.focus();
    onSelect(target.tab);
  }

  return (
    <div class="feed-tabs" role="tablist" aria-label="Peer feed">
      {FEED_TABS.map(({ tab, label }, index) => (
        <button
          key={tab}
          ref={(button) => {
            buttons.current[index] = button;
          }}
          type="button"
          role="tab"
          id={tabId(tab)}
          class="feed-tab"
          aria-selected={tab === selected}
          aria-controls={PANEL_ID}
          tabIndex={tab === selected ? 0 : -1}
          onClick={() => onSelect(tab)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
