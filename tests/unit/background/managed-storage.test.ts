import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readManagedSettings } from '@/utils/browser/managed-storage';

describe('readManagedSettings', () => {
  it('reads what the administrator’s policy set', async () => {
    await fakeBrowser.storage.managed.set({ workspaceUrl: 'https://x.co' });

    const policy = await readManagedSettings();

    expect(policy).toEqual({ workspaceUrl: 'https://x.co' });
  });

  it('answers nothing when the browser has no policy to read', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValueOnce(
      new Error('Managed storage manifest not found'),
    );

    const policy = await readManagedSettings();

    expect(policy).toEqual({});
  });
});
