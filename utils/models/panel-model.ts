import { signal } from '@preact/signals';

/** The side panel's views, as its navigation names them. */
export type PanelView = 'feed' | 'drafts' | 'review' | 'activity';

/** The views in navigation order. */
export const PANEL_VIEWS: readonly PanelView[] = [
  'feed',
  'drafts',
  'review',
  'activity',
];

/**
 * Which view of the side panel shows, and which peer clip is open in
 * detail over it. Going back returns to the view the clip was opened from.
 */
export function createPanelModel(initial: PanelView = 'drafts') {
  const view = signal<PanelView>(initial);
  const openedClipId = signal<string | null>(null);

  return {
    view,
    openedClipId,
    show(next: PanelView) {
      openedClipId.value = null;
      view.value = next;
    },
    openClip(clipId: string) {
      openedClipId.value = clipId;
    },
    closeClip() {
      openedClipId.value = null;
    },
  };
}

/** The side panel's navigation state. */
export type PanelModel = ReturnType<typeof createPanelModel>;
