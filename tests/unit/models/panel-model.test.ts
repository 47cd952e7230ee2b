import { describe, expect, it } from 'vitest';
import { createPanelModel } from '@/utils/models/panel-model';

describe('createPanelModel', () => {
  it('starts on My drafts unless told otherwise', () => {
    const panel = createPanelModel();

    expect(panel.view.value).toBe('drafts');
  });

  it('opens a clip over the current view', () => {
    const panel = createPanelModel('activity');

    panel.openClip('clip-1');

    expect([panel.view.value, panel.openedClipId.value]).toEqual([
      'activity',
      'clip-1',
    ]);
  });

  it('returns to the view the clip was opened from', () => {
    const panel = createPanelModel('feed');
    panel.openClip('clip-1');

    panel.closeClip();

    expect([panel.view.value, panel.openedClipId.value]).toEqual([
      'feed',
      null,
    ]);
  });

  it('closes the opened clip when another view is shown', () => {
    const panel = createPanelModel('feed');
    panel.openClip('clip-1');

    panel.show('review');

    expect([panel.view.value, panel.openedClipId.value]).toEqual([
      'review',
      null,
    ]);
  });
});
