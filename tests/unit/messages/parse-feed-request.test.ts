import { describe, expect, it } from 'vitest';
import { parseRequest } from '@/utils/messages/parse-request';

describe('parseRequest for feed-page', () => {
  it.each([
    [{ type: 'feed-page', scope: 'everyone' }],
    [{ type: 'feed-page', scope: 'team', cursor: 'b3BhcXVl' }],
    [{ type: 'feed-page', scope: 'site', target: 'wiki.example.com' }],
    [
      {
        type: 'feed-page',
        scope: 'page',
        target: 'https://wiki.example.com/a',
      },
    ],
  ])('reads %o as it was sent', (message) => {
    const request = parseRequest(message);

    expect(request).toEqual(message);
  });

  it('reads a null cursor as the first page', () => {
    const request = parseRequest({
      type: 'feed-page',
      scope: 'team',
      cursor: null,
    });

    expect(request).toEqual({ type: 'feed-page', scope: 'team' });
  });

  it.each([
    [{ type: 'feed-page', scope: 'friends' }, /Unknown feed scope "friends"/],
    [{ type: 'feed-page' }, /Unknown feed scope/],
    [{ type: 'feed-page', scope: 'site' }, /needs a "target"/],
    [{ type: 'feed-page', scope: 'team', cursor: 7 }, /"cursor"/],
    [{ type: 'feed-page', scope: 'page', target: ' ' }, /"target"/],
  ])('refuses %o saying why', (message, reason) => {
    const parse = () => parseRequest(message);

    expect(parse).toThrow(reason);
  });
});
