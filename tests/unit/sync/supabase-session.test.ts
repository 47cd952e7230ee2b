import { createClient } from '@supabase/supabase-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import WebSocket from 'ws';
import { createAuthStorage } from '@/utils/remote/auth-storage';
import { createSupabaseRemote } from '@/utils/remote/supabase-remote';

const storageKey = 'peerclip-auth';

/** A session whose access token ran out an hour ago. */
function expiredSession(): string {
  const expiresAt = Math.floor(Date.now() / 1000) - 3600;
  return JSON.stringify({
    access_token: 'header.payload.signature',
    token_type: 'bearer',
    expires_in: 3600,
    expires_at: expiresAt,
    refresh_token: 'refresh-once',
    user: {
      id: 'c0000000-0000-4000-8000-000000000001',
      email: 'a@example.com',
    },
  });
}

/** The background's client, with a network that is down. */
function offlineRemote() {
  const client = createClient('http://127.0.0.1:9', 'anon-key', {
    auth: {
      storage: createAuthStorage(browser.storage.local),
      storageKey,
      autoRefreshToken: true,
      persistSession: true,
      detectSessionInUrl: false,
    },
    realtime: { transport: WebSocket as never },
    global: { fetch: () => Promise.reject(new TypeError('fetch failed')) },
  });
  return createSupabaseRemote(client);
}

describe('createSupabaseRemote session', () => {
  beforeEach(async () => {
    // auth-js retries a refresh with growing pauses; skip the waiting.
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    // auth-js logs each failed refresh; the test reads the outcome instead.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await browser.storage.local.set({ [storageKey]: expiredSession() });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('says offline when the refresh cannot reach the workspace', async () => {
    const attempt = offlineRemote().getSession();
    const settled = attempt.catch((error: unknown) => error);

    await vi.runAllTimersAsync();

    expect(await settled).toMatchObject({ code: 'offline' });
  });

  it('keeps the stored session when the refresh fails for the network', async () => {
    const attempt = offlineRemote()
      .getSession()
      .catch(() => undefined);
    await vi.runAllTimersAsync();
    await attempt;

    const stored = await browser.storage.local.get(storageKey);

    expect(stored[storageKey]).toBe(expiredSession());
  });
});
