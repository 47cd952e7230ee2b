import { describe, expect, it } from 'vitest';
import { parseRequestQuery } from '../../../local-stack/rest/query-string.ts';

const parse = (query: string) => parseRequestQuery(new URLSearchParams(query));

describe('local stack query string', () => {
  it('reads an in list with quoted commas', () => {
    const { filters } = parse('title=in.(a,"b,c",d)');

    expect(filters[0]?.value).toEqual(['a', 'b,c', 'd']);
  });

  it('reads a negated filter', () => {
    const { filters } = parse('rank=not.is.null');

    expect(filters[0]).toMatchObject({ operator: 'is', negated: true });
  });

  it('keeps dots inside a value', () => {
    const { filters } = parse('site=eq.intranet.example.com');

    expect(filters[0]?.value).toBe('intranet.example.com');
  });

  it('reads order terms with their modifiers', () => {
    const { order } = parse('order=rank.desc.nullslast,title');

    expect(order).toEqual([
      { column: 'rank', descending: true, nulls: 'last' },
      { column: 'title', descending: false },
    ]);
  });

  it('refuses an unknown operator', () => {
    expect(() => parse('rank=near.3')).toThrow('failed to parse filter');
  });

  it('refuses an is value other than null, true, false or unknown', () => {
    expect(() => parse('rank=is.maybe')).toThrow('failed to parse filter');
  });

  it('refuses or= rather than ignoring it', () => {
    expect(() => parse('or=(a.eq.1,b.eq.2)')).toThrow('not supported');
  });

  it('refuses a limit that is not a whole number', () => {
    expect(() => parse('limit=-1')).toThrow('failed to parse limit');
  });
});
