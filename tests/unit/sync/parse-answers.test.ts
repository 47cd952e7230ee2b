import { describe, expect, it } from 'vitest';
import { parsePullAnswer, parsePushAnswer } from '@/utils/remote/parse-answers';

describe('parsePushAnswer', () => {
  const applied = {
    index: 0,
    change_id: 'c',
    status: 'applied',
    entity: 'clip',
    id: 'x',
    version: 1,
  };

  it('accepts one known result per change', () => {
    expect(parsePushAnswer({ results: [applied] }, 1)).toEqual([applied]);
  });

  it('refuses an answer with fewer results than changes sent', () => {
    expect(() => parsePushAnswer({ results: [applied] }, 2)).toThrow(
      /unexpected shape/,
    );
  });

  it('refuses a result of an unknown status', () => {
    const odd = { ...applied, status: 'maybe' };

    expect(() => parsePushAnswer({ results: [odd] }, 1)).toThrow();
  });
});

describe('parsePullAnswer', () => {
  it('turns has_more into hasMore', () => {
    const page = parsePullAnswer({ changes: [], cursor: 4, has_more: false });

    expect(page).toEqual({ changes: [], cursor: 4, hasMore: false });
  });

  it('refuses a change without a sequence number', () => {
    const answer = {
      changes: [{ entity: 'clip', id: 'x', deleted: true, record: null }],
      cursor: 4,
      has_more: false,
    };

    expect(() => parsePullAnswer(answer)).toThrow();
  });
});
