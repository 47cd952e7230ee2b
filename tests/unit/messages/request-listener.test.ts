import { describe, expect, it } from 'vitest';
import type { BadRequestReply } from '@/utils/messages/protocol';
import {
  createRequestListener,
  type RequestHandlers,
} from '@/utils/messages/request-handler';

// Only the clip request is exercised here; account requests have their own.
const listener = createRequestListener({
  'clip-active-tab': async (request) => ({ ok: true, clipId: request.mode }),
} as Partial<RequestHandlers> as RequestHandlers);

describe('createRequestListener', () => {
  it('answers a valid request through its handler', async () => {
    const reply = await listener({ type: 'clip-active-tab', mode: 'page' }, {});

    expect(reply).toEqual({ ok: true, clipId: 'page' });
  });

  it.each([
    ['an unknown type', { type: 'delete-everything' }, /Unknown request type/],
    ['a bad mode', { type: 'clip-active-tab', mode: 'all' }, /clip mode/],
    ['a string', 'clip', /must be an object/],
    ['null', null, /must be an object/],
  ])('replies bad-request to %s', async (_case, message, expected) => {
    const reply = await listener(message, {});

    expect(reply).toMatchObject({ ok: false, code: 'bad-request' });
    expect((reply as BadRequestReply).message).toMatch(expected);
  });
});
