import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { createAuthStorage } from '@/utils/remote/auth-storage';

describe('createAuthStorage', () => {
  const storage = () => createAuthStorage(browser.storage.local);

  it('gives back exactly the string it was given', async () => {
    const session = '{"access_token":"a.b.c","expires_at":1796290000}';
    await storage().setItem('sb-auth-token', session);

    const stored = await storage().getItem('sb-auth-token');

    expect(stored).toBe(session);
  });

  it('answers null for a key never stored', async () => {
    expect(await storage().getItem('sb-auth-token')).toBeNull();
  });

  it('forgets a removed key', async () => {
    await storage().setItem('sb-auth-token', 'x');

    await storage().removeItem('sb-auth-token');

    expect(await storage().getItem('sb-auth-token')).toBeNull();
  });
});
