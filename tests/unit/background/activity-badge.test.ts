import { describe, expect, it } from 'vitest';
import {
  createActivityBadge,
  type GlobalBadgeApi,
} from '@/utils/background/activity-badge';

function fakeAction(): GlobalBadgeApi & { text: string } {
  return {
    text: '',
    async setBadgeText({ text }) {
      this.text = text;
    },
    async setBadgeBackgroundColor() {},
  };
}

describe('createActivityBadge', () => {
  it('shows how many things happened to the reader’s clips', async () => {
    const action = fakeAction();
    const badge = createActivityBadge({
      action,
      unseen: async () => 3,
      markSeen: async () => {},
    });

    await badge.refresh();

    expect(action.text).toBe('3');
  });

  it('caps the count at 99+', async () => {
    const action = fakeAction();
    const badge = createActivityBadge({
      action,
      unseen: async () => 250,
      markSeen: async () => {},
    });

    await badge.refresh();

    expect(action.text).toBe('99+');
  });

  it('clears the badge once the reader looked', async () => {
    const action = fakeAction();
    let seen = false;
    const badge = createActivityBadge({
      action,
      unseen: async () => (seen ? 0 : 2),
      markSeen: async () => {
        seen = true;
      },
    });
    await badge.refresh();

    await badge.seen();

    expect([seen, action.text]).toEqual([true, '']);
  });

  it('keeps the last badge when counting fails', async () => {
    const action = fakeAction();
    action.text = '1';
    const badge = createActivityBadge({
      action,
      unseen: async () => {
        throw new Error('database closed');
      },
      markSeen: async () => {},
    });

    await badge.refresh();

    expect(action.text).toBe('1');
  });
});
