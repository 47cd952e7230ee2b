import { describe, expect, it } from 'vitest';
import { splitTags } from '@/utils/models/tag-text';

describe('splitTags', () => {
  it('splits on commas, trims and drops empty tags and repeats', () => {
    const tags = splitTags(' safety, depot,, Safety ,');

    expect(tags).toEqual(['safety', 'depot']);
  });
});
