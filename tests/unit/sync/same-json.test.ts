import { describe, expect, it } from 'vitest';
import { sameJson } from '@/utils/sync/same-json';

describe('sameJson', () => {
  it('reads objects with the same fields in another order as the same', () => {
    const actual = sameJson(
      { a: 1, b: [{ c: 'x' }] },
      { b: [{ c: 'x' }], a: 1 },
    );

    expect(actual).toBe(true);
  });

  it('tells a changed nested value apart', () => {
    const actual = sameJson({ tags: ['a', 'b'] }, { tags: ['a', 'c'] });

    expect(actual).toBe(false);
  });

  it('ignores fields left undefined, as JSON drops them', () => {
    const actual = sameJson({ a: 1, topic: undefined }, { a: 1 });

    expect(actual).toBe(true);
  });

  it('tells a null field apart from a missing one', () => {
    expect(sameJson({ a: 1, topic: null }, { a: 1 })).toBe(false);
  });

  it('tells an array apart from an object with the same entries', () => {
    expect(sameJson(['x'], { 0: 'x' })).toBe(false);
  });

  it('tells arrays of other lengths apart', () => {
    expect(sameJson([1, 2], [1, 2, 3])).toBe(false);
  });
});
