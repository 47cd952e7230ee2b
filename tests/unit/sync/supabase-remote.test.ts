import { createClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createSupabaseRemote } from '@/utils/remote/supabase-remote';

/** A remote whose every request meets the given fetch. */
function remoteOver(fetch: typeof globalThis.fetch) {
  const client = createClient('http://127.0.0.1:9', 'anon-key', {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
    global: { fetch },
  });
  return createSupabaseRemote(client);
}

/** A fetch that answers every request with this status and JSON body. */
function answering(status: number, body: unknown): typeof fetch {
  return async () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
}

describe('createSupabaseRemote', () => {
  it('says offline when the request gets no answer', async () => {
    const remote = remoteOver(() => Promise.reject(new TypeError('failed')));

    const attempt = remote.pull(0, 10);

    await expect(attempt).rejects.toMatchObject({ code: 'offline' });
  });

  it('asks to sign in again when the server refuses the token', async () => {
    const body = { code: 'PGRST301', message: 'JWT expired' };
    const remote = remoteOver(answering(401, body));

    const attempt = remote.pull(0, 10);

    await expect(attempt).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('refuses a pull answer of the wrong shape', async () => {
    const remote = remoteOver(answering(200, { changes: 'none' }));

    const attempt = remote.pull(0, 10);

    await expect(attempt).rejects.toMatchObject({ code: 'bad-answer' });
  });

  it('turns a pull answer into a page', async () => {
    const body = { changes: [], cursor: 7, has_more: false };
    const remote = remoteOver(answering(200, body));

    const page = await remote.pull(7, 10);

    expect(page).toEqual({ changes: [], cursor: 7, hasMore: false });
  });
});
