import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

describe('fake browser', () => {
  it('stores and reads local storage', async () => {
    await fakeBrowser.storage.local.set({ answer: 42 });

    const actual = await fakeBrowser.storage.local.get('answer');

    expect(actual).toEqual({ answer: 42 });
  });
});
