import { describe, expect, it } from 'vitest';
import type { MessageSender } from '@/utils/messages/request-client';
import { askBackground } from '@/utils/models/peer-client';

/** A runtime whose background answers every message with `reply`. */
function answering(reply: unknown): MessageSender & { sent: unknown[] } {
  const sent: unknown[] = [];
  return {
    sent,
    sendMessage: async (message) => {
      sent.push(message);
      return reply;
    },
  };
}

describe('askBackground', () => {
  it('sends the request as it is', async () => {
    const runtime = answering({ ok: true });

    await askBackground(runtime, { type: 'activity-seen' });

    expect(runtime.sent).toEqual([{ type: 'activity-seen' }]);
  });

  it('passes a good reply through', async () => {
    const runtime = answering({ ok: true });

    const reply = await askBackground(runtime, {
      type: 'follow',
      target: { kind: 'topic', id: 'topic-hs' },
      follow: true,
    });

    expect(reply).toEqual({ ok: true });
  });

  it('passes a peer failure through with its code', async () => {
    const failure = { ok: false, code: 'not-found', message: 'Gone.' };

    const reply = await askBackground(answering(failure), {
      type: 'clip-detail',
      clipId: 'clip-1',
    });

    expect(reply).toEqual(failure);
  });

  it('turns a background that throws into a failed reply', async () => {
    const runtime: MessageSender = {
      sendMessage: () =>
        Promise.reject(new Error('Receiving end does not exist.')),
    };

    const reply = await askBackground(runtime, { type: 'review-queue' });

    expect(reply).toEqual({
      ok: false,
      code: 'failed',
      message: 'Peerclip’s background did not answer.',
    });
  });

  it('turns a refused malformed request into a failed reply', async () => {
    const refusal = {
      ok: false,
      code: 'bad-request',
      message: 'The clip id is not a UUID.',
    };

    const reply = await askBackground(answering(refusal), {
      type: 'clip-detail',
      clipId: 'not-a-uuid',
    });

    expect(reply).toEqual({
      ok: false,
      code: 'failed',
      message: 'The clip id is not a UUID.',
    });
  });

  it('turns an unreadable reply into a failed reply', async () => {
    const reply = await askBackground(answering(undefined), {
      type: 'directory',
    });

    expect(reply).toMatchObject({ ok: false, code: 'failed' });
  });
});
