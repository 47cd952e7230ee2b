import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import WebSocket from 'ws';
import { supabaseOAuth } from '@/utils/background/supabase-oauth';
import { createAuthStorage } from '@/utils/remote/auth-storage';
import { createPeerclipSupabase } from '@/utils/remote/supabase-client';
import { ANON_KEY } from './fakes/account-harness';

const REDIRECT = 'https://peerclip.chromiumapp.org/';

/** The background's real client over the fake browser's storage. */
function realClient() {
  return createPeerclipSupabase(
    { url: 'https://northwind.supabase.co', anonKey: ANON_KEY },
    createAuthStorage(fakeBrowser.storage.local),
    { transport: WebSocket },
  );
}

describe('supabaseOAuth', () => {
  it('makes a PKCE sign-in address that returns to the extension', async () => {
    const oauth = supabaseOAuth(realClient());

    const url = new URL(await oauth.authorizeUrl('azure', REDIRECT));

    expect({
      path: url.pathname,
      provider: url.searchParams.get('provider'),
      redirect: url.searchParams.get('redirect_to'),
      method: url.searchParams.get('code_challenge_method'),
    }).toEqual({
      path: '/auth/v1/authorize',
      provider: 'azure',
      redirect: REDIRECT,
      method: 's256',
    });
  });

  it('keeps the PKCE verifier in the extension’s storage', async () => {
    const oauth = supabaseOAuth(realClient());

    await oauth.authorizeUrl('azure', REDIRECT);

    const stored = Object.keys(await fakeBrowser.storage.local.get());
    expect(stored.some((key) => key.endsWith('code-verifier'))).toBe(true);
  });
});
