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

  it('says not found when the clip is not shared with the reader', async () => {
    const body = { code: 'P0002', message: 'this clip does not exist' };
    const remote = remoteOver(answering(500, body));

    const attempt = remote.clipDetail('d0000000-0000-4000-8000-000000000001');

    await expect(attempt).rejects.toMatchObject({ code: 'not-found' });
  });

  it("says forbidden, with the server's sentence, to a member", async () => {
    const body = { code: '42501', message: 'only an admin edits the guide' };
    const remote = remoteOver(answering(403, body));

    const attempt = remote.savePublishingGuide(['Cite it'], []);

    await expect(attempt).rejects.toMatchObject({
      code: 'forbidden',
      message: 'only an admin edits the guide',
    });
  });

  it('asks anon to sign in when a function refuses it', async () => {
    const body = { code: '42501', message: 'permission denied' };
    const remote = remoteOver(answering(401, body));

    const attempt = remote.reviewQueue();

    await expect(attempt).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('refuses a directory answer without a guide', async () => {
    const body = {
      me: { id: 'c1' },
      topics: [],
      follows: { people: [], topics: [] },
    };
    const remote = remoteOver(answering(200, body));

    const attempt = remote.directory();

    await expect(attempt).rejects.toMatchObject({ code: 'bad-answer' });
  });

  it('sends a follow as its kind, target and choice', async () => {
    let sent: unknown;
    const remote = remoteOver(async (_url, init) => {
      sent = JSON.parse(String(init?.body));
      return new Response(null, { status: 204 });
    });

    await remote.setFollow({ kind: 'topic', id: 'b1' }, true);

    expect(sent).toEqual({ kind: 'topic', target_id: 'b1', follow: true });
  });
});
