import { describe, expect, it } from 'vitest';
import { parseRequest } from '@/utils/messages/parse-request';

const quote = {
  id: 'clip-1',
  exact: 'Bend your knees.',
  prefix: 'Lifting. ',
  suffix: ' Keep it close.',
};

const PAGE = 'https://wiki.example.com/manual-handling';

function attempt(clips: unknown): string {
  try {
    parseRequest({ type: 'check-page-quotes', pageUrl: PAGE, clips });
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('parseRequest for check-page-quotes', () => {
  it('reads the quotes as they were sent', () => {
    const message = {
      type: 'check-page-quotes',
      pageUrl: PAGE,
      clips: [quote, { ...quote, id: 'clip-2', sourceChanged: true }],
    };

    expect(parseRequest(message)).toEqual(message);
  });

  it('leaves out fields it does not know', () => {
    const request = parseRequest({
      type: 'check-page-quotes',
      pageUrl: PAGE,
      clips: [{ ...quote, note: 'extra' }],
    });

    expect(request).toEqual({
      type: 'check-page-quotes',
      pageUrl: PAGE,
      clips: [quote],
    });
  });

  it('refuses a request that does not name the page', () => {
    const read = () =>
      parseRequest({ type: 'check-page-quotes', clips: [quote] });

    expect(read).toThrow(/"pageUrl"/);
  });

  it('refuses more than fifty quotes', () => {
    const clips = Array.from({ length: 51 }, () => quote);

    expect(attempt(clips)).toBe(
      '"clips" holds 51 quotes; at most 50 are checked at once.',
    );
  });

  it('names the clip whose quote is too long', () => {
    const clips = [quote, { ...quote, exact: 'x'.repeat(1001) }];

    expect(attempt(clips)).toBe(
      'clips[1]: "exact" is longer than 1000 characters.',
    );
  });

  it.each([
    [undefined, '"clips" must be a list of quotes to check.'],
    [[null], 'clips[0] must be an object.'],
    [[{ ...quote, id: '' }], 'clips[0]: "id" is empty.'],
    [[{ ...quote, prefix: 3 }], 'clips[0]: "prefix" must be a string.'],
    [
      [{ ...quote, suffix: 'y'.repeat(257) }],
      'clips[0]: "suffix" is longer than 256 characters.',
    ],
    [
      [{ ...quote, sourceChanged: 'yes' }],
      'clips[0]: "sourceChanged" must be true, false or absent.',
    ],
  ])('refuses %o', (clips, message) => {
    expect(attempt(clips)).toBe(message);
  });
});
