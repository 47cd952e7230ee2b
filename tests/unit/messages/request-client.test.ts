import { describe, expect, it } from 'vitest';
import { sendRequest } from '@/utils/messages/request-client';

describe('sendRequest', () => {
  it('returns the background’s reply', async () => {
    const runtime = { sendMessage: async () => ({ ok: true, clipId: 'c1' }) };

    const reply = await sendRequest(runtime, {
      type: 'clip-active-tab',
      mode: 'selection',
    });

    expect(reply).toEqual({ ok: true, clipId: 'c1' });
  });

  it('returns a status reply, which has no ok field', async () => {
    const status = { workspace: null, user: null };
    const runtime = { sendMessage: async () => status };

    const reply = await sendRequest(runtime, { type: 'account-status' });

    expect(reply).toEqual(status);
  });

  it('rejects a failure without a sentence', async () => {
    const runtime = { sendMessage: async () => ({ ok: false }) };

    const reply = sendRequest(runtime, { type: 'sync-now' });

    await expect(reply).rejects.toMatchObject({ code: 'no-reply' });
  });

  it('rejects a reply without the common shape', async () => {
    const runtime = { sendMessage: async () => undefined };

    const reply = sendRequest(runtime, {
      type: 'clip-active-tab',
      mode: 'selection',
    });

    await expect(reply).rejects.toMatchObject({ code: 'no-reply' });
  });
});
