import { PANEL_VIEWS, type PanelView } from '@/utils/models/panel-model';

/** Props of PanelNav. */
export interface PanelNavProps {
  view: PanelView;
  onShow(view: PanelView): void;
  /** Clips waiting for the reader's review, when known. */
  reviewCount?: number;
  /** News on the reader's clips since they last looked. */
  unseenCount?: number;
}

const LABELS: Record<PanelView, string> = {
  feed: 'Feed',
  drafts: 'My drafts',
  review: 'Review',
  activity: 'Activity',
};

function countText(count: number | undefined): string | null {
  if (!count) return null;
  return count > 99 ? '99+' : String(count);
}

function Count({ of }: { of?: [string | null, string] }) {
  if (!of?.[0]) return null;

  return (
    <span class="panel-nav__count">
      {' '}
      {of[0]}
      <span class="visually-hidden"> {of[1]}</span>
    </span>
  );
}

/**
 * The side panel's navigation between its views. A view is a page of its
 * own, so the current one is marked with aria-current rather than as a tab.
 */
export function PanelNav({
  view,
  onShow,
  reviewCount,
  unseenCount,
}: PanelNavProps) {
  const counts: Partial<Record<PanelView, [string | null, string]>> = {
    review: [countText(reviewCount), 'waiting'],
    activity: [countText(unseenCount), 'new'],
  };

  return (
    <nav class="panel-nav" aria-label="Peerclip">
      {PANEL_VIEWS.map((name) => (
        <button
          key={name}
          type="button"
          class="panel-nav__item"
          aria-current={name === view ? 'page' : undefined}
          onClick={() => onShow(name)}
        >
          {LABELS[name]}
          <Count of={counts[name]} />
        </button>
      ))}
    </nav>
  );
}
